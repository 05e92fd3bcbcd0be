package entities_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

// FindTokens given the sentences' own tokens finds what FindContext finds
// tokenizing them itself, on every bundled article.
func TestFindTokensMatchesFindContext(t *testing.T) {
	reg, err := lang.Default()
	require.NoError(t, err)
	gaz, err := entities.DefaultGazetteer()
	require.NoError(t, err)
	names, err := filepath.Glob("../quotes/testdata/articles/*.txt")
	require.NoError(t, err)
	seeds, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	names = append(names, seeds...)
	require.NotEmpty(t, names)
	ctx := context.Background()
	for _, n := range names {
		raw, err := os.ReadFile(n)
		require.NoError(t, err)
		src := string(raw)
		p, ok := reg.Get(reg.Detect(src).Code)
		require.True(t, ok, n)
		var sents []text.Span
		var tokens [][]text.Token
		for _, para := range text.Paragraphs(src) {
			sents = sentence.New(p).Append(sents, src, para)
		}
		for _, s := range sents {
			tokens = append(tokens, text.AppendTokens(nil, src, s))
		}
		r := entities.NewRecognizer(p, gaz)
		want, err := r.FindContext(ctx, src, sents)
		require.NoError(t, err)
		got, err := r.FindTokens(ctx, src, sents, tokens)
		require.NoError(t, err)
		require.NotEmpty(t, got, n)
		require.Equal(t, want, got, n)
	}
	_, err = entities.NewRecognizer(nil, gaz).FindTokens(ctx, "a. b.", []text.Span{{End: 2}, {Start: 3, End: 5}}, [][]text.Token{nil})
	require.Error(t, err, "one token list for two sentences")
}
