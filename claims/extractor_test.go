package claims_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/text"
)

func newExtractor(t testing.TB, opts ...claims.Option) *claims.Extractor {
	t.Helper()
	x, err := claims.New(opts...)
	require.NoError(t, err)
	return x
}

func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", name))
	require.NoError(t, err)
	return string(b)
}

// checkSpans asserts the span invariants every result must keep.
func checkSpans(t *testing.T, src string, res *claims.Result) {
	t.Helper()
	if err := spanError(src, res); err != nil {
		t.Fatal(err)
	}
}

// spanError returns the first broken span invariant of res, or nil. It uses
// no testing helpers, so that tests checking many results stay fast.
func spanError(src string, res *claims.Result) error {
	check := func(what string, s text.Span) error {
		if !(0 <= s.Start && s.Start <= s.End && s.End <= len(src)) {
			return fmt.Errorf("%s %v out of range", what, s)
		}
		if !(s.Start == len(src) || utf8.RuneStart(src[s.Start])) {
			return fmt.Errorf("%s %v starts inside a rune", what, s)
		}
		if !(s.End == len(src) || utf8.RuneStart(src[s.End])) {
			return fmt.Errorf("%s %v ends inside a rune", what, s)
		}
		return nil
	}
	for _, s := range []text.Span{res.Title, res.Byline, res.Date} {
		if err := check("header", s); err != nil {
			return err
		}
	}
	prev := 0
	for _, b := range res.Body {
		if err := check("body", b); err != nil {
			return err
		}
		if b.Empty() {
			return fmt.Errorf("body %v is empty", b)
		}
		if b.Start < prev {
			return fmt.Errorf("body spans out of order at %v", b)
		}
		prev = b.End
	}
	prev = 0
	for _, s := range res.Sentences {
		if err := check("sentence", s.Span); err != nil {
			return err
		}
		if s.Empty() {
			return fmt.Errorf("sentence %v is empty", s.Span)
		}
		if s.Span != s.Trim(src) {
			return fmt.Errorf("sentence %v not trimmed", s.Span)
		}
		if s.Start < prev {
			return fmt.Errorf("sentences overlap at %v", s.Span)
		}
		prev = s.End
		inBody := false
		for _, b := range res.Body {
			if b.Contains(s.Span) {
				inBody = true
			} else if b.Overlaps(s.Span) {
				return fmt.Errorf("sentence %v straddles body %v", s.Span, b)
			}
		}
		if inBody != s.InBody {
			return fmt.Errorf("sentence %v: InBody %v, want %v", s.Span, s.InBody, inBody)
		}
	}
	for _, e := range res.Entities {
		if len(e.Mentions) == 0 {
			return fmt.Errorf("entity %s has no mentions", e.Key)
		}
		for _, m := range e.Mentions {
			if err := check("mention", m.Span); err != nil {
				return err
			}
			if m.Empty() {
				return fmt.Errorf("entity %s has an empty mention", e.Key)
			}
			if !(m.Sentence >= 0 && m.Sentence < len(res.Sentences)) {
				return fmt.Errorf("mention sentence %d", m.Sentence)
			}
		}
	}
	for _, c := range res.Claims {
		if err := check("claim", c.Span); err != nil {
			return err
		}
		if c.Span.Empty() {
			return fmt.Errorf("claim %v is empty", c.Span)
		}
		if c.Span.Text(src) != c.Text {
			return fmt.Errorf("a claim's text is exactly its span: %q, span %q", c.Text, c.Span.Text(src))
		}
		if !(c.Sentence >= 0 && c.Sentence < len(res.Sentences)) {
			return fmt.Errorf("claim sentence %d", c.Sentence)
		}
		if err := check("speaker mention", c.Speaker.Mention); err != nil {
			return err
		}
		if err := check("cue", c.Cue); err != nil {
			return err
		}
		for _, q := range c.Quantities {
			if err := check("quantity", q.Span); err != nil {
				return err
			}
			if !c.Span.Contains(q.Span) {
				return fmt.Errorf("quantity %v outside its claim %v", q.Span, c.Span)
			}
		}
		if !(c.Worthiness >= 0 && c.Worthiness <= 1) {
			return fmt.Errorf("worthiness %v", c.Worthiness)
		}
	}
	return nil
}

