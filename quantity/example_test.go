package quantity_test

import (
	"fmt"
	"strings"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/quantity"
	"github.com/hearsay-go/hearsay/text"
)

func ExampleNew() {
	reg, err := lang.Default()
	if err != nil {
		panic(err)
	}
	it, _ := reg.Get("it")
	f := quantity.New(it) // once per language, shared by every goroutine

	src := "Il 13 febbraio 2021 Musk aveva un patrimonio di oltre 180 miliardi di dollari."
	for _, q := range f.Append(nil, src, text.Span{Start: 0, End: len(src)}) {
		fmt.Printf("%q %s %g %s\n", src[q.Start:q.End], q.Kind, q.Value, q.Unit)
	}
	// Output:
	// "13 febbraio 2021" date 0 2021-02-13
	// "180 miliardi di dollari" money 1.8e+11 USD
}

func ExampleFinder_Append() {
	reg, err := lang.Default()
	if err != nil {
		panic(err)
	}
	de, _ := reg.Get("de")
	f := quantity.New(de)

	src := "Der Umsatz stieg um 2,5 Prozent. Er kostet rund 1,5 Milliarden Euro."
	second := text.Span{Start: strings.Index(src, "Er "), End: len(src)} // the second sentence
	var qs []quantity.Quantity
	qs = f.Append(qs, src, second)
	for _, q := range qs {
		fmt.Printf("%s: %s %g %s\n", q.Text(src), q.Kind, q.Value, q.Unit)
	}
	// Output:
	// 1,5 Milliarden Euro: money 1.5e+09 EUR
}
