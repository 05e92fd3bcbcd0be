package export_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/export"
	"github.com/hearsay-go/hearsay/quotes"
	"github.com/hearsay-go/hearsay/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

const seeds = "../testdata/seeds"

// goldenSeed is the article the golden files are written from.
const goldenSeed = "003_253bd25c9828cc7a.txt"

// extractor is built once: building it parses every language pack.
var extractor = sync.OnceValues(func() (*claims.Extractor, error) { return claims.New() })

func extract(t testing.TB, doc claims.Document) *claims.Result {
	t.Helper()
	x, err := extractor()
	require.NoError(t, err)
	res, err := x.Extract(context.Background(), doc)
	require.NoError(t, err)
	return res
}

func seed(t testing.TB, name string) *claims.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(seeds, name))
	require.NoError(t, err)
	return extract(t, claims.Document{
		ID:        name,
		Text:      string(data),
		URL:       "https://example.com/news/" + strings.TrimSuffix(name, ".txt"),
		Published: time.Date(2021, 2, 15, 0, 0, 0, 0, time.UTC),
	})
}

func allSeeds(t *testing.T) []*claims.Result {
	names, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, names, "no seed articles in %s", seeds)
	var out []*claims.Result
	for _, n := range names {
		out = append(out, seed(t, filepath.Base(n)))
	}
	return out
}

// TestGolden compares every format for one seed article with
// testdata/<seed>.<format>.json, so that a change reads as a diff;
// go test ./export -update rewrites them.
func TestGolden(t *testing.T) {
	res := seed(t, goldenSeed)
	require.NotEmpty(t, res.Claims)
	var schema []export.SchemaOrgClaim
	var reviews []export.SchemaOrgClaimReview
	for _, c := range res.Claims {
		schema = append(schema, export.SchemaClaim(res, c))
		reviews = append(reviews, export.ClaimReview(res, c, export.Review{
			URL: "https://factcheck.example.org/reviews/1", Author: "Example Fact Check", Rating: "Unproven",
			RatingValue: 3, BestRating: 5, WorstRating: 1, Date: time.Date(2021, 2, 20, 0, 0, 0, 0, time.UTC),
		}))
	}
	for format, v := range map[string]any{"annotations": export.Annotations(res), "claims": schema, "claimreviews": reviews} {
		t.Run(format, func(t *testing.T) {
			got, err := json.MarshalIndent(v, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			golden := filepath.Join("testdata", strings.TrimSuffix(goldenSeed, ".txt")+"."+format+".json")
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./export -update to create it")
			assert.Equal(t, string(want), string(got), "output differs from %s (go test ./export -update rewrites it)", golden)
		})
	}
}

// TestJSONLD reads the output back as plain JSON, as a JSON-LD processor
// would, and checks the contexts and types each format is known by.
func TestJSONLD(t *testing.T) {
	res := seed(t, goldenSeed)
	require.NotEmpty(t, res.Claims)
	c := res.Claims[0]
	decode := func(v any) map[string]any {
		data, err := json.Marshal(v)
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(data, &m))
		return m
	}

	a := decode(export.Annotation(res, c))
	assert.Equal(t, "http://www.w3.org/ns/anno.jsonld", a["@context"])
	assert.Equal(t, "Annotation", a["type"])
	assert.Equal(t, "urn:hearsay:"+res.ID+":"+c.ID, a["id"])
	target := a["target"].(map[string]any)
	assert.Equal(t, res.URL, target["source"])
	sels := target["selector"].([]any)
	require.Len(t, sels, 2)
	assert.Equal(t, "TextQuoteSelector", sels[0].(map[string]any)["type"])
	assert.Equal(t, c.Text, sels[0].(map[string]any)["exact"])
	assert.Equal(t, "TextPositionSelector", sels[1].(map[string]any)["type"])

	s := decode(export.SchemaClaim(res, c))
	assert.Equal(t, "https://schema.org", s["@context"])
	assert.Equal(t, "Claim", s["@type"])
	assert.Equal(t, c.Text, s["text"])
	assert.Equal(t, "NewsArticle", s["appearance"].(map[string]any)["@type"])

	r := decode(export.ClaimReview(res, c, export.Review{Author: "Example Fact Check", Rating: "False"}))
	assert.Equal(t, "https://schema.org", r["@context"])
	assert.Equal(t, "ClaimReview", r["@type"])
	assert.Equal(t, c.Text, r["claimReviewed"])
	item := r["itemReviewed"].(map[string]any)
	assert.Equal(t, "Claim", item["@type"])
	assert.NotContains(t, item, "@context", "the review's context covers the nested claim")
	assert.Equal(t, "Rating", r["reviewRating"].(map[string]any)["@type"])
}

