package entities

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

// BenchmarkFind measures entity recognition on the seed articles, each in
// its language, and on the English one with and without prose's signals:
// go test ./entities -run '^$' -bench Find -benchmem
func BenchmarkFind(b *testing.B) {
	reg, err := lang.Default()
	if err != nil {
		b.Fatal(err)
	}
	gaz, err := DefaultGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	seeds := map[string]string{
		"is": "000_b655113abce0b368.txt", "de": "001_d0a4e967319d884a.txt", "it": "002_39eba8b919ba927e.txt", "en": "003_253bd25c9828cc7a.txt",
	}
	type job struct {
		r     *Recognizer
		src   string
		sents []text.Span
	}
	load := func(code string, opts ...Option) job {
		p, _ := reg.Get(code)
		data, err := os.ReadFile(filepath.Join("..", "testdata", "seeds", seeds[code]))
		if err != nil {
			b.Fatal(err)
		}
		src := string(data)
		return job{NewRecognizer(p, gaz, opts...), src, sentence.New(p).Append(nil, src, text.Span{Start: 0, End: len(src)})}
	}
	run := func(b *testing.B, jobs ...job) {
		size := 0
		for _, j := range jobs {
			size += len(j.src)
			j.r.Find(j.src, j.sents) // warm: prose loads its model once
		}
		b.SetBytes(int64(size))
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			for _, j := range jobs {
				j.r.Find(j.src, j.sents)
			}
		}
	}
	b.Run("seeds", func(b *testing.B) { run(b, load("is"), load("de"), load("it"), load("en")) })
	b.Run("en", func(b *testing.B) { run(b, load("en")) })
	b.Run("en+prose", func(b *testing.B) { run(b, load("en", WithProse(true))) })
}
