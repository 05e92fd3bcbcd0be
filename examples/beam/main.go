// Beam runs hearsay as an Apache Beam pipeline, for corpora too large for
// one machine: on Google Cloud Dataflow, Flink, Spark or, locally, Beam's
// Prism runner.
//
// It reads JSON Lines, one article a line:
// {"id", "text", "lang"?, "url"?, "published"?}, and writes one JSON
// result a line to --output (the hearsay command's format; "doc" is the
// id). A line that is not such a document, or a document that hearsay
// refuses (invalid UTF-8, over --max_bytes, an unknown language), becomes
// a line of --output + ".errors" with its id and the error, and the
// pipeline goes on.
//
//	go run . --input 'articles/*.jsonl' --output /tmp/claims.jsonl
//
// --runner picks the runner (prism when not given); see README.md.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/hearsay-go/hearsay/claims"
)

var (
	input    = flag.String("input", "", "JSON Lines files to read, one article a line (a glob: 'gs://bucket/articles/*.jsonl')")
	output   = flag.String("output", "", "file to write the results to, one JSON object a line; failures go to this name + \".errors\"")
	maxBytes = flag.Int("max_bytes", claims.DefaultMaxBytes, "largest document accepted, in bytes (0: no limit)")
)

func init() {
	// Registered DoFns and emitters run on portable runners without
	// reflection over the binary's symbols.
	register.DoFn5x1[context.Context, string, string, func(string), func(string), error](&extractFn{})
	register.Emitter1[string]()
}

func main() {
	flag.Parse()
	beam.Init() // on a worker, this runs the worker and does not return
	ctx := context.Background()
	if *input == "" || *output == "" {
		usage()
		os.Exit(2)
	}
	// textio reads no file, and writes none, without a word when the
	// glob matches nothing: say so before starting a job.
	if err := checkInput(ctx, *input); err != nil {
		log.Exitf(ctx, "--input: %v", err)
	}
	p, s := beam.NewPipelineWithRoot()
	buildPipeline(s, *input, *output, *maxBytes)
	if err := beamx.Run(ctx, p); err != nil {
		log.Exitf(ctx, "pipeline failed: %v", err)
	}
}

// usage describes this program's own flags; -help lists Beam's as well.
func usage() {
	fmt.Fprintln(os.Stderr, "usage: beam --input GLOB --output FILE [--max_bytes N] [--runner RUNNER] [runner flags]")
	for _, name := range []string{"input", "output", "max_bytes"} {
		f := flag.Lookup(name)
		fmt.Fprintf(os.Stderr, "  --%s\n    \t%s\n", f.Name, f.Usage)
	}
	fmt.Fprintln(os.Stderr, "Run with -help for the runners' flags; see README.md.")
}

// checkInput makes sure that the glob matches a file.
func checkInput(ctx context.Context, glob string) error {
	fs, err := filesystem.New(ctx, glob)
	if err != nil {
		return err
	}
	defer fs.Close()
	files, err := fs.List(ctx, glob)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no file matches %q", glob)
	}
	return nil
}

// buildPipeline reads the documents of the files matching input, extracts
// their claims and writes the results to output and the failures to
// output + ".errors". textio.Write writes one file, and none when there is
// nothing to write.
func buildPipeline(s beam.Scope, input, output string, maxBytes int) {
	lines := textio.ReadWithFilename(s.Scope("read"), input)
	results, failures := beam.ParDo2(s.Scope("extract"), &extractFn{MaxBytes: maxBytes}, lines)
	textio.Write(s.Scope("results"), output, results)
	textio.Write(s.Scope("errors"), output+".errors", failures)
}

var (
	docsDone   = beam.NewCounter("hearsay", "documents")
	claimsDone = beam.NewCounter("hearsay", "claims")
	docsFailed = beam.NewCounter("hearsay", "failures")
)

// extractFn reads one input line, keyed by its file's name: it emits the
// result's JSON to the first output, or a failure's JSON to the second.
type extractFn struct {
	// MaxBytes is the size limit of a document. The DoFn's exported
	// fields travel with it to the workers; flags do not.
	MaxBytes int `json:"max_bytes"`

	x *claims.Extractor
}

// Setup gets the worker process's Extractor; every instance of the DoFn
// in the process shares it.
func (f *extractFn) Setup() error {
	x, err := sharedExtractor(f.MaxBytes)
	if err != nil {
		return err
	}
	f.x = x
	return nil
}

