package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/entities"
)

const (
	exitOK    = 0
	exitError = 1 // some documents failed
	exitUsage = 2
)

type options struct {
	input    string
	lang     string
	jobs     int
	maxBytes int
	groups   string // file for the claim groups across documents
	offsets  string // extra offset units: "cp", "u16" or both
	progress string // auto, on or off
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hearsay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.input, "input", "text", "input format: text (one article per file) or jsonl (one document per line)")
	fs.StringVar(&o.lang, "lang", "", "language of every document (ISO 639-1); detected when empty")
	fs.IntVar(&o.jobs, "j", runtime.NumCPU(), "documents read in parallel")
	fs.IntVar(&o.maxBytes, "max-bytes", claims.DefaultMaxBytes, "largest document accepted, in bytes (0: no limit)")
	fs.StringVar(&o.offsets, "offsets", "", "also write offsets in these `units`, comma-separated: cp (code points, Python), u16 (UTF-16, JavaScript)")
	fs.StringVar(&o.progress, "progress", "auto", "show a progress line on standard error: auto (when it is a terminal), on or off")
	fs.StringVar(&o.groups, "groups", "", "also write the claims grouped across documents (same speaker, same subject) to this JSON `file`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: hearsay [flags] [FILE|DIR|-]...\n\nReads news articles and writes one JSON object per document to standard output.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if o.input != "text" && o.input != "jsonl" {
		fmt.Fprintf(stderr, "hearsay: --input must be text or jsonl, not %q\n", o.input)
		return exitUsage
	}
	if o.progress != "auto" && o.progress != "on" && o.progress != "off" {
		fmt.Fprintf(stderr, "hearsay: --progress must be auto, on or off, not %q\n", o.progress)
		return exitUsage
	}
	if o.jobs < 1 {
		o.jobs = 1
	}
	var units claims.Units
	for _, u := range strings.Split(o.offsets, ",") {
		switch strings.TrimSpace(u) {
		case "":
		case "cp":
			units |= claims.CodePoints
		case "u16":
			units |= claims.UTF16
		default:
			fmt.Fprintf(stderr, "hearsay: --offsets takes cp, u16 or both, not %q\n", u)
			return exitUsage
		}
	}
	opts := []claims.Option{claims.WithMaxBytes(o.maxBytes), claims.WithOffsets(units)}
	x, err := claims.New(opts...)
	if err != nil {
		fmt.Fprintf(stderr, "hearsay: %v\n", err)
		return exitUsage
	}
	if o.lang != "" && !slices.Contains(x.Languages(), o.lang) {
		fmt.Fprintf(stderr, "hearsay: --lang %q is not installed (installed: %v)\n", o.lang, x.Languages())
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}

	var corpus *claims.Corpus
	if o.groups != "" {
		corpus = x.NewCorpus()
	}
	out := bufio.NewWriter(stdout)
	failed := process(context.Background(), x, o, sources(paths, o, stdin), out, stderr, corpus)
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "hearsay: writing output: %v\n", err)
		return exitError
	}
	if corpus != nil {
		if err := writeGroups(o.groups, corpus.Groups()); err != nil {
			fmt.Fprintf(stderr, "hearsay: %v\n", err)
			return exitError
		}
	}
	if failed {
		return exitError
	}
	return exitOK
}

// item is one document to read, or an input error to report in its place.
type item struct {
	doc claims.Document
	err error
}

// process extracts the documents of in with o.jobs workers and writes the
// results in input order. It reports whether any document failed.
func process(ctx context.Context, x *claims.Extractor, o options, in <-chan item, out io.Writer, stderr io.Writer, corpus *claims.Corpus) bool {
	// Inputs that could not be read never reach the extractor: the feeder
	// keeps them, and they are reported with the next result.
	var mu sync.Mutex
	var unread []error
	docs := func(yield func(claims.Document) bool) {
		for it := range in {
			if it.err != nil {
				mu.Lock()
				unread = append(unread, it.err)
				mu.Unlock()
				continue
			}
			if o.lang != "" {
				it.doc.Lang = o.lang
			}
			if !yield(it.doc) {
				return
			}
		}
	}
	prog := newProgress(stderr, o.progress)
	defer prog.finish()
	failed := false
	fail := func(format string, args ...any) {
		failed = true
		msg := fmt.Sprintf("hearsay: "+format+"\n", args...)
		if prog != nil {
			prog.note(msg)
		} else {
			io.WriteString(stderr, msg)
		}
	}
	reportUnread := func() {
		mu.Lock()
		defer mu.Unlock()
		for _, err := range unread {
			fail("%v", err)
			prog.done(0, true)
		}
		unread = nil
	}
	// Names are carried across documents in input order, so that the
	// output does not depend on which worker finished first.
	linker := entities.NewLinker()
	for res, err := range x.ExtractAll(ctx, docs, o.jobs) {
		reportUnread()
		if err != nil {
			fail("%v", err)
			prog.done(0, true)
			continue
		}
		prog.done(len(res.Source()), false)
		res.Link(linker)
		if corpus != nil {
			corpus.Add(res)
		}
		line, err := json.Marshal(res)
		if err != nil {
			fail("%s: encoding result: %v", res.ID, err)
			continue
		}
		if _, err := out.Write(append(line, '\n')); err != nil {
			fail("writing output: %v", err)
		}
	}
	reportUnread()
	return failed
}

// writeGroups writes the groups as one JSON array.
func writeGroups(path string, groups []claims.Group) error {
	if groups == nil {
		groups = []claims.Group{}
	}
	b, err := json.MarshalIndent(groups, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding groups: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing groups: %w", err)
	}
	return nil
}
