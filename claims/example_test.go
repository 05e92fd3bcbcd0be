package claims_test

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/entities"
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

func ExampleExtractor_ExtractAll() {
	x, err := claims.New()
	if err != nil {
		panic(err)
	}
	docs := func(yield func(claims.Document) bool) {
		for i, text := range []string{
			"Kremlin spokesman Dmitry Peskov said on Monday that the proposal was interesting.",
			"\xff not UTF-8",
			"“We need more details,” Peskov told reporters.",
		} {
			if !yield(claims.Document{ID: fmt.Sprint("doc", i), Text: text}) {
				return
			}
		}
	}
	linker := entities.NewLinker()
	for res, err := range x.ExtractAll(context.Background(), docs, 4) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		res.Link(linker) // in input order: carry full names across documents
		for _, c := range res.Claims {
			fmt.Printf("%s: %s by %s: %s\n", res.ID, c.Kind, c.Speaker.Name, c.Text)
		}
	}
	// Output:
	// doc0: indirect by Dmitry Peskov: that the proposal was interesting
	// error: doc1: invalid UTF-8 at byte 0
	// doc2: direct by Dmitry Peskov: We need more details
}

func ExampleResult_Link() {
	x, err := claims.New()
	if err != nil {
		panic(err)
	}
	linker := entities.NewLinker()
	for _, text := range []string{
		"Kremlin spokesman Dmitry Peskov spoke on Monday.",
		"On Tuesday, Peskov said that talks could wait.",
	} {
		res, err := x.Extract(context.Background(), claims.Document{Text: text})
		if err != nil {
			panic(err)
		}
		res.Link(linker)
		for _, c := range res.Claims {
			fmt.Println(c.Speaker.Name, c.Speaker.Key)
		}
	}
	// Output:
	// Dmitry Peskov per:dmitry-peskov
}

func ExampleExtractor_NewCorpus() {
	x, err := claims.New()
	if err != nil {
		panic(err)
	}
	corpus := x.NewCorpus()
	linker := entities.NewLinker()
	for i, doc := range []claims.Document{
		{Text: "Kremlin spokesman Dmitry Peskov said the proposal was very interesting.", Lang: "en"},
		{Text: "Ein Kreml-Sprecher nannte den Vorschlag am Montag „sehr interessant“, sagte er.", Lang: "de"},
		{Text: "Il Cremlino ha definito la proposta “molto interessante”.", Lang: "it"},
		{Text: "Peskov said on Monday that Putin does not use social networks himself.", Lang: "en"},
	} {
		doc.ID = fmt.Sprint("doc", i)
		res, err := x.Extract(context.Background(), doc)
		if err != nil {
			panic(err)
		}
		res.Link(linker)
		corpus.Add(res)
	}
	for _, g := range corpus.Groups() {
		var docs []string
		for _, ref := range g.Claims {
			docs = append(docs, ref.Doc)
		}
		fmt.Println(g.Speaker, docs)
	}
	// Output:
	// Dmitry Peskov [doc0 doc1 doc2]
	// Dmitry Peskov [doc3]
}

func ExampleWithOffsets() {
	x, err := claims.New(claims.WithOffsets(claims.CodePoints | claims.UTF16))
	if err != nil {
		panic(err)
	}
	res, err := x.Extract(context.Background(), claims.Document{Text: "Þú sagðir: „Já 😀“ – sagði hún.", Lang: "is"})
	if err != nil {
		panic(err)
	}
	out, err := json.Marshal(res)
	if err != nil {
		panic(err)
	}
	var doc struct {
		Sentences []map[string]any `json:"sentences"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		panic(err)
	}
	s := doc.Sentences[0]
	fmt.Println("bytes", s["start"], s["end"], "code points", s["start_cp"], s["end_cp"], "UTF-16", s["start_u16"], s["end_u16"])
	// Output:
	// bytes 0 45 code points 0 30 UTF-16 0 31
}

func ExampleClaim_statement() {
	x, err := claims.New()
	if err != nil {
		panic(err)
	}
	res, err := x.Extract(context.Background(), claims.Document{
		Text: "Musk, the world's richest man, invited Putin. The app was downloaded around 5 million times. Is it worth it?",
	})
	if err != nil {
		panic(err)
	}
	for _, c := range res.Claims {
		if c.Kind == claims.Statement {
			fmt.Printf("%.2f %s: %s\n", c.Worthiness, c.Why, c.Text)
			for _, q := range c.Quantities {
				fmt.Printf("  %s %q = %g %s\n", q.Kind, q.Text(res.Source()), q.Value, q.Unit)
			}
		}
	}
	// Output:
	// 0.53 superlative: Musk, the world's richest man, invited Putin.
	// 0.62 quantity: The app was downloaded around 5 million times.
	//   number "5 million" = 5e+06
}