func TestExtractSeeds(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		file, lang, title string
	}{
		{"000_b655113abce0b368.txt", "is", "Pútín hefur áhuga á stafrænu fundarboði Musks"},
		{"001_d0a4e967319d884a.txt", "de", "Wird es ein Treffen im Clubhaus von Elon Musk und Vladimir Putin geben?"},
		{"002_39eba8b919ba927e.txt", "it", "Elon Musk invita Putin a una chat su ClubHouse. Cremlino: “Proposta molto interessante”"},
		{"003_253bd25c9828cc7a.txt", "en", "Putin does not rule out talks with Musk at the club"},
		{"004_8e28e34d488b3364.txt", "it", "Elon Munk ha invitato Putin su Clubhouse"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := readSeed(t, tt.file)
			res, err := x.Extract(context.Background(), claims.Document{ID: tt.file, Text: src})
			require.NoError(t, err)
			assert.Equal(t, tt.lang, res.Lang)
			assert.Equal(t, tt.title, res.Title.Text(src))
			checkSpans(t, src, res)
			require.NotEmpty(t, res.Body)
		})
	}
}

func TestExtractBoilerplateLeftOut(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		file    string
		outside []string // must not be inside the body
		inside  []string // must be inside the body
	}{
		{"000_b655113abce0b368.txt",
			[]string{"Samúel Karl Ólason skrifar", "Vísir/EPA", "Mest lesið", "Lögreglan var ekki"},
			[]string{"Dimitrí Peskov, talsmaður Pútíns", "— Elon Musk (@elonmusk) February 13, 2021"}},
		{"001_d0a4e967319d884a.txt",
			[]string{"click fraud protection", "Quelle: Elon Musk/Twitter", "Über den Autor", "90-Tage-Verlobte"},
			[]string{"– Elon Musk (@elonmusk) 13. Februar 2021", "Eine „interessante“ Clubhaus-Gelegenheit"}},
		{"002_39eba8b919ba927e.txt",
			[]string{"approfondimento", "leggi anche", "Zuckerberg entra a sorpresa"},
			[]string{"Musk su ClubHouse", "ClubHouse fra inviti e vulnerabilità", "“piazza pubblica”"}},
		{"003_253bd25c9828cc7a.txt",
			[]string{"Previous Post Next Post"},
			[]string{"Peskov said: First of all"}},
		{"004_8e28e34d488b3364.txt",
			[]string{"Di Milena Sala", "Sono nata a Modena", "Lascia un commento", "Il tuo indirizzo email"},
			[]string{"Il motivo dell’invito?", "utenti Apple."}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src := readSeed(t, tt.file)
			res, err := x.Extract(context.Background(), claims.Document{ID: tt.file, Text: src})
			require.NoError(t, err)
			inBody := func(s string) bool {
				i := strings.Index(src, s)
				require.GreaterOrEqual(t, i, 0, "%q not in the seed", s)
				sp := text.Span{Start: i, End: i + len(s)}
				for _, b := range res.Body {
					if b.Overlaps(sp) {
						return true
					}
				}
				return false
			}
			for _, s := range tt.outside {
				assert.False(t, inBody(s), "%q is in the body", s)
			}
			for _, s := range tt.inside {
				assert.True(t, inBody(s), "%q is not in the body", s)
			}
		})
	}
}

