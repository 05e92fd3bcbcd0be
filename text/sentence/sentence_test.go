package sentence_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

// segmenter returns the segmenter of a built-in language; "" is the
// language-neutral one.
func segmenter(t testing.TB, code string) *sentence.Segmenter {
	t.Helper()
	if code == "" {
		return sentence.New(nil)
	}
	reg, err := lang.Default()
	require.NoError(t, err)
	p, ok := reg.Get(code)
	require.True(t, ok, "no pack %q", code)
	return sentence.New(p)
}

// split returns the sentences of src as text, checking the span invariants.
func split(t testing.TB, s *sentence.Segmenter, src string) []string {
	t.Helper()
	var out []string
	var spans []text.Span
	for sp := range s.All(src) {
		spans = append(spans, sp)
		out = append(out, sp.Text(src))
	}
	checkSpans(t, src, text.Span{Start: 0, End: len(src)}, spans)
	require.Equal(t, spans, s.Append(nil, src, text.Span{Start: 0, End: len(src)}), "All and Append differ")
	return out
}

// checkSpans checks that spans are ordered, non-overlapping, inside within,
// on rune boundaries, non-empty and trimmed.
func checkSpans(t testing.TB, src string, within text.Span, spans []text.Span) {
	t.Helper()
	boundary := runeBoundaries(src)
	prev := within.Start
	for i, sp := range spans {
		require.Truef(t, sp.Start >= prev, "span %d %v starts before %d", i, sp, prev)
		require.Truef(t, sp.Start < sp.End, "span %d %v is empty", i, sp)
		require.Truef(t, sp.End <= within.End, "span %d %v ends after %d", i, sp, within.End)
		require.Truef(t, boundary[sp.Start] && boundary[sp.End], "span %d %v is not on rune boundaries", i, sp)
		require.Equalf(t, sp, sp.Trim(src), "span %d %v is not trimmed", i, sp)
		prev = sp.End
	}
}

// runeBoundaries marks the offsets at which Go's decoding of src starts a
// rune (a stray byte of invalid UTF-8 counts as one), and len(src).
func runeBoundaries(src string) []bool {
	b := make([]bool, len(src)+1)
	for i := range src {
		b[i] = true
	}
	b[len(src)] = true
	return b
}

type segCase struct {
	name string
	src  string
	want []string
}

func runCases(t *testing.T, code string, cases []segCase) {
	s := segmenter(t, code)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, split(t, s, c.src))
		})
	}
}

