package sentence_test

import (
	"fmt"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text/sentence"
)

func ExampleSegmenter_All() {
	reg, err := lang.Default()
	if err != nil {
		panic(err)
	}
	de, _ := reg.Get("de")
	src := "„Wollen Sie reden?“, fragte Musk am 13. Februar. Der Kreml nannte das z. B. interessant.\n\nPutin antwortet"
	for s := range sentence.New(de).All(src) {
		fmt.Printf("%v %s\n", s, s.Text(src))
	}
	// Output:
	// [0,52) „Wollen Sie reden?“, fragte Musk am 13. Februar.
	// [53,92) Der Kreml nannte das z. B. interessant.
	// [94,109) Putin antwortet
}
