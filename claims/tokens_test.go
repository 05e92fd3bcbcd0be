package claims

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/internal/bundled"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/article"
	"github.com/hearsay-go/hearsay/text/markup"
)

// extractedPage is an article read by Extract, with the page the
// article reader makes of its masked text (the one Extract read).
type extractedPage struct {
	name, work string
	res        *Result
	page       article.Page
}

// extractedPages reads every bundled article, and the evaluation articles
// where ../shared/eval is present; those Extract refuses are left out.
func extractedPages(t *testing.T, x *Extractor) []extractedPage {
	articles, err := bundled.Articles()
	require.NoError(t, err)
	eval, err := bundled.Eval()
	require.NoError(t, err)
	require.NotEmpty(t, articles)
	var out []extractedPage
	for _, a := range append(articles, eval...) {
		res, err := x.Extract(context.Background(), Document{Text: a.Text})
		if err != nil {
			continue // invalid input: no stage runs
		}
		work, _ := markup.Mask(a.Text)
		pl := x.langs[res.Lang]
		if pl == nil {
			pl = x.neutral
		}
		page := pl.articles.ReadInto(nil, work, text.Paragraphs(work), pl.segment)
		out = append(out, extractedPage{name: a.Name(), work: work, res: res, page: page})
	}
	return out
}

// The stages after the article reader take each body sentence's tokens
// from the page's, cut by tokenRuns: they must be the ones tokenizing the
// sentence alone gives, for every bundled article, and for the evaluation
// articles where ../shared/eval is present.
func TestTokenRunsMatchTokenizing(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	for _, p := range extractedPages(t, x) {
		n, work := p.name, p.work
		var body []text.Span
		for _, s := range p.res.BodySentences() {
			body = append(body, s.Span)
		}
		runs := tokenRuns(p.page.Tokens, body)
		for i, sp := range body {
			want := text.AppendTokens(nil, work, sp)
			require.Equal(t, len(want), len(runs[i]), "%s: sentence %q", n, sp.Text(work))
			if len(want) > 0 {
				require.Equal(t, want, runs[i], "%s: sentence %q", n, sp.Text(work))
			}
		}
	}
}

// Claims whose span is token-aligned are scored from alignedRun's tokens:
// they must be the ones tokenizing the span alone gives.
func TestAlignedRunMatchesTokenizing(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	aligned, claims := 0, 0
	for _, p := range extractedPages(t, x) {
		for _, c := range p.res.Claims {
			claims++
			run, ok := alignedRun(p.page.Tokens, c.Span)
			if !ok {
				continue
			}
			aligned++
			want := text.AppendTokens(nil, p.work, c.Span)
			require.Equal(t, want, run, "%s: claim %q", p.name, c.Span.Text(p.work))
		}
	}
	t.Logf("%d of %d claims token-aligned", aligned, claims)
	require.Positive(t, aligned)
	// Spans that cut a token or start in white space have no run.
	toks := text.AppendTokens(nil, "COVID-19 cases", text.Span{End: 14})
	for _, sp := range []text.Span{{Start: 0, End: 5}, {Start: 8, End: 14}, {Start: 1, End: 8}} {
		_, ok := alignedRun(toks, sp)
		require.False(t, ok, "%v", sp)
	}
	run, ok := alignedRun(toks, text.Span{Start: 9, End: 14})
	require.True(t, ok)
	require.Len(t, run, 1)
}