func TestEnglish(t *testing.T) {
	runCases(t, "en", []segCase{
		{"plain", "It rained. We stayed in! Did you? Yes.",
			[]string{"It rained.", "We stayed in!", "Did you?", "Yes."}},
		{"abbreviation title", "Dr. Smith met Mr. Jones. They talked.",
			[]string{"Dr. Smith met Mr. Jones.", "They talked."}},
		{"abbreviation ends sentence", "He sold pens, paper, etc. The shop closed.",
			[]string{"He sold pens, paper, etc.", "The shop closed."}},
		{"abbreviation before lower case", "It cost approx. ten dollars and e.g. more.",
			[]string{"It cost approx. ten dollars and e.g. more."}},
		{"initials", "J. R. R. Tolkien wrote it. George W. Bush read it.",
			[]string{"J. R. R. Tolkien wrote it.", "George W. Bush read it."}},
		{"acronym", "The U.S. Army left. The U.N. stayed in the U.S. They spoke.",
			[]string{"The U.S. Army left.", "The U.N. stayed in the U.S.", "They spoke."}},
		{"numbers", "It cost 3.5 dollars, 1.5 million in all, for 90.000 units. Fine.",
			[]string{"It cost 3.5 dollars, 1.5 million in all, for 90.000 units.", "Fine."}},
		{"question in quotes", "“Would you…?” he asked. “No,” she said.",
			[]string{"“Would you…?” he asked.", "“No,” she said."}},
		{"quote after the mark", "She said, “It is over.” Then she left.",
			[]string{"She said, “It is over.”", "Then she left."}},
		{"ascii quotes", `He said "Stop!" and left. "Why?" she asked. "Go." He went.`,
			[]string{`He said "Stop!" and left.`, `"Why?" she asked.`, `"Go."`, "He went."}},
		{"quote and comma", "“It is over!”, she said.",
			[]string{"“It is over!”, she said."}},
		{"ellipsis", "Wait… What was that? Well... I don't know. Slides....they are fine.",
			[]string{"Wait…", "What was that?", "Well...", "I don't know.", "Slides....they are fine."}},
		{"omission", "“More people are borrowing … While this may work, it is risky.” He [...] Then left.",
			[]string{"“More people are borrowing … While this may work, it is risky.”", "He [...] Then left."}},
		{"interrobang", "You did what?! No way!!! Really?",
			[]string{"You did what?!", "No way!!!", "Really?"}},
		{"parenthesis", "He left (finally.) Then we ate. (It was late.) We slept.",
			[]string{"He left (finally.)", "Then we ate.", "(It was late.)", "We slept."}},
		{"sentence ends in a parenthesis", "He won (again). The crowd cheered.",
			[]string{"He won (again).", "The crowd cheered."}},
		{"missing space", "The talks ended.Next week they resume.",
			[]string{"The talks ended.", "Next week they resume."}},
		{"no split in domains", "Read it on Vísir.is and bbc.co.uk today. Then www.example.com/A.Html too.",
			[]string{"Read it on Vísir.is and bbc.co.uk today.", "Then www.example.com/A.Html too."}},
		{"url and email", "Mail jane.doe@example.com or see https://example.com/a?b=1. Thanks.",
			[]string{"Mail jane.doe@example.com or see https://example.com/a?b=1.", "Thanks."}},
		{"url ends a line", "Details at https://example.com/report The agency said so.",
			[]string{"Details at https://example.com/report", "The agency said so."}},
		{"colon", "He said: This is it. Fine.",
			[]string{"He said: This is it.", "Fine."}},
		{"headline paragraphs", "Putin does not rule out talks\n\nThe Kremlin said so.\nNext line",
			[]string{"Putin does not rule out talks", "The Kremlin said so.", "Next line"}},
		{"numbered list", "1. Introduction\n2. Methods. We used data.",
			[]string{"1. Introduction", "2. Methods.", "We used data."}},
		{"citation", "Bias is common. [1 - 3] Sociologists agree. [4] Yes.",
			[]string{"Bias is common. [1 - 3]", "Sociologists agree. [4]", "Yes."}},
		{"lower case informal", "nice sarcasm. that's fine with me.",
			[]string{"nice sarcasm.", "that's fine with me."}},
		{"emoticon", "Thanks a lot! :-) See you.",
			[]string{"Thanks a lot! :-)", "See you."}},
		{"wrapped lines", "The minister said\nthat the talks ended.",
			[]string{"The minister said\nthat the talks ended."}},
	})
}

func TestGerman(t *testing.T) {
	runCases(t, "de", []segCase{
		{"abbreviation with space", "Das gilt z. B. für die Blase. Sie ist klein.",
			[]string{"Das gilt z. B. für die Blase.", "Sie ist klein."}},
		{"abbreviation without space", "Das gilt z.B. für Kinder u.a. in Berlin. Gut.",
			[]string{"Das gilt z.B. für Kinder u.a. in Berlin.", "Gut."}},
		{"title", "Dr. Müller kam. Prof. Dr. Schmidt nicht.",
			[]string{"Dr. Müller kam.", "Prof. Dr. Schmidt nicht."}},
		{"era", "Es begann um 1000 v. Chr. auf den Inseln. Dann kam der Rest.",
			[]string{"Es begann um 1000 v. Chr. auf den Inseln.", "Dann kam der Rest."}},
		{"dates", "Am 13. Februar 2021 und am 3. Mai schrieb er. Das war alles.",
			[]string{"Am 13. Februar 2021 und am 3. Mai schrieb er.", "Das war alles."}},
		{"ordinal noun", "Der 2. Weltkrieg endete 1945. Die Stadt lag in Trümmern.",
			[]string{"Der 2. Weltkrieg endete 1945.", "Die Stadt lag in Trümmern."}},
		{"ordinal lower", "Er wurde am 15. des Monats 3. in der Wertung.",
			[]string{"Er wurde am 15. des Monats 3. in der Wertung."}},
		{"roman numeral", "Papst Paul VI. schaffte sie ab. Er starb.",
			[]string{"Papst Paul VI. schaffte sie ab.", "Er starb."}},
		{"number ends", "Die Zahl stieg auf 90.000. Das ist viel.",
			[]string{"Die Zahl stieg auf 90.000.", "Das ist viel."}},
		{"low quotes", "Er sagte: „Wir kommen.“ Dann ging er. „Wann?“, fragte sie.",
			[]string{"Er sagte: „Wir kommen.“", "Dann ging er.", "„Wann?“, fragte sie."}},
		{"chevrons", "»Nein!« rief er. »Gut.« Sie nickte.",
			[]string{"»Nein!« rief er.", "»Gut.«", "Sie nickte."}},
		{"formal pronoun", "Wissen Sie genau, was Sie tun? Ja.",
			[]string{"Wissen Sie genau, was Sie tun?", "Ja."}},
		{"newspaper name", "Das berichtete der Spiegel am Montag laut Die Zeit heute. Gut.",
			[]string{"Das berichtete der Spiegel am Montag laut Die Zeit heute.", "Gut."}},
	})
}

