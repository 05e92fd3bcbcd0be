package claims

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/quotes"
)

// DocError is the error ExtractAll yields for a document it could not
// read; the documents after it are still read.
type DocError struct {
	ID  string
	Err error
}

func (e *DocError) Error() string { return fmt.Sprintf("%s: %v", e.ID, e.Err) }
func (e *DocError) Unwrap() error { return e.Err }

// ExtractAll reads docs with workers goroutines (the number of CPUs when
// workers < 1) and yields each result in input order, or a *DocError for a
// document that failed. At most a few documents per worker are in memory
// at once. When ctx ends, ExtractAll yields ctx's error once and stops.
// Breaking out of the loop stops the workers.
func (x *Extractor) ExtractAll(ctx context.Context, docs iter.Seq[Document], workers int) iter.Seq2[*Result, error] {
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	parent := ctx
	return func(yield func(*Result, error) bool) {
		ctx, cancel := context.WithCancel(parent)
		defer cancel()
		type result struct {
			res *Result
			err error
		}
		type job struct {
			doc  Document
			done chan result
		}
		// queue keeps the input order; its size bounds memory.
		queue := make(chan chan result, 4*workers)
		work := make(chan job)
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := range work {
					res, err := x.Extract(ctx, j.doc)
					if err != nil {
						err = &DocError{ID: j.doc.ID, Err: err}
					}
					j.done <- result{res, err}
				}
			}()
		}
		go func() {
			defer close(queue)
			defer close(work)
			for d := range docs {
				done := make(chan result, 1)
				select {
				case queue <- done:
				case <-ctx.Done():
					return
				}
				select {
				case work <- job{d, done}:
				case <-ctx.Done():
					done <- result{err: ctx.Err()}
					return
				}
			}
		}()
		defer wg.Wait()
		defer cancel() // runs before wg.Wait: stop the workers first
		for done := range queue {
			r := <-done
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			if !yield(r.res, r.err) {
				return
			}
		}
		// The feeder stopped early: the caller's context ended.
		if err := parent.Err(); err != nil {
			yield(nil, err)
		}
	}
}

// Link carries names across documents with l (see entities.Linker): the
// result's people named by surname alone take the full name and key other
// documents gave them, in its entities and in its claims' speakers and
// entity keys. Link documents in input order for output that does not
// depend on timing. Link modifies r: call it before sharing r.
func (r *Result) Link(l *entities.Linker) {
	before := make([]string, len(r.Entities))
	for i, e := range r.Entities {
		before[i] = e.Key
	}
	l.Link(r.Entities)
	renamed := map[string]*entities.Entity{}
	for i := range r.Entities {
		if e := &r.Entities[i]; e.Key != before[i] {
			renamed[before[i]] = e
		}
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		if e, ok := renamed[c.Speaker.Key]; ok {
			c.Speaker.Key, c.Speaker.Name, c.Speaker.Type = e.Key, e.Name, e.Type
		}
		// "Peskov said" opening a sentence: a bare surname the article
		// did not recognise as a name, known from other documents.
		if c.Speaker.Key == "" && c.Speaker.Resolution == quotes.Source && !c.Speaker.Mention.Empty() {
			if key, name, ok := l.Surname(c.Speaker.Name); ok {
				c.Speaker.Key, c.Speaker.Name, c.Speaker.Type = key, name, entities.Person
			}
		}
		for k, key := range c.Entities {
			if e, ok := renamed[key]; ok {
				c.Entities[k] = e.Key
			}
		}
	}
}
