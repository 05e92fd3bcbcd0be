package claims

import (
	"crypto/sha256"
	"testing"

	"github.com/hearsay-go/hearsay/internal/bundled"
	"github.com/hearsay-go/hearsay/text"
)

// stageInput is one bundled article with what the stages before each
// stage produced, so that every stage is timed alone.
type stageInput struct {
	src        string
	pl         *pipeline
	paragraphs []text.Span
	sentences  []text.Span    // all sentences
	body       []text.Span    // body sentences
	tokens     [][]text.Token // their tokens
	index      []int
	res        *Result
}

// BenchmarkStage times each stage of Extract alone on the bundled
// articles (seeds and test articles, every language):
//
//	go test ./claims -run '^$' -bench Stage -benchmem
func BenchmarkStage(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	articles, err := bundled.Articles()
	if err != nil || len(articles) == 0 {
		b.Fatal("no bundled articles", err)
	}
	var inputs []stageInput
	size := 0
	for _, a := range articles {
		src := a.Text
		d := x.reg.Detect(src)
		in := stageInput{src: src, pl: x.langs[d.Code], paragraphs: text.Paragraphs(src)}
		page := in.pl.articles.Read(src, in.paragraphs, in.pl.segment)
		in.sentences = page.Sentences
		in.res = &Result{src: src, Lang: d.Code, Body: page.Body}
		in.res.Sentences = splitAtBody(src, page.Sentences, page.Body)
		for i, s := range in.res.BodySentences() {
			in.body = append(in.body, s.Span)
			in.tokens = append(in.tokens, text.AppendTokens(nil, src, s.Span))
			in.index = append(in.index, i)
		}
		in.res.Entities = in.pl.entities.Find(src, in.body)
		inputs = append(inputs, in)
		size += len(src)
	}
	stage := func(name string, run func(in *stageInput)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for range b.N {
				for i := range inputs {
					run(&inputs[i])
				}
			}
		})
	}
	stage("detect", func(in *stageInput) { x.reg.Detect(in.src) })
	stage("paragraphs", func(in *stageInput) { text.Paragraphs(in.src) })
	stage("sentences", func(in *stageInput) {
		var spans []text.Span
		for _, p := range in.paragraphs {
			spans = in.pl.segment.Append(spans, in.src, p)
		}
	})
	stage("article", func(in *stageInput) { in.pl.articles.Read(in.src, in.paragraphs, in.pl.segment) })
	stage("entities", func(in *stageInput) { in.pl.entities.Find(in.src, in.body) })
	stage("quotes", func(in *stageInput) { in.pl.quotes.Find(in.src, in.body, in.res.Entities) })
	stage("quantities", func(in *stageInput) {
		for _, s := range in.body {
			in.pl.numbers.Append(nil, in.src, s)
		}
	})
	stage("worthiness", func(in *stageInput) {
		for _, s := range in.body {
			in.pl.worthy.Score(in.src, s, nil)
		}
	})
	stage("statements", func(in *stageInput) {
		docHash := sha256.Sum256([]byte(in.src))
		ws := in.pl.worthyStatements(in.src, in.body, in.tokens, nil)
		appendStatements(nil, in.res, ws, in.body, in.index, docHash, sortedMentions(in.res.Entities))
	})
}