func TestItalian(t *testing.T) {
	runCases(t, "it", []segCase{
		{"title", "Il dott. Rossi e il Sig. Bianchi sono arrivati. Poi sono partiti.",
			[]string{"Il dott. Rossi e il Sig. Bianchi sono arrivati.", "Poi sono partiti."}},
		{"company", "Lavora alla Fiat S.p.A. di Torino. Ora è in pensione.",
			[]string{"Lavora alla Fiat S.p.A. di Torino.", "Ora è in pensione."}},
		{"era", "Nel 512 a.C. circa il re cadde. Fine.",
			[]string{"Nel 512 a.C. circa il re cadde.", "Fine."}},
		{"quotes", "Peskov ha detto: “Proposta molto interessante”. Poi ha taciuto.",
			[]string{"Peskov ha detto: “Proposta molto interessante”.", "Poi ha taciuto."}},
		{"quote with period inside", "\"Ma dobbiamo capire\", ha sottolineato Peskov. \"Il presidente non usa i social.\" Così.",
			[]string{"\"Ma dobbiamo capire\", ha sottolineato Peskov.", "\"Il presidente non usa i social.\"", "Così."}},
		{"headline run-in", "Le voyage de Arturo il corvo Il comico ha fatto ridere i bambini.",
			[]string{"Le voyage de Arturo il corvo", "Il comico ha fatto ridere i bambini."}},
		{"state is not a sentence start", "Sono 500 euro offerti dallo Stato da spendere entro l'anno.",
			[]string{"Sono 500 euro offerti dallo Stato da spendere entro l'anno."}},
	})
}

func TestIcelandic(t *testing.T) {
	runCases(t, "is", []segCase{
		{"abbreviation", "Það kostaði u.þ.b. milljón kr. sem er mikið. Hann borgaði o.fl. Það var gott.",
			[]string{"Það kostaði u.þ.b. milljón kr. sem er mikið.", "Hann borgaði o.fl.", "Það var gott."}},
		{"date", "Samúel skrifar 15. febrúar 2021. Hann sagði frá því.",
			[]string{"Samúel skrifar 15. febrúar 2021.", "Hann sagði frá því."}},
		{"ordinal then name", "Þátturinn er sýndur á RÚV 2. Arnar Freyr keppir.",
			[]string{"Þátturinn er sýndur á RÚV 2.", "Arnar Freyr keppir."}},
		{"domain", "Vísir.is greindi frá. Mbl.is líka.",
			[]string{"Vísir.is greindi frá.", "Mbl.is líka."}},
		{"quotes", "Peskov sagði boð Musk „mjög áhugavert“. Hann vildi meira.",
			[]string{"Peskov sagði boð Musk „mjög áhugavert“.", "Hann vildi meira."}},
		{"name with a function word", "Meiðsli hafa tekið sig upp hjá Bjarka Má og því var ákveðið að hvíla hann.",
			[]string{"Meiðsli hafa tekið sig upp hjá Bjarka Má og því var ákveðið að hvíla hann."}},
	})
}

func TestFrench(t *testing.T) {
	runCases(t, "fr", []segCase{
		{"title", "M. Dupont est arrivé. Mme Durand aussi.",
			[]string{"M. Dupont est arrivé.", "Mme Durand aussi."}},
		{"spaced guillemets", "Il a dit : « C'est fini. » Puis il est parti.",
			[]string{"Il a dit : « C'est fini. »", "Puis il est parti."}},
		{"guillemets open after", "Il est parti. « Enfin ! » dit-elle.",
			[]string{"Il est parti.", "« Enfin ! » dit-elle."}},
		{"abbreviation", "Un traitement efficace (par ex. hypoparathyroïdie) existe. Oui.",
			[]string{"Un traitement efficace (par ex. hypoparathyroïdie) existe.", "Oui."}},
		{"headline run-in", "Interactions avec d'autres médicaments Le risque potentiel n'est pas connu.",
			[]string{"Interactions avec d'autres médicaments", "Le risque potentiel n'est pas connu."}},
		{"elided headline run-in", "Troubles vasculaires L'étude clinique a montré un effet.",
			[]string{"Troubles vasculaires", "L'étude clinique a montré un effet."}},
		{"newspaper name", "Selon Le Monde du 22 septembre, il a démissionné.",
			[]string{"Selon Le Monde du 22 septembre, il a démissionné."}},
		{"era", "Vers 50 av. J.-C. la ville fut prise. Fin.",
			[]string{"Vers 50 av. J.-C. la ville fut prise.", "Fin."}},
	})
}

