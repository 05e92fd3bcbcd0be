package article_test

import (
	"fmt"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/article"
	"github.com/hearsay-go/hearsay/text/sentence"
)

func ExampleReader_Read() {
	reg, _ := lang.Default()
	en, _ := reg.Get("en")
	src := "Council approves budget\nBy Jane Doe\nThe council approved the budget on Tuesday. Members said it was fair.\nMost popular\nRelated articles"
	page := article.New(en).Read(src, text.Paragraphs(src), sentence.New(en))
	fmt.Printf("title %q, byline %q\n", page.Title.Text(src), page.Byline.Text(src))
	for _, b := range page.Body {
		fmt.Printf("body %q\n", b.Text(src))
	}
	// Output:
	// title "Council approves budget", byline "By Jane Doe"
	// body "Council approves budget"
	// body "The council approved the budget on Tuesday. Members said it was fair."
}