func TestExtractDuplicatedBodyOnce(t *testing.T) {
	x := newExtractor(t)
	src := readSeed(t, "000_b655113abce0b368.txt")
	res, err := x.Extract(context.Background(), claims.Document{Text: src})
	require.NoError(t, err)
	needle := "Málið má rekja til þess"
	first := strings.Index(src, needle)
	second := strings.LastIndex(src, needle)
	require.Less(t, first, second)
	count := 0
	for _, b := range res.Body {
		for _, at := range []int{first, second} {
			if b.Start <= at && at < b.End {
				count++
			}
		}
	}
	assert.Equal(t, 1, count, "the repeated passage is in the body once")
}

func TestExtractErrors(t *testing.T) {
	x := newExtractor(t, claims.WithMaxBytes(64))
	ctx := context.Background()

	_, err := x.Extract(ctx, claims.Document{Text: "ok \xff bad"})
	var bad *claims.InvalidUTF8Error
	require.ErrorAs(t, err, &bad)
	assert.Equal(t, 3, bad.Offset)
	assert.ErrorIs(t, err, claims.ErrInvalidUTF8)

	_, err = x.Extract(ctx, claims.Document{Text: strings.Repeat("a", 65)})
	var big *claims.TooLargeError
	require.ErrorAs(t, err, &big)
	assert.Equal(t, 65, big.Size)
	assert.ErrorIs(t, err, claims.ErrTooLarge)

	_, err = x.Extract(ctx, claims.Document{Text: "Hallo.", Lang: "xx"})
	assert.ErrorIs(t, err, claims.ErrUnknownLanguage)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = x.Extract(cancelled, claims.Document{Text: "Hallo."})
	assert.ErrorIs(t, err, context.Canceled)

	_, err = claims.New(claims.WithLanguages("en", "xx"))
	assert.ErrorIs(t, err, claims.ErrUnknownLanguage)
}

func TestExtractGivenLanguage(t *testing.T) {
	x := newExtractor(t, claims.WithLanguages("de", "en"))
	assert.Equal(t, []string{"de", "en"}, x.Languages())
	res, err := x.Extract(context.Background(), claims.Document{Text: "Er kam am 13. Februar. Dann ging er.", Lang: "de"})
	require.NoError(t, err)
	assert.Equal(t, "de", res.Lang)
	assert.Equal(t, 1.0, res.LangConfidence)
	var got []string
	for _, s := range res.Sentences {
		got = append(got, s.Text(res.Source()))
	}
	assert.Equal(t, []string{"Er kam am 13. Februar.", "Dann ging er."}, got)
}

func TestExtractEmptyAndBlank(t *testing.T) {
	x := newExtractor(t)
	for _, src := range []string{"", " \n\n\t ", "...", "„“"} {
		res, err := x.Extract(context.Background(), claims.Document{Text: src})
		require.NoError(t, err, "%q", src)
		checkSpans(t, src, res)
	}
}

