package quotes_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/internal/bundled"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/quotes"
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
	articles, err := bundled.Articles()
	require.NoError(t, err)
	require.NotEmpty(t, articles)
	ctx := context.Background()
	for _, a := range articles {
		src, n := a.Text, a.Name()
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
		ents := entities.NewRecognizer(p, gaz).Find(src, sents)
		f := quotes.New(p)
		want, err := f.FindContext(ctx, src, sents, ents)
		require.NoError(t, err)
		got, err := f.FindTokens(ctx, src, sents, tokens, ents)
		require.NoError(t, err)
		require.NotEmpty(t, got, n)
		require.Equal(t, want, got, n)
	}
	_, err = quotes.New(nil).FindTokens(ctx, "a. b.", []text.Span{{End: 2}, {Start: 3, End: 5}}, [][]text.Token{nil}, nil)
	require.Error(t, err, "one token list for two sentences")
}
