package entities

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/text"
)

// proseWhole is the span of all of s.
func proseWhole(s string) text.Span { return text.Span{Start: 0, End: len(s)} }

// proseTexts returns the source text of each token.
func proseTexts(src string, toks []proseToken) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text(src)
	}
	return out
}

// checkProseSpans asserts the invariants every proseToken and proseEntity
// span keeps: inside the sentence, non-empty, on rune boundaries, in order
// and not overlapping.
func checkProseSpans(t *testing.T, src string, sent text.Span, toks []proseToken) {
	t.Helper()
	prev := sent.Start
	for i, tok := range toks {
		require.Truef(t, sent.Contains(tok.Span), "token %d %v outside sentence %v", i, tok.Span, sent)
		require.Falsef(t, tok.Empty(), "token %d empty", i)
		require.GreaterOrEqualf(t, tok.Start, prev, "token %d %v overlaps or precedes the previous one", i, tok.Span)
		require.Truef(t, utf8.ValidString(tok.Text(src)) || !utf8.ValidString(src), "token %d %q cut inside a rune", i, tok.Text(src))
		require.Truef(t, proseRuneBoundary(src, tok.Start) && proseRuneBoundary(src, tok.End), "token %d %v not on rune boundaries", i, tok.Span)
		require.NotEmpty(t, tok.Tag)
		require.NotEmpty(t, tok.Label)
		prev = tok.End
	}
}

func TestProseAlign(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // source text of each token, in order
	}{
		{"plain", "Vladimir Putin spoke in Moscow.",
			[]string{"Vladimir", "Putin", "spoke", "in", "Moscow", "."}},
		{"ascii quotes", `He said "Go home," and left.`,
			[]string{"He", "said", `"`, "Go", "home", ",", `"`, "and", "left", "."}},
		{"curly quotes and apostrophe", "He said “Don’t go,” and left.",
			[]string{"He", "said", "“", "Do", "n’t", "go", ",", "”", "and", "left", "."}},
		{"contractions", "I can't say they'll come, won't I?",
			[]string{"I", "ca", "n't", "say", "they", "'ll", "come", ",", "wo", "n't", "I", "?"}},
		{"possessives", "Erdoğan's party and the Kremlin’s spokesman",
			[]string{"Erdoğan", "'s", "party", "and", "the", "Kremlin", "’s", "spokesman"}},
		{"money", "It cost $1 billion, or $ 2 billion (about €1.8bn).",
			[]string{"It", "cost", "$", "1", "billion", ",", "or", "$", "2", "billion", "(", "about", "€1.8bn", ")", "."}},
		{"abbreviations", "The U.S. and Mr. Smith met in St. Petersburg.",
			[]string{"The", "U.S.", "and", "Mr.", "Smith", "met", "in", "St.", "Petersburg", "."}},
		{"html apostrophe", "Putin&rsquo;s words",
			[]string{"Putin", "&rsquo;s", "words"}},
		{"white space", "  Tabs\tand\u00a0no-break\u2003spaces \n",
			[]string{"Tabs", "and", "no-break", "spaces"}},
		// prose drops "n't." (a clitic starting the rest of a word): the
		// tokens after it must still be found.
		{"dropped clitic", "“I don't.” Then he left.",
			[]string{"“", "I", "do", "Then", "he", "left", "."}},
		// prose drops the whole word "'sup,".
		{"dropped word", "'sup, dude? Fine.",
			[]string{"dude", "?", "Fine", "."}},
		// prose finds "'s" in the lower case "i̇stanbul's", which is a byte
		// longer than "İstanbul's", and cuts the word one byte late: the
		// tokens are odd but still lie where they are.
		{"lower case longer", "İstanbul's mayor",
			[]string{"İstanbu", "l", "'s", "mayor"}},
		// Here the late cut falls inside "é": both halves are skipped.
		{"cut inside a rune", "ȺȺȺ'sé ok",
			[]string{"ok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := proseAnalyze(tt.src, proseWhole(tt.src))
			checkProseSpans(t, tt.src, proseWhole(tt.src), toks)
			assert.Equal(t, tt.want, proseTexts(tt.src, toks))
		})
	}
}

