package claims_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/claims"
)

// plainArticle is a short English article; the tests below damage it the
// ways scraped text is damaged and expect the same claims.
const plainArticle = "Kremlin spokesman Dmitry Peskov said on Monday that the proposal was very interesting.\n\n" +
	"“We will have to see,” he told reporters in Moscow.\n\n" +
	"The Kremlin did not say more about the invitation."

// claimTexts lists kind, speaker and text of each attributed claim.
func claimTexts(res *claims.Result) []string {
	var out []string
	for _, c := range res.Claims {
		if c.Kind.Attributed() {
			out = append(out, c.Kind.String()+" | "+c.Speaker.Name+" | "+c.Text)
		}
	}
	return out
}

// Each kind of damage gets defined behaviour: the same claims as the plain
// article, with offsets into the damaged text.
func TestExtractDamagedInput(t *testing.T) {
	x := newExtractor(t)
	plain, err := x.Extract(context.Background(), claims.Document{Text: plainArticle})
	require.NoError(t, err)
	want := claimTexts(plain)
	require.Len(t, want, 2, "the plain article's claims")

	tests := []struct {
		name string
		src  string
		// same reports whether the claim texts are byte for byte the
		// plain ones (false where the damage lies inside a claim).
		same bool
	}{
		{"Windows line endings", strings.ReplaceAll(plainArticle, "\n", "\r\n"), true},
		{"NUL bytes between words", strings.ReplaceAll(plainArticle, " on Monday", "\x00on Monday"), false},
		{"NUL and control characters at line ends", strings.ReplaceAll(plainArticle, "\n\n", "\x00\x01\n\n\x7f"), true},
		{"HTML paragraphs instead of blank lines", "<p>" + strings.ReplaceAll(plainArticle, "\n\n", "</p>\n<p>") + "</p>", true},
		{"HTML paragraphs on one line", "<div><p>" + strings.ReplaceAll(plainArticle, "\n\n", "</p><p>") + "</p></div>", true},
		{"character references for quotation marks", strings.NewReplacer("“", "&ldquo;", "”", "&rdquo;").Replace(plainArticle), false},
		{"inline tags and a script", strings.Replace(strings.Replace(plainArticle, "Dmitry Peskov", `<a href="/peskov">Dmitry Peskov</a>`, 1),
			"\n\nThe Kremlin", "<script>var q = \"“no,” he said\";</script>\n\nThe Kremlin", 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Extract(context.Background(), claims.Document{Text: tt.src})
			require.NoError(t, err)
			checkSpans(t, tt.src, res)
			got := claimTexts(res)
			require.Len(t, got, len(want), "claims: %q", got)
			for i, c := range res.Claims {
				assert.Equal(t, tt.src[c.Span.Start:c.Span.End], c.Text, "offsets point into the damaged input")
				if tt.same {
					assert.Equal(t, want[i], got[i])
				} else {
					assert.Equal(t, plain.Claims[i].Kind, c.Kind)
					assert.Equal(t, plain.Claims[i].Speaker.Name, c.Speaker.Name)
				}
			}
			_, err = json.Marshal(res)
			require.NoError(t, err)
		})
	}
}

// A reference that stood for a quotation mark is inside the claim's span
// whole, so the claim's text is the source's: "&ldquo;" is never cut.
func TestExtractReferencesStayWhole(t *testing.T) {
	x := newExtractor(t)
	src := "<p>Kremlin spokesman Dmitry Peskov said on Monday that the offer was &quot;very interesting&quot;.</p>"
	res, err := x.Extract(context.Background(), claims.Document{Text: src})
	require.NoError(t, err)
	require.NotEmpty(t, res.Claims)
	c := res.Claims[0]
	assert.Equal(t, "Dmitry Peskov", c.Speaker.Name)
	assert.Equal(t, "that the offer was &quot;very interesting&quot;", c.Text)
	for _, e := range res.Entities {
		assert.NotContains(t, []string{"P", "Div", "Quot"}, e.Name, "markup is not a name")
	}
}

