// Command groups reads a directory of articles, groups their claims across
// articles and languages, and prints who said what in which articles:
// statements of one speaker about one thing, however each article
// phrased, translated or attributed them.
//
//	go run ./examples/groups testdata/seeds
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/entities"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: groups DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "groups:", err)
		os.Exit(1)
	}
}

// run groups the claims of the .txt articles in dir and writes every group
// that more than one article reports.
func run(dir string, w io.Writer) error {
	x, err := claims.New()
	if err != nil {
		return err
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	sort.Strings(paths) // input order decides the groups: keep it fixed
	corpus := x.NewCorpus()
	linker := entities.NewLinker()
	byDoc := map[string]*claims.Result{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		res, err := x.Extract(context.Background(), claims.Document{ID: filepath.Base(p), Text: string(b)})
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		res.Link(linker)
		corpus.Add(res)
		byDoc[res.ID] = res
	}
	for _, g := range corpus.Groups() {
		docs := map[string]bool{}
		for _, ref := range g.Claims {
			docs[ref.Doc] = true
		}
		if len(docs) < 2 {
			continue
		}
		fmt.Fprintf(w, "%s, in %d articles:\n", g.Speaker, len(docs))
		for _, ref := range g.Claims {
			res := byDoc[ref.Doc]
			for _, c := range res.Claims {
				if c.ID == ref.Claim {
					fmt.Fprintf(w, "  [%s] %s: %s\n", res.Lang, ref.Doc, short(c.Text))
				}
			}
		}
	}
	return nil
}

// short cuts a claim to one line of at most 80 characters.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return s
}