// TestAnnotationRoundTrip decodes annotations into the typed struct again:
// the selectors come back from the "selector" array.
func TestAnnotationRoundTrip(t *testing.T) {
	for _, a := range export.Annotations(seed(t, goldenSeed)) {
		data, err := json.Marshal(a)
		require.NoError(t, err)
		var back export.WebAnnotation
		require.NoError(t, json.Unmarshal(data, &back))
		assert.Equal(t, a, back)
	}
}

func TestTargetUnmarshal(t *testing.T) {
	tests := []struct {
		name, in string
		want     export.Target
	}{
		{"one selector", `{"source":"s","selector":{"type":"TextQuoteSelector","exact":"x"}}`,
			export.Target{Source: "s", Quote: export.TextQuoteSelector{Exact: "x"}}},
		{"other selectors skipped", `{"source":"s","selector":[{"type":"CssSelector","value":"p"},{"type":"TextPositionSelector","start":2,"end":5}]}`,
			export.Target{Source: "s", Position: export.TextPositionSelector{Start: 2, End: 5}}},
		{"no selector", `{"source":"s"}`, export.Target{Source: "s"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got export.Target
			require.NoError(t, json.Unmarshal([]byte(tt.in), &got))
			assert.Equal(t, tt.want, got)
		})
	}
	var got export.Target
	assert.Error(t, json.Unmarshal([]byte(`{"selector":[1]}`), &got))
}

// TestSelectorsOnSeeds checks every claim of every seed: the quote is the
// claim's text with its real context, and the positions, counted in code
// points independently of text.Index, give back the claim's byte span.
func TestSelectorsOnSeeds(t *testing.T) {
	n := 0
	for _, res := range allSeeds(t) {
		doc := res.Source()
		runes := []rune(doc)
		for i, a := range export.Annotations(res) {
			c := res.Claims[i]
			q, p := a.Target.Quote, a.Target.Position
			assert.Equal(t, c.Text, q.Exact, "%s %s", res.ID, c.ID)
			require.True(t, 0 <= p.Start && p.Start <= p.End && p.End <= len(runes), "%s %s: %+v", res.ID, c.ID, p)
			assert.Equal(t, c.Span.Start, len(string(runes[:p.Start])), "%s %s: start", res.ID, c.ID)
			assert.Equal(t, c.Span.End, len(string(runes[:p.End])), "%s %s: end", res.ID, c.ID)
			assert.Equal(t, c.Text, string(runes[p.Start:p.End]))

			assert.True(t, strings.HasSuffix(doc[:c.Span.Start], q.Prefix), "%s %s: prefix %q", res.ID, c.ID, q.Prefix)
			assert.True(t, strings.HasPrefix(doc[c.Span.End:], q.Suffix), "%s %s: suffix %q", res.ID, c.ID, q.Suffix)
			assert.Equal(t, min(32, p.Start), utf8.RuneCountInString(q.Prefix))
			assert.Equal(t, min(32, len(runes)-p.End), utf8.RuneCountInString(q.Suffix))
			assert.True(t, utf8.ValidString(q.Prefix) && utf8.ValidString(q.Suffix), "context split a rune")

			sp, ok := export.Anchor(doc, q, &p)
			assert.True(t, ok)
			assert.Equal(t, c.Span, sp, "%s %s: anchored", res.ID, c.ID)
			assert.Equal(t, a, export.Annotation(res, c), "Annotation and Annotations agree")
			n++
		}
	}
	assert.Greater(t, n, 20, "the seeds have claims to check")
}

