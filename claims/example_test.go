package claims_test

import (
	"context"
	"fmt"

	"github.com/hearsay-go/hearsay/claims"
)

func ExampleExtractor_Extract() {
	x, err := claims.New()
	if err != nil {
		panic(err)
	}
	article := "Putin open to Musk chat\n\nKremlin spokesman Dmitry Peskov told reporters on Monday that the proposal is interesting. He said more details are needed.\n\nPrevious Post Next Post"
	res, err := x.Extract(context.Background(), claims.Document{ID: "a1", Text: article})
	if err != nil {
		panic(err)
	}
	fmt.Println("lang:", res.Lang)
	fmt.Println("title:", res.Title.Text(article))
	for _, s := range res.BodySentences() {
		fmt.Println("-", s.Text(article))
	}
	// Output:
	// lang: en
	// title: Putin open to Musk chat
	// - Putin open to Musk chat
	// - Kremlin spokesman Dmitry Peskov told reporters on Monday that the proposal is interesting.
	// - He said more details are needed.
}

func ExampleNew() {
	x, err := claims.New(claims.WithLanguages("de", "it"), claims.WithMaxBytes(1<<20))
	if err != nil {
		panic(err)
	}
	fmt.Println(x.Languages())
	// Output: [de it]
}
