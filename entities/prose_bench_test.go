package entities

import (
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/hearsay-go/hearsay/text"
)

// proseSeedEN is the English seed article (navigation and duplicates
// included, as scraped).
const proseSeedEN = "../testdata/seeds/003_253bd25c9828cc7a.txt"

// proseCrudeSentences splits src on line breaks and ". ", crudely: enough to
// feed prose one sentence at a time in the benchmark.
func proseCrudeSentences(src string) []text.Span {
	var out []text.Span
	start := 0
	emit := func(end int) {
		if s := (text.Span{Start: start, End: end}).Trim(src); !s.Empty() {
			out = append(out, s)
		}
	}
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\n':
			emit(i)
			start = i + 1
		case src[i] == '.' && i+1 < len(src) && src[i+1] == ' ':
			emit(i + 1)
			start = i + 1
		}
	}
	emit(len(src))
	return out
}

func proseReadSeed(b *testing.B) string {
	b.Helper()
	raw, err := os.ReadFile(proseSeedEN)
	if err != nil {
		b.Skipf("English seed not found: %v", err)
	}
	return string(raw)
}

// BenchmarkProse records what prose costs on the English seed. Analyze is
// proseAnalyze one sentence at a time with the shared model (tokens, tags,
// labels, alignment), as the recogniser calls it; AnalyzeAll adds the
// entities (proseAnalyzeAll). DocumentSharedModel is prose.NewDocument on
// the whole text with its defaults (segmentation too) but the shared model.
// DefaultDocument is prose.NewDocument(text) and nothing else, as a user of
// prose would call it: it decodes the 17 MB model on every call. ModelLoad
// is the default model alone, what proseModel pays once per process.
//
//	go test ./entities/ -run '^$' -bench BenchmarkProse -benchmem
func BenchmarkProse(b *testing.B) {
	src := proseReadSeed(b)
	sents := proseCrudeSentences(src)
	if _, err := proseModel(); err != nil {
		b.Fatal(err)
	}
	b.Run("Analyze", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		b.ResetTimer()
		toks := 0
		for i := 0; i < b.N; i++ {
			for _, s := range sents {
				toks += len(proseAnalyze(src, s))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sents)), "ns/sentence")
		b.ReportMetric(float64(toks)/float64(b.N), "tokens/op")
	})
	b.Run("AnalyzeAll", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, s := range sents {
				proseAnalyzeAll(src, s)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sents)), "ns/sentence")
	})
	b.Run("DocumentSharedModel", func(b *testing.B) {
		model, _ := proseModel()
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := prose.NewDocument(src, prose.UsingModel(model)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("DefaultDocument", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := prose.NewDocument(src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ModelLoad", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if m := prose.ModelFromData("en-v2.0.0"); m == nil {
				b.Fatal("no model")
			}
		}
	})
}

func TestProseCrudeSentences(t *testing.T) {
	src := "Title line\nOne. Two and U.S. three.\n\n  Four.  "
	var got []string
	for _, s := range proseCrudeSentences(src) {
		got = append(got, s.Text(src))
	}
	want := []string{"Title line", "One.", "Two and U.S.", "three.", "Four."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}