// TestCodePoints: in text with accented letters and emoji before and
// inside the claim, positions count code points, not bytes or UTF-16
// units.
func TestCodePoints(t *testing.T) {
	doc := "Pútín ræðir við Musk 🚀\n\nDímítrí Peskov, talsmaður Pútíns, sagði: „Þetta er mjög áhugavert tilboð 🙂 en við þurfum að skoða það.“\n\nHann bætti við að forsetinn notaði ekki samfélagsmiðla."
	res := extract(t, claims.Document{ID: "is-emoji", Text: doc, Lang: "is"})
	exact := "Þetta er mjög áhugavert tilboð 🙂 en við þurfum að skoða það"
	var found bool
	for _, a := range export.Annotations(res) {
		if a.Target.Quote.Exact != exact {
			continue
		}
		found = true
		start := strings.Index(doc, exact)
		// Counted by hand: the title is 22 code points (the rocket is
		// one, four bytes, two UTF-16 units), then two newlines, …
		wantStart := len([]rune("Pútín ræðir við Musk 🚀\n\nDímítrí Peskov, talsmaður Pútíns, sagði: „"))
		assert.Equal(t, 66, wantStart)
		assert.Equal(t, wantStart, a.Target.Position.Start)
		assert.Equal(t, wantStart+59, a.Target.Position.End, "the claim is 59 code points")
		assert.NotEqual(t, start, a.Target.Position.Start, "bytes differ from code points here")
		assert.Equal(t, "skov, talsmaður Pútíns, sagði: „", a.Target.Quote.Prefix)
		assert.Equal(t, 32, utf8.RuneCountInString(a.Target.Quote.Prefix))
		assert.Equal(t, "direct statement by Dmitry Peskov", a.Body[0].Value)
	}
	assert.True(t, found, "the quotation is a claim")
}

// TestAnchorEdited stores the annotations of a seed, edits the text before,
// between and after the claims, and finds every claim again.
func TestAnchorEdited(t *testing.T) {
	res := seed(t, goldenSeed)
	doc := res.Source()
	anns := export.Annotations(res)
	require.NotEmpty(t, anns)

	// A new first paragraph, and a word changed after the last claim.
	insert := "Updated 16 February 2021: this article was corrected. Ürün 😀.\n\n"
	last := res.Claims[len(res.Claims)-1].Span.End
	tail := strings.Replace(doc[last:], "Previous Post", "Older Post", 1)
	require.NotEqual(t, doc[last:], tail, "the seed ends with a link list to edit")
	edited := insert + doc[:last] + tail
	for i, a := range anns {
		want := res.Claims[i].Span
		want.Start += len(insert)
		want.End += len(insert)
		sp, ok := export.Anchor(edited, a.Target.Quote, &a.Target.Position)
		require.True(t, ok, a.Target.Quote.Exact)
		assert.Equal(t, want, sp)
		sp, ok = export.Anchor(edited, a.Target.Quote, nil)
		require.True(t, ok)
		assert.Equal(t, want, sp, "the quote alone finds it")
	}

	// The claim's sentence quoted again at the end, as follow-ups do: the
	// stored context tells the original from the copy.
	c := res.Claims[2]
	copied := doc + "\n\nAs we reported, " + c.Text + "."
	sp, ok := export.Anchor(copied, anns[2].Target.Quote, nil)
	require.True(t, ok)
	assert.Equal(t, c.Span, sp)
}

