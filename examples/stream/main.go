// Stream shows how to read a corpus: Extractor.ExtractAll reads documents
// in parallel and yields the results in input order, and Result.Link gives
// a person named by surname alone ("Peskov") the full name and key an
// earlier document gave ("Dmitry Peskov", per:dmitry-peskov).
//
// It reads JSON Lines from standard input, one document a line:
// {"id", "text", "lang"?, "url"?}, and writes one JSON result a line to
// standard output (the hearsay command's format). A document that cannot
// be read is reported on standard error and skipped.
//
//	go run ./examples/stream < docs.jsonl
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"log"
	"os"
	"os/signal"
	"sync"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/entities"
)

func main() {
	log.SetFlags(0)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	failed, err := run(ctx, os.Stdin, os.Stdout, os.Stderr)
	if err != nil {
		log.Fatal(err)
	}
	if failed > 0 {
		os.Exit(1)
	}
}

// input is one line of the input.
type input struct {
	ID   string  `json:"id"`
	Text *string `json:"text"`
	Lang string  `json:"lang"`
	URL  string  `json:"url"`
}

// reporter writes errors from the reading goroutine and the loop over
// results alike, one line at a time, and counts them.
type reporter struct {
	mu sync.Mutex
	w  io.Writer
	n  int
}

func (r *reporter) report(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n++
	fmt.Fprintf(r.w, format+"\n", args...)
}

// run extracts every document of in and writes the results to out, in
// input order; it returns how many documents failed.
func run(ctx context.Context, in io.Reader, out, errOut io.Writer) (failed int, err error) {
	x, err := claims.New()
	if err != nil {
		return 0, err
	}
	rep := &reporter{w: errOut}
	linker := entities.NewLinker()
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	for res, err := range x.ExtractAll(ctx, documents(in, rep), 0) {
		if err != nil {
			var de *claims.DocError
			if !errors.As(err, &de) {
				return rep.count(), err // the context ended
			}
			rep.report("%v", err)
			continue
		}
		// Results come in input order, so linking here gives the same
		// names on every run.
		res.Link(linker)
		if err := enc.Encode(res); err != nil {
			return rep.count(), err
		}
	}
	return rep.count(), w.Flush()
}

func (r *reporter) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.n
}

// documents reads one document a line; ExtractAll runs it on a goroutine
// of its own.
func documents(in io.Reader, rep *reporter) iter.Seq[claims.Document] {
	return func(yield func(claims.Document) bool) {
		br := bufio.NewReader(in)
		for n := 1; ; n++ {
			line, err := br.ReadBytes('\n')
			if len(bytes.TrimSpace(line)) > 0 {
				var d input
				switch jerr := json.Unmarshal(line, &d); {
				case jerr != nil:
					rep.report("line %d: %v", n, jerr)
				case d.Text == nil:
					rep.report(`line %d: no "text"`, n)
				default:
					if d.ID == "" {
						d.ID = fmt.Sprintf("line %d", n)
					}
					if !yield(claims.Document{ID: d.ID, Text: *d.Text, Lang: d.Lang, URL: d.URL}) {
						return
					}
				}
			}
			if err != nil {
				if err != io.EOF {
					rep.report("reading line %d: %v", n, err)
				}
				return
			}
		}
	}
}