// ProcessElement fails the bundle only when its context ends (the runner
// retries it); a document's own errors go to the failures.
func (f *extractFn) ProcessElement(ctx context.Context, file, line string, emit, emitFailure func(string)) error {
	res, fail, err := extractLine(ctx, f.x, line)
	switch {
	case err != nil:
		return err
	case fail != nil:
		fail.File = file
		b, err := json.Marshal(fail)
		if err != nil {
			return err
		}
		docsFailed.Inc(ctx, 1)
		emitFailure(string(b))
	case res != nil:
		b, err := json.Marshal(res)
		if err != nil {
			return err
		}
		docsDone.Inc(ctx, 1)
		claimsDone.Inc(ctx, int64(len(res.Claims)))
		emit(string(b))
	}
	return nil
}

// extractors holds the process's Extractors, one per size limit. Building
// one parses every language pack, and an Extractor is safe for concurrent
// use, so all DoFn instances and bundles of a worker process share it.
var extractors struct {
	sync.Mutex
	m map[int]func() (*claims.Extractor, error)
}

func sharedExtractor(maxBytes int) (*claims.Extractor, error) {
	extractors.Lock()
	get, ok := extractors.m[maxBytes]
	if !ok {
		get = sync.OnceValues(func() (*claims.Extractor, error) {
			return claims.New(claims.WithMaxBytes(maxBytes))
		})
		if extractors.m == nil {
			extractors.m = map[int]func() (*claims.Extractor, error){}
		}
		extractors.m[maxBytes] = get
	}
	extractors.Unlock()
	return get()
}

// failure is one line of the errors output.
type failure struct {
	// ID is the document's id, when the line has one.
	ID    string `json:"id,omitempty"`
	File  string `json:"file,omitempty"`
	Error string `json:"error"`
	// Line is the start of the line when it has no id to name it by.
	Line string `json:"line,omitempty"`
}

// maxQuoted is how many bytes of a line without an id a failure quotes.
const maxQuoted = 200

// extractLine reads one input line. It returns the document's result, or
// the failure to record, or neither for a blank line. Its error is for a
// context that ended only: the bundle should fail and be retried, not
// record every document after it as failed.
func extractLine(ctx context.Context, x *claims.Extractor, line string) (*claims.Result, *failure, error) {
	if strings.TrimSpace(line) == "" {
		return nil, nil, nil
	}
	doc, err := parseLine(line)
	if err != nil {
		fail := &failure{ID: doc.ID, Error: err.Error()}
		if doc.ID == "" {
			fail.Line = strings.ToValidUTF8(line[:min(len(line), maxQuoted)], "\uFFFD")
		}
		return nil, fail, nil
	}
	res, err := x.Extract(ctx, doc)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, err
		}
		return nil, &failure{ID: doc.ID, Error: err.Error()}, nil
	}
	return res, nil, nil
}

// jsonDoc is one input line.
type jsonDoc struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Lang      string          `json:"lang"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
}

// parseLine reads one document. The returned Document carries the id,
// when there is one, even with an error.
func parseLine(line string) (claims.Document, error) {
	var j jsonDoc
	if err := json.Unmarshal([]byte(line), &j); err != nil {
		return claims.Document{}, fmt.Errorf("not a JSON document: %w", err)
	}
	var doc claims.Document
	if len(j.ID) > 0 && string(j.ID) != "null" {
		if err := json.Unmarshal(j.ID, &doc.ID); err != nil {
			doc.ID = string(j.ID) // a number
		}
	}
	switch {
	case doc.ID == "":
		return doc, errors.New(`no "id"`)
	case j.Text == nil:
		return doc, errors.New(`no "text"`)
	}
	// encoding/json turns invalid UTF-8 into U+FFFD; hearsay refuses such
	// text rather than give offsets into a repaired copy.
	if !utf8.ValidString(line) {
		return doc, fmt.Errorf("%w in the line at byte %d", claims.ErrInvalidUTF8, firstInvalid(line))
	}
	doc.Text, doc.Lang, doc.URL = *j.Text, j.Lang, j.URL
	if j.Published != "" {
		t, err := parsePublished(j.Published)
		if err != nil {
			return doc, err
		}
		doc.Published = t
	}
	return doc, nil
}

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(s)
}

func parsePublished(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published %q is not an RFC 3339 time or a date", s)
}