func TestAnchor(t *testing.T) {
	q := func(prefix, exact, suffix string) export.TextQuoteSelector {
		return export.TextQuoteSelector{Prefix: prefix, Exact: exact, Suffix: suffix}
	}
	pos := func(start int) *export.TextPositionSelector {
		return &export.TextPositionSelector{Start: start, End: start + 1}
	}
	tests := []struct {
		name string
		doc  string
		q    export.TextQuoteSelector
		p    *export.TextPositionSelector
		want int // byte offset of the match; -1 for none
	}{
		{"unchanged", "He said: yes. Then no.", q("said: ", "yes", ". Then"), pos(9), 9},
		{"text inserted before", "NEW. He said: yes. Then no.", q("said: ", "yes", ". Then"), pos(9), 14},
		{"prefix picks", "I said: yes. You said: yes. They said: no.", q("You said: ", "yes", "."), nil, 23},
		{"suffix picks", "yes, she wrote. yes, he said.", q("", "yes", ", he said"), nil, 16},
		{"context beats position", "I said: yes. You said: yes.", q("You said: ", "yes", "."), pos(8), 23},
		{"same context: nearest position", "ok: yes. ok: yes. ok: yes.", q("ok: ", "yes", "."), pos(13), 13},
		// Counted in bytes, position 14 would be the first "yes".
		{"position in code points", "ääääää: yes. b: yes.", q(": ", "yes", "."), pos(14), 22},
		{"same context, no position: first", "ok: yes. ok: yes.", q("ok: ", "yes", "."), nil, 4},
		{"overlapping occurrences", "aaaa", q("aa", "aa", ""), nil, 2},
		{"multi-byte exact", "Þetta 🙂 gott. Þetta 🙂 gott!", q("", "Þetta 🙂 gott", "!"), nil, 18},
		{"missing", "He said: yes.", q("", "no", ""), nil, -1},
		{"empty exact", "He said: yes.", q("said", "", ""), pos(0), -1},
		{"exact longer than doc", "yes", q("", "yes!", ""), nil, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, ok := export.Anchor(tt.doc, tt.q, tt.p)
			if tt.want < 0 {
				assert.False(t, ok)
				return
			}
			require.True(t, ok)
			assert.Equal(t, text.Span{Start: tt.want, End: tt.want + len(tt.q.Exact)}, sp)
			assert.Equal(t, tt.q.Exact, tt.doc[sp.Start:sp.End])
		})
	}
}

func FuzzAnchor(f *testing.F) {
	f.Add("He said: yes. She said: yes.", "said: ", "yes", ".", 20)
	f.Add("Þetta 🙂 gott. Þetta 🙂 gott!", "", "🙂", " gott!", 3)
	f.Add("aaaa", "a", "aa", "", -5)
	f.Add("\xff\xfeab\xff", "\xff", "ab", "\xff", 1)
	f.Fuzz(func(t *testing.T, doc, prefix, exact, suffix string, start int) {
		q := export.TextQuoteSelector{Prefix: prefix, Exact: exact, Suffix: suffix}
		for _, p := range []*export.TextPositionSelector{nil, {Start: start, End: start}} {
			sp, ok := export.Anchor(doc, q, p)
			if !ok {
				if exact != "" && strings.Contains(doc, exact) {
					t.Fatalf("%q occurs in %q but was not anchored", exact, doc)
				}
				continue
			}
			if sp.Start < 0 || sp.End > len(doc) || sp.Start > sp.End {
				t.Fatalf("span %v outside a %d-byte doc", sp, len(doc))
			}
			if doc[sp.Start:sp.End] != exact {
				t.Fatalf("doc%v = %q, want %q", sp, doc[sp.Start:sp.End], exact)
			}
		}
	})
}