// A sentence inside a longer text: spans are offsets into the whole text
// and never leave the sentence.
func TestProseSpansWithinSentence(t *testing.T) {
	src := "Erster Satz. “Don’t panic,” Peskov told Reuters in Moscow. Next one."
	start := strings.Index(src, "“")
	end := strings.Index(src, " Next")
	sent := text.Span{Start: start, End: end}
	toks := proseAnalyze(src, sent)
	checkProseSpans(t, src, sent, toks)
	require.NotEmpty(t, toks)
	assert.Equal(t, "“", toks[0].Text(src))
	assert.Equal(t, ".", toks[len(toks)-1].Text(src))
	assert.Equal(t, sent.End, toks[len(toks)-1].End)
	for _, e := range proseEntities(src, sent) {
		assert.True(t, sent.Contains(e.Span), "entity %v outside %v", e.Span, sent)
		assert.True(t, proseRuneBoundary(src, e.Start) && proseRuneBoundary(src, e.End))
	}
}

func TestProseInvalidInput(t *testing.T) {
	src := "Angela Merkel spoke."
	for _, sent := range []text.Span{{Start: 0, End: 0}, {Start: 5, End: 3}, {Start: -1, End: 4}, {Start: 0, End: len(src) + 1}} {
		assert.Nil(t, proseAnalyze(src, sent), "%v", sent)
		assert.Nil(t, proseEntities(src, sent), "%v", sent)
	}
	assert.Empty(t, proseAnalyze("   \n\t", proseWhole("   \n\t")))
	// prose itself panics on this word (a slice bound computed on the
	// lower case, which is longer): we return nil instead.
	assert.NotPanics(t, func() {
		assert.Nil(t, proseAnalyze("ȺȺȺ's", proseWhole("ȺȺȺ's")))
		assert.Nil(t, proseEntities("ȺȺȺ's", proseWhole("ȺȺȺ's")))
	})
	// Invalid UTF-8 does not panic and yields no span cut inside a rune.
	bad := "Putin \xff\xfe said \xe2\x80 it."
	toks := proseAnalyze(bad, proseWhole(bad))
	for _, tok := range toks {
		assert.True(t, proseRuneBoundary(bad, tok.Start) && proseRuneBoundary(bad, tok.End))
	}
}

func TestProseMatch(t *testing.T) {
	tests := []struct {
		src, tok string
		end      int
		ok       bool
	}{
		{"abc", "abc", 3, true},
		{"“x", `"`, len("“"), true},
		{"”x", "''", len("”"), true},
		{"„x", "``", len("„"), true},
		{"’s", "'s", len("’s"), true},
		{"&rsquo;s", "'s", len("&rsquo;s"), true},
		{"abd", "abc", 0, false},
		{"ab", "abc", 0, false},
		{`"`, "'", 0, false},
	}
	for _, tt := range tests {
		end, ok := proseMatch(tt.src, 0, len(tt.src), tt.tok)
		assert.Equal(t, tt.ok, ok, "%q in %q", tt.tok, tt.src)
		if tt.ok {
			assert.Equal(t, tt.end, end, "%q in %q", tt.tok, tt.src)
		}
	}
}

// A token prose changed beyond recognition is skipped and the tokens after
// it are still placed.
func TestProseAlignUnknownToken(t *testing.T) {
	src := "He said ⟨hello⟩ to Peskov."
	raw := []prose.Token{{Text: "He"}, {Text: "said"}, {Text: "<hello>"}, {Text: "to"}, {Text: "Peskov"}, {Text: "."}}
	spans := proseAlign(src, proseWhole(src), raw)
	var got []string
	for i, s := range spans {
		if s.Start < 0 {
			got = append(got, "-")
			continue
		}
		got = append(got, src[s.Start:s.End])
		assert.Equal(t, raw[i].Text, src[s.Start:s.End])
	}
	assert.Equal(t, []string{"He", "said", "-", "to", "Peskov", "."}, got)
}

