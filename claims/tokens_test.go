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
