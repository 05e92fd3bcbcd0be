package claims_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hearsay-go/hearsay/claims"
)

// BenchmarkExtract measures the whole pipeline on the bundled seed
// articles: go test -bench Extract -benchmem ./claims
func BenchmarkExtract(b *testing.B) {
	x := newExtractor(b)
	names, err := filepath.Glob(filepath.Join("..", "testdata", "seeds", "*.txt"))
	if err != nil || len(names) == 0 {
		b.Fatal("no seed articles", err)
	}
	var docs []claims.Document
	size := 0
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, claims.Document{ID: n, Text: string(src)})
		size += len(src)
	}
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			if _, err := x.Extract(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}