// TestExtractConcurrent shares one extractor between goroutines; run with
// -race it proves Extract safe for concurrent use.
func TestExtractConcurrent(t *testing.T) {
	x := newExtractor(t)
	names, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	require.NoError(t, err)
	want := map[string]string{}
	for _, n := range names {
		src := readSeed(t, filepath.Base(n))
		res, err := x.Extract(context.Background(), claims.Document{Text: src})
		require.NoError(t, err)
		b, _ := res.MarshalJSON()
		want[n] = string(b)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(names))
	for range 8 {
		for _, n := range names {
			wg.Add(1)
			go func() {
				defer wg.Done()
				src, _ := os.ReadFile(n)
				res, err := x.Extract(context.Background(), claims.Document{Text: string(src)})
				if err != nil {
					errs <- err
					return
				}
				if b, _ := res.MarshalJSON(); string(b) != want[n] {
					errs <- errors.New(n + ": result differs between runs")
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add("Peskov said: “It is a very interesting proposal,” he added. Dr. Who?", uint8(0))
	f.Add("Samúel Karl Ólason skrifar 15. febrúar 2021 15:51 Text. Vísir/EPA Mehr.", uint8(4))
	f.Add("„unclosed\n\n\"x“ «y» \xe2\x80", uint8(2))
	f.Add("— Elon Musk (@elonmusk) February 13, 2021\nDi Milena Sala\n", uint8(5))
	f.Add("<p>Il portavoce ha detto: &laquo;s&igrave;&raquo;</p>\r\n\x00", uint8(6))
	x := newExtractor(f)
	// Detection, then each language's own rules.
	langs := append([]string{""}, x.Languages()...)
	f.Fuzz(func(t *testing.T, src string, lang uint8) {
		doc := claims.Document{Text: src, Lang: langs[int(lang)%len(langs)]}
		res, err := x.Extract(context.Background(), doc)
		if !utf8.ValidString(src) {
			require.ErrorIs(t, err, claims.ErrInvalidUTF8)
			return
		}
		require.NoError(t, err)
		checkSpans(t, src, res)
		out, err := json.Marshal(res)
		require.NoError(t, err)
		require.True(t, json.Valid(out), "output is not valid JSON")
	})
}

func TestClaimIDsAreStable(t *testing.T) {
	x, err := claims.New()
	require.NoError(t, err)
	src := "Kremlin spokesman Dmitry Peskov said on Monday that the proposal was interesting. “We need more details,” he said."
	a, err := x.Extract(context.Background(), claims.Document{ID: "one", Text: src})
	require.NoError(t, err)
	b, err := x.Extract(context.Background(), claims.Document{ID: "two", Text: src})
	require.NoError(t, err)
	require.NotEmpty(t, a.Claims)
	require.Equal(t, len(a.Claims), len(b.Claims))
	seen := map[string]bool{}
	for i, c := range a.Claims {
		assert.Equal(t, c.ID, b.Claims[i].ID, "same text, same ID, whatever the document's name")
		assert.Regexp(t, `^c[0-9a-f]{16}$`, c.ID)
		assert.False(t, seen[c.ID], "IDs are unique within a document")
		seen[c.ID] = true
	}
	// Another text gives other IDs.
	c, err := x.Extract(context.Background(), claims.Document{Text: src + " Markets were calm."})
	require.NoError(t, err)
	assert.NotEqual(t, a.Claims[0].ID, c.Claims[0].ID)
}

func TestClaimEntities(t *testing.T) {
	x, err := claims.New()
	require.NoError(t, err)
	src := "Kremlin spokesman Dmitry Peskov said that Elon Musk's offer to Vladimir Putin was interesting."
	res, err := x.Extract(context.Background(), claims.Document{Text: src})
	require.NoError(t, err)
	require.Len(t, res.Claims, 1)
	c := res.Claims[0]
	assert.Equal(t, claims.Indirect, c.Kind)
	assert.Equal(t, "per:dmitry-peskov", c.Speaker.Key)
	assert.Equal(t, []string{"per:elon-musk", "per:vladimir-putin"}, c.Entities, "entities inside the claim, not its speaker")
	assert.Equal(t, "en", c.Lang)
}

func TestExtractAllKeepsOrder(t *testing.T) {
	x, err := claims.New()
	require.NoError(t, err)
	docs := func(yield func(claims.Document) bool) {
		for i := range 40 {
			text := fmt.Sprintf("Doc %d. Kremlin spokesman Dmitry Peskov said on Monday that talks were possible.", i)
			if i == 7 {
				text = "\xff bad"
			}
			if !yield(claims.Document{ID: fmt.Sprint(i), Text: text}) {
				return
			}
		}
	}
	var ids []string
	failed := 0
	for res, err := range x.ExtractAll(context.Background(), docs, 4) {
		if err != nil {
			var de *claims.DocError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, "7", de.ID)
			assert.ErrorIs(t, err, claims.ErrInvalidUTF8)
			failed++
			continue
		}
		ids = append(ids, res.ID)
	}
	assert.Equal(t, 1, failed)
	require.Len(t, ids, 39)
	for i, id := range ids {
		want := i
		if i >= 7 {
			want = i + 1
		}
		assert.Equal(t, fmt.Sprint(want), id)
	}
	// Breaking early stops cleanly.
	n := 0
	for range x.ExtractAll(context.Background(), docs, 4) {
		if n++; n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n)
	// A cancelled context ends the stream with its error.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var last error
	for _, err := range x.ExtractAll(ctx, docs, 2) {
		last = err
	}
	assert.ErrorIs(t, last, context.Canceled)
}

func TestLinkRenamesSpeakers(t *testing.T) {
	x, err := claims.New()
	require.NoError(t, err)
	l := entities.NewLinker()
	a, err := x.Extract(context.Background(), claims.Document{Text: "Kremlin spokesman Dmitry Peskov said on Monday that the offer was interesting."})
	require.NoError(t, err)
	a.Link(l)
	b, err := x.Extract(context.Background(), claims.Document{Text: "Peskov said on Tuesday that more details were needed before any talks."})
	require.NoError(t, err)
	require.NotEmpty(t, b.Claims)
	assert.Empty(t, b.Claims[0].Speaker.Key, "a bare surname opening a sentence is no name in its own article")
	b.Link(l)
	assert.Equal(t, "per:dmitry-peskov", b.Claims[0].Speaker.Key)
	assert.Equal(t, "Dmitry Peskov", b.Claims[0].Speaker.Name)

	c, err := x.Extract(context.Background(), claims.Document{Text: "On Wednesday, Peskov said that talks would wait."})
	require.NoError(t, err)
	require.NotEmpty(t, c.Claims)
	assert.Equal(t, "org:peskov", c.Claims[0].Speaker.Key, "a lone unknown word is typed an organisation")
	c.Link(l)
	assert.Equal(t, "per:dmitry-peskov", c.Claims[0].Speaker.Key)
	assert.Equal(t, "Dmitry Peskov", c.Claims[0].Speaker.Name)
	assert.Equal(t, "per:dmitry-peskov", c.Entities[0].Key)
}

func TestJSONOffsetUnits(t *testing.T) {
	x, err := claims.New(claims.WithOffsets(claims.CodePoints | claims.UTF16))
	require.NoError(t, err)
	src := "Þjóðverjar 🇩🇪 og Ísland.\n\nDímitrí Peskov, talsmaður Pútíns, sagði að boð Musk væri „mjög áhugavert“ 😀 en hann þyrfti frekari upplýsingar."
	res, err := x.Extract(context.Background(), claims.Document{Text: src, Lang: "is"})
	require.NoError(t, err)
	b, err := json.Marshal(res)
	require.NoError(t, err)
	var out struct {
		Claims []struct {
			Text     string `json:"text"`
			StartCP  int    `json:"start_cp"`
			EndCP    int    `json:"end_cp"`
			StartU16 int    `json:"start_u16"`
			EndU16   int    `json:"end_u16"`
		} `json:"claims"`
		Sentences []map[string]any `json:"sentences"`
	}
	require.NoError(t, json.Unmarshal(b, &out))
	require.NotEmpty(t, out.Claims)
	runes := []rune(src)
	units := utf16.Encode(runes)
	for _, c := range out.Claims {
		assert.Equal(t, c.Text, string(runes[c.StartCP:c.EndCP]), "code points as Python counts them")
		assert.Equal(t, c.Text, string(utf16.Decode(units[c.StartU16:c.EndU16])), "UTF-16 units as JavaScript counts them")
	}
	assert.Contains(t, out.Sentences[0], "start_cp")

	plain, err := claims.New()
	require.NoError(t, err)
	res, err = plain.Extract(context.Background(), claims.Document{Text: src, Lang: "is"})
	require.NoError(t, err)
	b, err = json.Marshal(res)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "start_cp", "other units only when asked for")
}
