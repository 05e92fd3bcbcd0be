package claims_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/jdkato/prose/v2"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/internal/bundled"
	"github.com/hearsay-go/hearsay/lang"
)

// The benchmarks read the bundled articles: the five seeds and the
// hand-written test articles of package quotes, 23 documents in six
// languages. The README's table comes from
//
//	go test ./claims -run '^$' -bench . -benchmem
//
// MB/s is per core: every benchmark runs on one goroutine.

// benchDoc is one bundled article with the language the registry detects.
type benchDoc struct {
	name, lang, text string
}

var loadBenchDocs = sync.OnceValues(func() ([]benchDoc, error) {
	articles, err := bundled.Articles()
	if err != nil {
		return nil, err
	}
	reg, err := lang.Default()
	if err != nil {
		return nil, err
	}
	var docs []benchDoc
	for _, a := range articles {
		docs = append(docs, benchDoc{name: a.Name(), lang: reg.Detect(a.Text).Code, text: a.Text})
	}
	return docs, nil
})

func benchDocs(b *testing.B, keep func(benchDoc) bool) []benchDoc {
	b.Helper()
	all, err := loadBenchDocs()
	if err != nil {
		b.Fatal(err)
	}
	var out []benchDoc
	for _, d := range all {
		if keep(d) {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		b.Fatal("no bundled articles found")
	}
	return out
}

func english(d benchDoc) bool    { return d.lang == "en" }
func notEnglish(d benchDoc) bool { return d.lang != "en" }
func anyDoc(benchDoc) bool       { return true }
func seed(d benchDoc) bool       { return d.name[0] >= '0' && d.name[0] <= '9' }

// runExtract extracts every document once per iteration, on one goroutine.
func runExtract(b *testing.B, x *claims.Extractor, docs []benchDoc) {
	ctx := context.Background()
	runDocs(b, docs, func(d benchDoc) error {
		_, err := x.Extract(ctx, claims.Document{ID: d.name, Text: d.text})
		return err
	})
}

// runDocs runs read on every document once per iteration and reports
// MB/s, time and allocations per document.
func runDocs(b *testing.B, docs []benchDoc, read func(benchDoc) error) {
	size := 0
	for _, d := range docs {
		size += len(d.text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			if err := read(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	perDoc := float64(b.N * len(docs))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/perDoc, "ns/doc")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/perDoc, "allocs/doc")
}

// BenchmarkExtract measures the whole pipeline, language detection
// included, on groups of the bundled articles. English/prose adds prose's
// part-of-speech and entity signals (WithProse).
func BenchmarkExtract(b *testing.B) {
	x := newExtractor(b)
	b.Run("seeds", func(b *testing.B) { runExtract(b, x, benchDocs(b, seed)) })
	b.Run("all", func(b *testing.B) { runExtract(b, x, benchDocs(b, anyDoc)) })
	b.Run("non-English", func(b *testing.B) { runExtract(b, x, benchDocs(b, notEnglish)) })
	b.Run("English", func(b *testing.B) { runExtract(b, x, benchDocs(b, english)) })
	b.Run("English/prose", func(b *testing.B) {
		runExtract(b, newExtractor(b, claims.WithProse(true)), benchDocs(b, english))
	})
}

// BenchmarkProseDocument measures prose/v2's default document processing
// (prose.NewDocument: segmentation, tokens, tags and entities) on the same
// articles, its model loaded once, for the ratio in the README.
func BenchmarkProseDocument(b *testing.B) {
	model := prose.ModelFromData("en-v2.0.0")
	run := func(b *testing.B, docs []benchDoc) {
		runDocs(b, docs, func(d benchDoc) error {
			_, err := prose.NewDocument(d.text, prose.UsingModel(model))
			return err
		})
	}
	b.Run("all", func(b *testing.B) { run(b, benchDocs(b, anyDoc)) })
	b.Run("English", func(b *testing.B) { run(b, benchDocs(b, english)) })
}

// largeArticle joins the bodies of the documents, blank line between, to
// size bytes (cut at a line break). Bodies alone, because the link lists
// and footers of scraped pages end an article's body; and each round
// numbers its sentence ends ("… 3."), because the body reader drops a
// repeated sentence as a duplicated body.
func largeArticle(b *testing.B, x *claims.Extractor, docs []benchDoc, size int) string {
	var bodies []string
	for _, d := range docs {
		res, err := x.Extract(context.Background(), claims.Document{Text: d.text})
		if err != nil {
			b.Fatal(err)
		}
		for _, sp := range res.Body {
			bodies = append(bodies, sp.Text(d.text))
		}
	}
	var sb strings.Builder
	for round := 1; sb.Len() < size; round++ {
		n := " " + strconv.Itoa(round) + "."
		r := strings.NewReplacer(". ", n+" ", ".\n", n+"\n")
		for _, body := range bodies {
			sb.WriteString(r.Replace(body))
			sb.WriteString("\n\n")
		}
	}
	return cutAt(sb.String(), size, "\n")
}

// cutAt cuts s to at most size bytes, after the last sep.
func cutAt(s string, size int, sep string) string {
	s = s[:min(size, len(s))]
	if i := strings.LastIndex(s, sep); i > 0 {
		s = s[:i]
	}
	return s
}

// BenchmarkLargeArticle reads one document made of the non-English
// articles, to 1 MB and to 10 MB: equal MB/s means cost linear in the
// size. The 10 MB case takes seconds per iteration.
func BenchmarkLargeArticle(b *testing.B) {
	x := newExtractor(b)
	docs := benchDocs(b, notEnglish)
	for _, size := range []int{1 << 20, 10 << 20} {
		src := largeArticle(b, x, docs, size)
		b.Run(byteSize(size), func(b *testing.B) {
			runExtract(b, x, []benchDoc{{name: "large", text: src}})
		})
	}
}

// vocabulary is every word of the bundled articles, punctuation trimmed.
func vocabulary(b *testing.B) []string {
	var words []string
	for _, d := range benchDocs(b, anyDoc) {
		for _, w := range strings.Fields(d.text) {
			if w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }); w != "" {
				words = append(words, w)
			}
		}
	}
	return words
}

