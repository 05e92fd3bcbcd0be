package claims

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/markup"
)

// The stages after the article reader take each body sentence's tokens
// from the page's, cut by tokenRuns: they must be the ones tokenizing the
// sentence alone gives, for every bundled article, and for the evaluation
// articles where ../shared/eval is present.
func TestTokenRunsMatchTokenizing(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	var names []string
	for _, pattern := range []string{"../testdata/seeds/*.txt", "../quotes/testdata/articles/*.txt",
		"../../shared/eval/polnear-dev/docs/*.txt", "../../shared/eval/spkatt-de-train/docs/*"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		names = append(names, m...)
	}
	require.NotEmpty(t, names)
	for _, n := range names {
		raw, err := os.ReadFile(n)
		require.NoError(t, err)
		src := string(raw)
		res, err := x.Extract(context.Background(), Document{Text: src})
		if err != nil {
			continue // invalid input: no stage runs
		}
		work, _ := markup.Mask(src)
		pl := x.langs[res.Lang]
		if pl == nil {
			pl = x.neutral
		}
		page := pl.articles.ReadInto(nil, work, text.Paragraphs(work), pl.segment)
		var body []text.Span
		for _, s := range res.BodySentences() {
			body = append(body, s.Span)
		}
		runs := tokenRuns(page.Tokens, body)
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
	var names []string
	for _, pattern := range []string{"../testdata/seeds/*.txt", "../quotes/testdata/articles/*.txt",
		"../../shared/eval/polnear-dev/docs/*.txt", "../../shared/eval/spkatt-de-train/docs/*"} {
		m, err := filepath.Glob(pattern)
		require.NoError(t, err)
		names = append(names, m...)
	}
	aligned, claims := 0, 0
	for _, n := range names {
		raw, err := os.ReadFile(n)
		require.NoError(t, err)
		src := string(raw)
		res, err := x.Extract(context.Background(), Document{Text: src})
		if err != nil {
			continue
		}
		work, _ := markup.Mask(src)
		pl := x.langs[res.Lang]
		if pl == nil {
			pl = x.neutral
		}
		toks := pl.articles.ReadInto(nil, work, text.Paragraphs(work), pl.segment).Tokens
		for _, c := range res.Claims {
			claims++
			run, ok := alignedRun(toks, c.Span)
			if !ok {
				continue
			}
			aligned++
			want := text.AppendTokens(nil, work, c.Span)
			require.Equal(t, want, run, "%s: claim %q", n, c.Span.Text(work))
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
