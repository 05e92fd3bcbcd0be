package entities

import (
	"context"
	"reflect"
	"testing"

	"github.com/hearsay-go/hearsay/internal/bundled"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

// zeroCap reports whether every element of s up to its capacity is zero.
func zeroCap[T any](s []T) bool {
	for _, e := range s[:cap(s)] {
		if !reflect.ValueOf(&e).Elem().IsZero() {
			return false
		}
	}
	return true
}

// A finder reset after each article, long and short, with and without
// their tokens, holds nothing in any of its buffers up to their capacity,
// though reset clears only as far as they were used; and it finds what a
// fresh finder finds.
func TestFinderResetClearsAll(t *testing.T) {
	reg, err := lang.Default()
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	articles, err := bundled.Articles()
	if err != nil || len(articles) == 0 {
		t.Fatal("no articles", err)
	}
	f := new(finder)
	for i, a := range append(articles, articles...) {
		src := a.Text
		p, _ := reg.Get(reg.Detect(src).Code)
		r := NewRecognizer(p, gaz)
		var sents []text.Span
		for _, para := range text.Paragraphs(src) {
			sents = sentence.New(p).Append(sents, src, para)
		}
		var tokens [][]text.Token
		if i%3 == 0 {
			for _, s := range sents {
				tokens = append(tokens, text.AppendTokens(nil, src, s))
			}
		}
		want, err := r.FindTokens(context.Background(), src, sents, tokens)
		if err != nil {
			t.Fatal(err)
		}
		f.Recognizer = r
		got, err := f.find(context.Background(), src, sents, tokens)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: a reused finder finds %v, a fresh one %v", a.Name(), got, want)
		}
		f.reset()
		x := &f.idx
		for _, c := range []struct {
			name string
			zero bool
		}{
			{"toks", zeroCap(f.toks)}, {"sent", zeroCap(f.sent)}, {"wordBuf", zeroCap(f.wordBuf)},
			{"cands", zeroCap(f.cands)}, {"formBuf", zeroCap(f.formBuf)}, {"all", zeroCap(x.all)},
			{"nodes", zeroCap(x.nodes)}, {"added", zeroCap(x.added)}, {"mentions", zeroCap(x.mentions)},
			{"strs", zeroCap(x.strs)}, {"heads", zeroCap(x.heads)},
			{"maps", len(x.keys) == 0 && len(x.byEntry) == 0},
		} {
			if !c.zero {
				t.Fatalf("%s: after reset, %s holds something", a.Name(), c.name)
			}
		}
	}
}