func TestExtractEdgeInputs(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		name string
		src  string
	}{
		{"empty", ""},
		{"white space only", " \n\r\n\t\u00a0\u200b "},
		{"markup only", "<html><head><title></title></head><body><div></div><br/></body></html>"},
		{"control characters only", "\x00\x01\x02\x1f\x7f"},
		{"punctuation only", "„“”«»\"'’!?.,;:—–-()[]"},
		// A page of navigation: quoted headlines in link lists, a cookie
		// notice and a copyright line are no one's claims.
		{"boilerplate only", "Most read\n\n“Putin says yes”: the Kremlin reacts\nMusk: “I will call him”\n" +
			"Contact us\nPrivacy policy\n© 2021 News Corp. All rights reserved.\nAccept cookies\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Extract(context.Background(), claims.Document{Text: tt.src})
			require.NoError(t, err)
			checkSpans(t, tt.src, res)
			assert.Empty(t, res.Claims)
			out, err := json.Marshal(res)
			require.NoError(t, err)
			assert.True(t, json.Valid(out))
		})
	}
}

func TestExtractRejects(t *testing.T) {
	x := newExtractor(t, claims.WithMaxBytes(1000))
	_, err := x.Extract(context.Background(), claims.Document{Text: "Peskov said \xff yes."})
	var bad *claims.InvalidUTF8Error
	require.ErrorAs(t, err, &bad)
	assert.Equal(t, 12, bad.Offset, "the offset of the first invalid byte")

	_, err = x.Extract(context.Background(), claims.Document{Text: strings.Repeat("a", 1001)})
	var big *claims.TooLargeError
	require.ErrorAs(t, err, &big)
	assert.Equal(t, 1001, big.Size)
	assert.Equal(t, 1000, big.Limit)

	_, err = x.Extract(context.Background(), claims.Document{Text: "x", Lang: "xx"})
	assert.ErrorIs(t, err, claims.ErrUnknownLanguage)
}

// countingContext is never done by itself but reports Canceled from the
// limit-th call of Err on, so that a test sees where Extract looks.
type countingContext struct {
	context.Context
	calls atomic.Int64
	limit int64
}

func (c *countingContext) Err() error {
	if c.calls.Add(1) >= c.limit {
		return context.Canceled
	}
	return nil
}

func (c *countingContext) Done() <-chan struct{} { return nil }

func (c *countingContext) Deadline() (time.Time, bool) { return time.Time{}, false }

// A long document is read with many looks at the context, inside the
// stages and not only between them, and a cancellation at any of them
// ends Extract with the context's error and no result.
func TestExtractHonoursContextMidDocument(t *testing.T) {
	x := newExtractor(t)
	var sb strings.Builder
	for i := range 3000 {
		// Numbered: the body reader drops repeated sentences.
		fmt.Fprintf(&sb, "Peskov said on day %d that the proposal was interesting. ", i)
		if i%5 == 4 {
			sb.WriteString("\n\n")
		}
	}
	doc := claims.Document{Text: sb.String(), Lang: "en"}

	counter := &countingContext{Context: context.Background(), limit: 1 << 62}
	res, err := x.Extract(counter, doc)
	require.NoError(t, err)
	require.NotEmpty(t, res.Claims)
	looks := counter.calls.Load()
	// 3000 sentences, a look every 64 in two stages: over 90 looks; the
	// stage boundaries alone are 5.
	assert.Greater(t, looks, int64(90), "Extract looks at the context inside its stages")

	for _, at := range []int64{1, 2, 3, looks / 4, looks / 2, looks - 1} {
		res, err := x.Extract(&countingContext{Context: context.Background(), limit: at}, doc)
		assert.True(t, errors.Is(err, context.Canceled), "cancelled at look %d: %v", at, err)
		assert.Nil(t, res, "no partial result")
	}
}

func TestExtractDeadline(t *testing.T) {
	x := newExtractor(t)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err := x.Extract(ctx, claims.Document{Text: plainArticle})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}