// TestSchemaClaimAuthor: the author's type follows the speaker's entity
// type; a claim without a speaker has none.
func TestSchemaClaimAuthor(t *testing.T) {
	speaker := func(name, key string, typ entities.Type) quotes.Speaker {
		return quotes.Speaker{Name: name, Key: key, Type: typ, Resolution: quotes.Named}
	}
	tests := []struct {
		name string
		c    claims.Claim
		want *export.Agent
	}{
		{"person", claims.Claim{Kind: claims.Direct, Speaker: speaker("Dmitry Peskov", "per:dmitry-peskov", entities.Person)},
			&export.Agent{Type: "Person", Name: "Dmitry Peskov", Identifier: "per:dmitry-peskov"}},
		{"organisation", claims.Claim{Kind: claims.Indirect, Speaker: speaker("Kremlin", "kremlin", entities.Org)},
			&export.Agent{Type: "Organization", Name: "Kremlin", Identifier: "kremlin"}},
		{"country", claims.Claim{Kind: claims.Indirect, Speaker: speaker("Russia", "loc:ru", entities.Loc)},
			&export.Agent{Type: "Organization", Name: "Russia", Identifier: "loc:ru"}},
		{"unnamed source", claims.Claim{Kind: claims.Indirect, Speaker: speaker("investors", "", entities.Misc)},
			&export.Agent{Type: "Person", Name: "investors"}},
		{"unnamed organisation", claims.Claim{Kind: claims.Direct, Speaker: speaker("Police", "", entities.Org)},
			&export.Agent{Type: "Organization", Name: "Police"}},
		{"unresolved", claims.Claim{Kind: claims.Direct}, nil},
		{"the article's statement", claims.Claim{Kind: claims.Statement}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.c.ID, tt.c.Text, tt.c.Lang = "c1", "It is so.", "en"
			got := export.SchemaClaim(&claims.Result{}, tt.c)
			assert.Equal(t, tt.want, got.Author)
			assert.Equal(t, "urn:hearsay:c1", got.ID, "no document ID: the claim's alone")
		})
	}
}

func TestSchemaClaimArticle(t *testing.T) {
	c := claims.Claim{ID: "c1", Kind: claims.Direct, Text: "It is so.", Lang: "de"}
	tests := []struct {
		name string
		res  claims.Result
		want *export.NewsArticle
		date string
	}{
		{"nothing known", claims.Result{}, nil, ""},
		{"url and date", claims.Result{ID: "a 1", URL: "https://example.com/a", Published: time.Date(2021, 2, 15, 0, 0, 0, 0, time.UTC), Lang: "de"},
			&export.NewsArticle{Type: "NewsArticle", URL: "https://example.com/a", DatePublished: "2021-02-15", InLanguage: "de"}, "2021-02-15"},
		{"time of day kept", claims.Result{Published: time.Date(2021, 2, 15, 9, 30, 0, 0, time.FixedZone("CET", 3600))},
			&export.NewsArticle{Type: "NewsArticle", DatePublished: "2021-02-15T09:30:00+01:00"}, "2021-02-15T09:30:00+01:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := export.SchemaClaim(&tt.res, c)
			assert.Equal(t, tt.want, got.Appearance)
			assert.Equal(t, tt.want, got.FirstAppearance)
			assert.Equal(t, tt.date, got.DatePublished)
			assert.Equal(t, "de", got.InLanguage, "the claim's language")
		})
	}
	got := export.SchemaClaim(&claims.Result{ID: "a 1/b"}, c)
	assert.Equal(t, "urn:hearsay:a%201%2Fb:c1", got.ID, "the document ID is escaped")
}

func TestClaimReviewRating(t *testing.T) {
	ptr := func(n int) *int { return &n }
	tests := []struct {
		name string
		r    export.Review
		want export.Rating
	}{
		{"words only", export.Review{Rating: "False"}, export.Rating{Type: "Rating", AlternateName: "False"}},
		{"scale from one", export.Review{Rating: "Mostly false", RatingValue: 2, BestRating: 5, WorstRating: 1},
			export.Rating{Type: "Rating", AlternateName: "Mostly false", RatingValue: ptr(2), BestRating: ptr(5), WorstRating: ptr(1)}},
		{"zero on a scale from zero", export.Review{Rating: "False", BestRating: 4},
			export.Rating{Type: "Rating", AlternateName: "False", RatingValue: ptr(0), BestRating: ptr(4), WorstRating: ptr(0)}},
	}
	c := claims.Claim{ID: "c1", Kind: claims.Direct, Text: "It is so."}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := export.ClaimReview(&claims.Result{}, c, tt.r)
			assert.Equal(t, tt.want, got.ReviewRating)
			assert.Nil(t, got.Author, "no fact-checker given")
			assert.Empty(t, got.DatePublished)
		})
	}
	data, err := json.Marshal(export.ClaimReview(&claims.Result{}, c, tests[2].r).ReviewRating)
	require.NoError(t, err)
	assert.JSONEq(t, `{"@type":"Rating","alternateName":"False","ratingValue":0,"bestRating":4,"worstRating":0}`, string(data))
}