func TestProseEntitiesLabels(t *testing.T) {
	tests := []struct {
		src  string
		want []string // "LABEL text"
	}{
		{"Angela Merkel met executives of Goldman Sachs in Berlin on Tuesday.",
			[]string{"PERSON Angela Merkel", "ORGANIZATION Goldman Sachs", "GPE Berlin"}},
		{"The United Nations said on Monday that Vladimir Putin would visit France.",
			[]string{"ORGANIZATION United Nations", "PERSON Vladimir Putin", "GPE France"}},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			var got []string
			for _, e := range proseEntities(tt.src, proseWhole(tt.src)) {
				got = append(got, e.Label+" "+e.Text(tt.src))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// proseChunks must group tokens exactly as prose's own Document.Entities.
func TestProseChunksMatchProse(t *testing.T) {
	sents := []string{
		"Angela Merkel met executives of Goldman Sachs in Berlin on Tuesday.",
		"Apple Inc. hired Tim Cook, said the U.S. Securities and Exchange Commission.",
		"Barack Obama visited Microsoft in Seattle &rsquo;today&rsquo;.",
		"Kremlin spokesman Dmitry Peskov said 25 people died in 2024 in Donetsk , Ukraine",
		"SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
	}
	if docs, err := readNERGold(nerGoldPath); err == nil {
		for i := 0; i < len(docs) && i < 300; i++ {
			sents = append(sents, docs[i].Text)
		}
	}
	model, err := proseModel()
	require.NoError(t, err)
	for _, s := range sents {
		doc, err := prose.NewDocument(s, prose.UsingModel(model), prose.WithSegmentation(false))
		require.NoError(t, err)
		toks := doc.Tokens()
		var got []prose.Entity
		for _, c := range proseChunks(toks) {
			words := make([]string, 0, c.last-c.first+1)
			for _, tok := range toks[c.first : c.last+1] {
				words = append(words, tok.Text)
			}
			got = append(got, prose.Entity{Text: strings.Join(words, " "), Label: c.label})
		}
		want := doc.Entities()
		if len(want) == 0 {
			want = nil
		}
		require.Equal(t, want, got, "%s", s)
	}
}

// Parallel calls share the one model; run with -race.
func TestProseConcurrent(t *testing.T) {
	sents := []string{
		"Angela Merkel met executives of Goldman Sachs in Berlin on Tuesday.",
		"The United Nations said on Monday that Vladimir Putin would visit France.",
		"“We don’t comment on that,” Kremlin spokesman Dmitry Peskov told reporters.",
		"It cost $1 billion, the U.S. Treasury said.",
	}
	want := make([][]proseToken, len(sents))
	wantEnts := make([][]proseEntity, len(sents))
	for i, s := range sents {
		want[i] = proseAnalyze(s, proseWhole(s))
		wantEnts[i] = proseEntities(s, proseWhole(s))
	}
	const workers, rounds = 8, 5
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds*len(sents))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				for k := range sents {
					i := (k + w) % len(sents)
					s := sents[i]
					got, ents := proseAnalyzeAll(s, proseWhole(s))
					if !assert.ObjectsAreEqual(want[i], got) || !assert.ObjectsAreEqual(wantEnts[i], ents) {
						errs <- fmt.Errorf("worker %d: %q analysed differently", w, s)
					}
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// Every seed article, English or not, line by line: prose never panics
// through us and every span keeps the invariants.
func TestProseSeeds(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(paths) == 0 {
		t.Skip("no seeds")
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		require.NoError(t, err)
		src := string(raw)
		placed, lost := 0, 0
		for _, sent := range proseCrudeSentences(src) {
			raw, spans := proseRun(src, sent)
			toks, ents := proseCollect(raw, spans)
			checkProseSpans(t, src, sent, toks)
			for _, e := range ents {
				require.True(t, sent.Contains(e.Span) && proseRuneBoundary(src, e.Start) && proseRuneBoundary(src, e.End))
			}
			placed += len(toks)
			lost += len(raw) - len(toks)
		}
		t.Logf("%s: %d tokens placed, %d not", filepath.Base(p), placed, lost)
	}
}

func FuzzProseAnalyze(f *testing.F) {
	for _, s := range []string{
		"He said “Don’t go,” and left.", "“I don't.” Then", "'sup, dude?", "ȺȺȺ'sé ok", "İstanbul's",
		"$1 billion (U.S.)", "Putin&rsquo;s", "\xff\xfe \xe2\x80", "a\u00a0b\u2003c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sent := proseWhole(src)
		toks, ents := proseAnalyzeAll(src, sent)
		prev := 0
		for _, tok := range toks {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(src) ||
				!proseRuneBoundary(src, tok.Start) || !proseRuneBoundary(src, tok.End) {
				t.Fatalf("bad token span %v in %q", tok.Span, src)
			}
			prev = tok.End
		}
		for _, e := range ents {
			if e.Start < 0 || e.End > len(src) || e.End <= e.Start ||
				!proseRuneBoundary(src, e.Start) || !proseRuneBoundary(src, e.End) {
				t.Fatalf("bad entity span %v in %q", e.Span, src)
			}
		}
	})
}
