package worthy_test

import (
	"fmt"
	"strings"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/quantity"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/worthy"
)

func ExampleNew() {
	reg, err := lang.Default()
	if err != nil {
		panic(err)
	}
	en, _ := reg.Get("en")
	s := worthy.New(en) // once per language, shared by every goroutine
	f := quantity.New(en)

	for _, src := range []string{
		"Elon Musk is the world's richest man.",
		"The app has been downloaded around 5 million times.",
		"I think the app is great.",
		"Is Musk the richest man in the world?",
	} {
		sp := text.Span{Start: 0, End: len(src)}
		score, why := s.Score(src, sp, f.Append(nil, src, sp))
		fmt.Printf("%.2f %-20s %s\n", score, why, src)
	}
	// Output:
	// 0.53 superlative          Elon Musk is the world's richest man.
	// 0.62 quantity             The app has been downloaded around 5 million times.
	// 0.03 opinion              I think the app is great.
	// 0.16 superlative+question Is Musk the richest man in the world?
}

func ExampleScorer_Score() {
	reg, err := lang.Default()
	if err != nil {
		panic(err)
	}
	it, _ := reg.Get("it")
	s, f := worthy.New(it), quantity.New(it)

	src := "Musk ha un patrimonio di oltre 180 miliardi di dollari. Forse arriverà domani."
	qs := f.Append(nil, src, text.Span{Start: 0, End: len(src)}) // the whole article's quantities
	cut := strings.Index(src, "Forse")
	first := text.Span{Start: 0, End: cut - 1}
	second := text.Span{Start: cut, End: len(src)}
	for _, sp := range []text.Span{first, second} {
		score, why := s.Score(src, sp, qs)
		fmt.Printf("%q: %.2f %s\n", sp.Text(src), score, why)
	}
	// Output:
	// "Musk ha un patrimonio di oltre 180 miliardi di dollari.": 0.62 quantity
	// "Forse arriverà domani.": 0.03 hedge
}

func ExampleScorer_ScoreTokens() {
	reg, err := lang.Default()
	if err != nil {
		panic(err)
	}
	en, _ := reg.Get("en")
	s, f := worthy.New(en), quantity.New(en)

	src := "Revenue grew more than 5% last year. Most analysts may disagree."
	cut := strings.Index(src, "Most")
	for _, sp := range []text.Span{{Start: 0, End: cut - 1}, {Start: cut, End: len(src)}} {
		// The sentence's tokens, as a caller that read them already
		// (article.Page.Tokens) holds them: ScoreTokens does not read
		// the sentence again.
		toks := text.AppendTokens(nil, src, sp)
		score, why := s.ScoreTokens(src, sp, toks, f.Append(nil, src, sp))
		fmt.Printf("%q: %.2f %s\n", sp.Text(src), score, why)
	}
	// Output:
	// "Revenue grew more than 5% last year.": 0.81 quantity+comparison
	// "Most analysts may disagree.": 0.26 superlative+hedge
}