func TestSpanish(t *testing.T) {
	runCases(t, "es", []segCase{
		{"title", "La Sra. García y el sr. Gillard hablaron. Luego se fueron.",
			[]string{"La Sra. García y el sr. Gillard hablaron.", "Luego se fueron."}},
		{"era", "Comenzó en el 1000 a. C. cuando llegaron. Después, nada.",
			[]string{"Comenzó en el 1000 a. C. cuando llegaron.", "Después, nada."}},
		{"inverted marks", "¿Vienes? ¡Claro que sí! Vamos.",
			[]string{"¿Vienes?", "¡Claro que sí!", "Vamos."}},
		{"state", "El órgano consiste en el ministro de Estado como la cabeza de Gobierno.",
			[]string{"El órgano consiste en el ministro de Estado como la cabeza de Gobierno."}},
		{"acronym", "Viajó a EE. UU. en mayo. Volvió.",
			[]string{"Viajó a EE. UU. en mayo.", "Volvió."}},
	})
}

func TestNeutral(t *testing.T) {
	runCases(t, "", []segCase{
		{"initials", "J. R. R. Tolkien wrote. Then he slept.",
			[]string{"J. R. R. Tolkien wrote.", "Then he slept."}},
		{"quotes", "“Would you…?” he asked. She left.",
			[]string{"“Would you…?” he asked.", "She left."}},
		{"no terminal", "no punctuation at all here",
			[]string{"no punctuation at all here"}},
	})
}

func TestEdgeCases(t *testing.T) {
	for _, src := range []string{
		"", " ", "\n\n\n", ".", "...", "?!", "“”", "a", "A. B. C.", "\xff\xfe. \xc3", "é.É", ". . .",
		"end. \xff Next", "x.\u00a0Y", "(", ")", "[1]", "[12] Next", ":-)", "www.", "@", "a@b",
		"Dr.", "z. B.", "1.", "1. 2. 3.", "\u200b.\u200b", "“Hi.” ” ” ” Bye.",
	} {
		t.Run(fmt.Sprintf("%q", src), func(t *testing.T) {
			for _, code := range []string{"", "en", "de", "is", "fr"} {
				split(t, segmenter(t, code), src)
			}
		})
	}
}

func TestAppendWithin(t *testing.T) {
	s := segmenter(t, "en")
	src := "Intro. First one. Second one.\n\nOther paragraph. Last."
	all := s.Append(nil, src, text.Span{Start: 0, End: len(src)})
	require.Len(t, all, 5)

	// A part of the text: sentences are those of the part.
	within := text.Span{Start: 7, End: 29}
	got := s.Append(nil, src, within)
	checkSpans(t, src, within, got)
	require.Equal(t, []string{"First one.", "Second one."}, texts(src, got))

	// dst is appended to.
	dst := []text.Span{{Start: 0, End: 1}}
	got = s.Append(dst, src, within)
	require.Len(t, got, 3)
	require.Equal(t, text.Span{Start: 0, End: 1}, got[0])

	// Out of range and inverted spans are clipped.
	require.Empty(t, s.Append(nil, src, text.Span{Start: 40, End: 10}))
	got = s.Append(nil, src, text.Span{Start: -5, End: 1000})
	require.Equal(t, all, got)

	// A span that cuts a character is narrowed to whole characters.
	src = "Über alles. Ende."
	got = s.Append(nil, src, text.Span{Start: 1, End: len(src)})
	checkSpans(t, src, text.Span{Start: 1, End: len(src)}, got)
	require.Equal(t, []string{"ber alles.", "Ende."}, texts(src, got))

	// Sentences never cross paragraphs.
	for _, p := range text.Paragraphs(src) {
		for _, sp := range all {
			require.False(t, sp.Overlaps(p) && !p.Contains(sp))
		}
	}
}

func TestAllStops(t *testing.T) {
	s := segmenter(t, "en")
	n := 0
	for range s.All("One. Two. Three. Four.") {
		n++
		if n == 2 {
			break
		}
	}
	require.Equal(t, 2, n)
}

func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seed articles")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		src := string(b)
		for _, code := range []string{"en", "de", "it", "is", "fr", "es"} {
			out := split(t, segmenter(t, code), src)
			require.NotEmpty(t, out)
		}
	}
}

