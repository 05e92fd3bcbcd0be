package quotes_test

import (
	"context"
	"fmt"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/quotes"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

func ExampleFinder_Find() {
	reg, _ := lang.Default()
	gaz, _ := entities.DefaultGazetteer()
	it, _ := reg.Get("it")
	src := "Il portavoce Dmitry Peskov ha spiegato che Putin “non usa direttamente i social network”. " +
		"“Ma dobbiamo capire cosa s'intende”, ha sottolineato Peskov."
	sents := sentence.New(it).Append(nil, src, text.Span{Start: 0, End: len(src)})
	ents := entities.NewRecognizer(it, gaz).Find(src, sents)
	for _, st := range quotes.New(it).Find(src, sents, ents) {
		fmt.Printf("%s %q — %s (%s, cue %q)\n", st.Kind, st.Content.Text(src), st.Speaker.Name, st.Speaker.Resolution, st.Cue.Text(src))
	}
	// Output:
	// mixed "Putin “non usa direttamente i social network”" — Dmitry Peskov (named, cue "ha spiegato")
	// direct "Ma dobbiamo capire cosa s'intende" — Dmitry Peskov (named, cue "ha sottolineato")
}

// FindContext stops a long read when its context is done.
func ExampleFinder_FindContext() {
	reg, _ := lang.Default()
	gaz, _ := entities.DefaultGazetteer()
	en, _ := reg.Get("en")
	src := "“We will see,” Peskov said."
	sents := sentence.New(en).Append(nil, src, text.Span{Start: 0, End: len(src)})
	ents := entities.NewRecognizer(en, gaz).Find(src, sents)
	ctx, cancel := context.WithCancel(context.Background())
	sts, err := quotes.New(en).FindContext(ctx, src, sents, ents)
	fmt.Println(len(sts), err)
	cancel()
	sts, err = quotes.New(en).FindContext(ctx, src, sents, ents)
	fmt.Println(len(sts), err)
	// Output:
	// 1 <nil>
	// 0 context canceled
}

// FindTokens takes the sentences' tokens from an earlier stage, here the
// article reader's, instead of tokenizing them again.
func ExampleFinder_FindTokens() {
	reg, _ := lang.Default()
	gaz, _ := entities.DefaultGazetteer()
	de, _ := reg.Get("de")
	src := "Kremlsprecher Dmitri Peskow sagte: „Das ist ein sehr interessanter Vorschlag.“"
	sents := sentence.New(de).Append(nil, src, text.Span{Start: 0, End: len(src)})
	var tokens [][]text.Token
	for _, s := range sents {
		tokens = append(tokens, text.AppendTokens(nil, src, s))
	}
	ents := entities.NewRecognizer(de, gaz).Find(src, sents)
	sts, err := quotes.New(de).FindTokens(context.Background(), src, sents, tokens, ents)
	for _, st := range sts {
		fmt.Printf("%s %q — %s\n", st.Kind, st.Content.Text(src), st.Speaker.Name)
	}
	fmt.Println(err)
	// Output:
	// direct "Das ist ein sehr interessanter Vorschlag" — Dmitry Peskov
	// <nil>
}
