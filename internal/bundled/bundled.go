// Package bundled reads the articles that come with the repository, and
// the development sets of ../shared/eval when they are there, for the
// tests and benchmarks of every package. It imports nothing of the
// project, so that any package's own tests may use it.
package bundled

import (
	"os"
	"path/filepath"
	"runtime"
)

// Article is one article file.
type Article struct {
	Path string
	Text string
}

// Name is the article's file name.
func (a Article) Name() string { return filepath.Base(a.Path) }

// root is the repository's root, found from this file's place in it, so
// that a package's tests find the files from their own directory.
func root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Articles returns the bundled articles: the seeds (testdata/seeds) and
// then the hand-written test articles (quotes/testdata/articles).
func Articles() ([]Article, error) {
	return read(filepath.Join(root(), "testdata", "seeds", "*.txt"),
		filepath.Join(root(), "quotes", "testdata", "articles", "*.txt"))
}

// Eval returns the development articles of ../shared/eval (PolNeAR and
// SpkAtt), none when the folder is absent: its data may not be copied
// into the repository.
func Eval() ([]Article, error) {
	eval := filepath.Join(root(), "..", "shared", "eval")
	return read(filepath.Join(eval, "polnear-dev", "docs", "*.txt"),
		filepath.Join(eval, "spkatt-de-train", "docs", "*"))
}

// read returns the files the patterns match, in the patterns' order and
// each pattern's in name order.
func read(patterns ...string) ([]Article, error) {
	var out []Article
	for _, pattern := range patterns {
		names, err := filepath.Glob(pattern)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			raw, err := os.ReadFile(n)
			if err != nil {
				return nil, err
			}
			out = append(out, Article{Path: n, Text: string(raw)})
		}
	}
	return out, nil
}
