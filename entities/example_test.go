package entities_test

import (
	"context"
	"fmt"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

func ExampleRecognizer_Find() {
	reg, _ := lang.Default()
	gaz, _ := entities.DefaultGazetteer()
	is, _ := reg.Get("is")
	src := "Dimitrí Peskov, talsmaður Pútíns, sagði að boð Musk væri áhugavert. Peskov sagði einnig að Pútín notaði ekki samfélagsmiðla."
	sents := sentence.New(is).Append(nil, src, text.Span{Start: 0, End: len(src)})
	for _, e := range entities.NewRecognizer(is, gaz).Find(src, sents) {
		fmt.Printf("%s %s %s:", e.Key, e.Type, e.Name)
		for _, m := range e.Mentions {
			fmt.Printf(" %q", m.Text(src))
		}
		fmt.Println()
	}
	// Output:
	// per:dmitry-peskov PERSON Dmitry Peskov: "Dimitrí Peskov" "Peskov"
	// per:putin PERSON Putin: "Pútíns" "Pútín"
	// org:musk ORG Musk: "Musk"
}

func ExampleGazetteer_Lookup() {
	gaz, _ := entities.DefaultGazetteer()
	for _, name := range []string{"Cremlino", "Kreml", "Mosca"} {
		e, ok := gaz.Lookup(name)
		fmt.Println(name, ok, e.Key, e.Name)
	}
	// Output:
	// Cremlino true kremlin Kremlin
	// Kreml true kremlin Kremlin
	// Mosca true moscow Moscow
}

func ExampleLinker_Link() {
	l := entities.NewLinker()
	first := []entities.Entity{{Key: "per:dmitry-peskov", Name: "Dmitry Peskov", Type: entities.Person}}
	later := []entities.Entity{{Key: "per:peskov", Name: "Peskov", Type: entities.Person}}
	l.Link(first)
	l.Link(later)
	fmt.Println(later[0].Key, later[0].Name)
	// Output: per:dmitry-peskov Dmitry Peskov
}

// FindContext gives up, with the context's error, once its context is
// done: a deadline holds inside a long document.
func ExampleRecognizer_FindContext() {
	reg, _ := lang.Default()
	gaz, _ := entities.DefaultGazetteer()
	de, _ := reg.Get("de")
	src := "Kreml-Sprecher Dmitri Peskow sagte, das Angebot sei interessant."
	sents := sentence.New(de).Append(nil, src, text.Span{Start: 0, End: len(src)})
	ctx, cancel := context.WithCancel(context.Background())
	ents, err := entities.NewRecognizer(de, gaz).FindContext(ctx, src, sents)
	fmt.Println(len(ents) > 0, err)
	cancel()
	ents, err = entities.NewRecognizer(de, gaz).FindContext(ctx, src, sents)
	fmt.Println(len(ents), err)
	// Output:
	// true <nil>
	// 0 context canceled
}

// FindTokens takes the sentences' tokens from an earlier stage instead of
// tokenizing them again.
func ExampleRecognizer_FindTokens() {
	reg, _ := lang.Default()
	gaz, _ := entities.DefaultGazetteer()
	de, _ := reg.Get("de")
	src := "Kremlsprecher Dmitri Peskow sagte, Wladimir Putin nutze keine sozialen Netzwerke."
	sents := sentence.New(de).Append(nil, src, text.Span{Start: 0, End: len(src)})
	var tokens [][]text.Token
	for _, s := range sents {
		tokens = append(tokens, text.AppendTokens(nil, src, s))
	}
	ents, err := entities.NewRecognizer(de, gaz).FindTokens(context.Background(), src, sents, tokens)
	for _, e := range ents {
		fmt.Println(e.Key, e.Type)
	}
	fmt.Println(err)
	// Output:
	// per:dmitry-peskov PERSON
	// per:vladimir-putin PERSON
	// <nil>
}
