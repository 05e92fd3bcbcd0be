package worthy

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/internal/bundled"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/quantity"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

// ScoreTokens given a sentence's own tokens scores as Score does
// tokenizing it, on every sentence of the bundled articles, with the
// whole article's quantities and with none.
func TestScoreTokensMatchesScore(t *testing.T) {
	reg, err := lang.Default()
	require.NoError(t, err)
	articles, err := bundled.Articles()
	require.NoError(t, err)
	require.NotEmpty(t, articles)
	sentences, found := 0, Reason(0)
	for _, a := range articles {
		src, n := a.Text, a.Name()
		code := reg.Detect(src).Code
		p, ok := reg.Get(code)
		require.True(t, ok, n)
		tl := get(t, code)
		var sents []text.Span
		for _, para := range text.Paragraphs(src) {
			sents = sentence.New(p).Append(sents, src, para)
		}
		all := tl.f.Append(nil, src, text.Span{End: len(src)})
		for _, sp := range sents {
			toks := text.AppendTokens(nil, src, sp)
			own := tl.f.Append(nil, src, sp)
			for _, qs := range [][]quantity.Quantity{own, all, nil} {
				want, wantWhy := tl.s.Score(src, sp, qs)
				got, why := tl.s.ScoreTokens(src, sp, toks, qs)
				require.Equal(t, wantWhy, why, "%s: %q", n, sp.Text(src))
				require.Equal(t, want, got, "%s: %q", n, sp.Text(src))
				found |= why
			}
			sentences++
		}
	}
	require.Greater(t, sentences, 400)
	require.Equal(t, Quantity|Comparison|Superlative|Date|Count|Question|Opinion|Hedge, found)
}

func FuzzScoreTokens(f *testing.F) {
	for _, s := range []string{
		"Elon Musk is the world's richest man.", "¿Es el hombre más rico del mundo?", "Ich glaube, das ist richtig.",
		"Musk er ríkasti maður heims.", "l’homme le plus riche", "\xff?", "", "?”", "I", "ΣΊΣΥΦΟΣ richest",
		"revenue grew more than 5 % to $ 1 billion", "in the world - more than ever",
	} {
		f.Add(s, 0, len(s), uint8(2))
	}
	codes := []string{"", "de", "en", "es", "fr", "is", "it"}
	f.Fuzz(func(t *testing.T, src string, start, end int, which uint8) {
		tl := get(t, codes[int(which)%len(codes)])
		sp := text.Span{Start: start, End: end}
		toks := text.AppendTokens(nil, src, sp.Clip(src))
		for _, qs := range [][]quantity.Quantity{tl.f.Append(nil, src, sp), tl.f.Append(nil, src, text.Span{End: len(src)}), nil} {
			want, wantWhy := tl.s.Score(src, sp, qs)
			got, why := tl.s.ScoreTokens(src, sp, toks, qs)
			if got != want || why != wantWhy {
				t.Fatalf("ScoreTokens(%q, %v) = %v %s, Score %v %s", src, sp, got, why, want, wantWhy)
			}
		}
	})
}

// BenchmarkScoreTokens is BenchmarkScore with the sentence's tokens read
// once beforehand.
func BenchmarkScoreTokens(b *testing.B) {
	tl := get(b, "en")
	src := "Elon Musk, the world's richest man, said on February 13, 2021 that Tesla's revenue had grown rapidly, " +
		"by more than 5 per cent, to $ 1 billion, and that two factories would open."
	sp := text.Span{End: len(src)}
	qs := tl.f.Append(nil, src, sp)
	toks := text.AppendTokens(nil, src, sp)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tl.s.ScoreTokens(src, sp, toks, qs)
	}
}