func texts(src string, spans []text.Span) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = sp.Text(src)
	}
	return out
}

// TestLinear checks that inputs that defeat the look-arounds stay fast.
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	s := segmenter(t, "de")
	const n = 1 << 20
	for name, src := range map[string]string{
		"quotes":          strings.Repeat("\"", n),
		"mixed quotes":    strings.Repeat("„“”»«", n/12),
		"no punctuation":  strings.Repeat("wort ", n/5),
		"one long word":   strings.Repeat("a", n),
		"dots":            strings.Repeat(".", n),
		"dot words":       strings.Repeat("a.", n/2),
		"terminal quotes": strings.Repeat("!”", n/4),
		"spaced dots":     strings.Repeat(". ", n/2),
		"abbreviations":   strings.Repeat("z. B. ", n/6),
		"initials":        strings.Repeat("A. ", n/3),
		"leading space":   strings.Repeat(" ", n/2) + strings.Repeat("x\ny\n", n/8),
		"long line":       strings.Repeat("Der Mann. ", n/10),
		"links":           strings.Repeat("http://x.de/a ", n/14),
		"invalid":         strings.Repeat("\xff\xc3. ", n/4),
		"citations":       strings.Repeat(". [1", n/4),
		"emoticons":       strings.Repeat(" :-) ", n/5),
		"spaces":          "a." + strings.Repeat(" ", n) + "B",
	} {
		t.Run(name, func(t *testing.T) {
			require.True(t, utf8.ValidString(src) || name == "invalid")
			done := 0
			for range s.All(src) {
				done++
			}
			require.Positive(t, done)
		})
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"It rained. We stayed in!", "“Would you…?” he asked.", "z. B. am 3. Mai. Dr. Müller.",
		"u.þ.b. 15. febrúar. Vísir.is", "« Fin. » Il part.", "end.Next www.x.de/A.B a@b.c :-) [1]",
		"\xff\xfe. \xc3\xa9.", "1. Intro\n\n2. More", "Le corbeau Le comédien a ri.",
	} {
		f.Add(s, 0, len(s))
	}
	segs := []*sentence.Segmenter{segmenter(f, ""), segmenter(f, "en"), segmenter(f, "de"), segmenter(f, "fr"), segmenter(f, "is")}
	f.Fuzz(func(t *testing.T, src string, lo, hi int) {
		for _, s := range segs {
			var spans []text.Span
			for sp := range s.All(src) {
				spans = append(spans, sp)
			}
			checkSpans(t, src, text.Span{Start: 0, End: len(src)}, spans)
			within := text.Span{Start: lo, End: hi}
			got := s.Append(nil, src, within)
			clip := text.Span{Start: max(0, min(lo, len(src))), End: max(0, min(hi, len(src)))}
			checkSpans(t, src, clip, got)
		}
	})
}

// seeds returns the seed articles with their languages.
func seeds(b *testing.B) (docs []string, langs []string) {
	files, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(files) == 0 {
		b.Skip("no seed articles")
	}
	byPrefix := map[string]string{"000": "is", "001": "de", "002": "it", "003": "en", "004": "it"}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(b, err)
		code, ok := byPrefix[filepath.Base(f)[:3]]
		if !ok {
			code = "en"
		}
		docs = append(docs, string(data))
		langs = append(langs, code)
	}
	return docs, langs
}

func BenchmarkSegment(b *testing.B) {
	docs, langs := seeds(b)
	segs := make([]*sentence.Segmenter, len(docs))
	total := 0
	for i := range docs {
		segs[i] = segmenter(b, langs[i])
		total += len(docs[i])
	}
	b.Run("seeds", func(b *testing.B) {
		b.SetBytes(int64(total))
		b.ReportAllocs()
		var dst []text.Span
		for range b.N {
			for i, d := range docs {
				dst = segs[i].Append(dst[:0], d, text.Span{Start: 0, End: len(d)})
			}
		}
	})
	b.Run("seeds-all", func(b *testing.B) {
		b.SetBytes(int64(total))
		b.ReportAllocs()
		for range b.N {
			for i, d := range docs {
				for range segs[i].All(d) {
				}
			}
		}
	})
	for i, d := range docs {
		big := strings.Repeat(d+"\n\n", (1<<20)/len(d)+1)
		b.Run("1MB-"+langs[i], func(b *testing.B) {
			b.SetBytes(int64(len(big)))
			b.ReportAllocs()
			var dst []text.Span
			for range b.N {
				dst = segs[i].Append(dst[:0], big, text.Span{Start: 0, End: len(big)})
			}
		})
	}
}