// pathological inputs, each built to a given size from random words (a
// fixed seed: the same input every run). They aim at the parts of the
// pipeline that look ahead or back: quote pairing, sentence ends, runs of
// name candidates and line-based boilerplate rules.
var pathological = []struct {
	name  string
	build func(rng *rand.Rand, words []string, size int) string
}{
	// Quote marks of every style and nothing else.
	{"quote-marks-only", func(rng *rand.Rand, _ []string, size int) string {
		return generate(size, " ", func() string { return pick(rng, quoteMarks) + pick(rng, quoteMarks) })
	}},
	// Words with quote marks that never pair up, in sentences.
	{"unmatched-quotes", func(rng *rand.Rand, words []string, size int) string {
		return generate(size, " ", func() string {
			w := pick(rng, words)
			switch rng.IntN(8) {
			case 0:
				return pick(rng, quoteMarks) + w
			case 1:
				return w + pick(rng, quoteMarks)
			case 2:
				return w + "."
			}
			return w
		})
	}},
	// Lower-case words and spaces: no punctuation and no line break.
	{"no-punctuation", func(rng *rand.Rand, words []string, size int) string {
		return generate(size, " ", func() string { return strings.ToLower(pick(rng, words)) })
	}},
	// Capitalised words only: one endless run of name candidates.
	{"capitalised-words", func(rng *rand.Rand, words []string, size int) string {
		return generate(size, " ", func() string {
			w := []rune(pick(rng, words))
			w[0] = unicode.ToUpper(w[0])
			return string(w)
		})
	}},
	// Sentences with commas and quotations, all on one line.
	{"one-long-line", func(rng *rand.Rand, words []string, size int) string {
		return generate(size, " ", func() string {
			w := pick(rng, words)
			switch rng.IntN(12) {
			case 0:
				return w + ","
			case 1:
				return w + "."
			case 2:
				return "„" + w
			case 3:
				return w + "“"
			}
			return w
		})
	}},
	// Short lines, link-list boilerplate: two to four words a line.
	{"short-lines", func(rng *rand.Rand, words []string, size int) string {
		return generate(size, "\n", func() string {
			line := pick(rng, words)
			for range 1 + rng.IntN(3) {
				line += " " + pick(rng, words)
			}
			return line
		})
	}},
}

var quoteMarks = []string{"\"", "'", "„", "“", "”", "«", "»", "‚", "‘", "’", "‹", "›", "「", "」"}

func pick(rng *rand.Rand, from []string) string { return from[rng.IntN(len(from))] }

// generate joins next()'s strings with sep to about size bytes.
func generate(size int, sep string, next func() string) string {
	var sb strings.Builder
	sb.Grow(size + 64)
	for sb.Len() < size {
		sb.WriteString(next())
		sb.WriteString(sep)
	}
	return cutAt(sb.String(), size, sep)
}

// BenchmarkPathological reads each pathological input at 100 kB and 1 MB;
// equal MB/s at both sizes shows that the cost grows linearly.
func BenchmarkPathological(b *testing.B) {
	x := newExtractor(b)
	words := vocabulary(b)
	for _, p := range pathological {
		for _, size := range []int{100 << 10, 1 << 20} {
			src := p.build(rand.New(rand.NewPCG(1, uint64(size))), words, size)
			b.Run(p.name+"/"+byteSize(size), func(b *testing.B) {
				runExtract(b, x, []benchDoc{{name: p.name, text: src}})
			})
		}
	}
}

func byteSize(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + "MB"
	}
	return strconv.Itoa(n>>10) + "kB"
}
