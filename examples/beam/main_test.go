package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/hearsay-go/hearsay/claims"
)

// TestMain parses the flags and initialises Beam, which the runners need.
func TestMain(m *testing.M) {
	ptest.Main(m)
}

// seed is one of the repository's example articles.
type seed struct {
	id, text string
}

func readSeeds(t *testing.T) []seed {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "seeds")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("%d seed articles in %s, want at least 3", len(files), dir)
	}
	var seeds []seed
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, seed{id: strings.TrimSuffix(filepath.Base(f), ".txt"), text: string(b)})
	}
	return seeds
}

func jsonLine(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// outLine is what the test reads of a result line.
type outLine struct {
	Doc       string            `json:"doc"`
	Lang      string            `json:"lang"`
	Sentences []json.RawMessage `json:"sentences"`
	Claims    []struct {
		ID   string `json:"id"`
		Kind string `json:"kind"`
		Text string `json:"text"`
	} `json:"claims"`
}

// readLines reads a JSON Lines file written by the pipeline.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// TestPipeline runs the whole pipeline on Prism over the seed articles,
// split across two files, with a blank line and lines that must fail.
func TestPipeline(t *testing.T) {
	const limit = 64 << 10 // bytes; every seed is far below it
	seeds := readSeeds(t)
	dir := t.TempDir()

	good := map[string]string{} // id: text
	var lines []string
	for _, s := range seeds {
		good[s.id] = s.text
		lines = append(lines, jsonLine(t, map[string]string{"id": s.id, "text": s.text, "url": "https://example.org/" + s.id}))
	}
	// The failures, by id ("" for the line that is not JSON) and what the
	// error must say.
	wantFailures := map[string]string{
		"":             "not a JSON document",
		"no-text":      `no "text"`,
		"latin1":       "invalid UTF-8",
		"too-large":    "over the limit",
		"unknown-lang": "unknown language",
	}
	bad := []string{
		`{"id": "truncated", "text": "Putin said`,
		`{"id": "no-text", "lang": "en"}`,
		// "café" in Latin-1: one byte that is not UTF-8.
		"{\"id\": \"latin1\", \"text\": \"Le caf\xe9 est ferm\xe9, a dit le maire.\"}",
		jsonLine(t, map[string]string{"id": "too-large", "text": strings.Repeat(seeds[0].text+"\n\n", limit/len(seeds[0].text)+1)}),
		jsonLine(t, map[string]string{"id": "unknown-lang", "text": seeds[1].text, "lang": "xx"}),
	}
	half := len(lines) / 2
	file1 := strings.Join(append(slices.Clone(lines[:half]), bad[:2]...), "\n") + "\n\n"
	file2 := strings.Join(append(slices.Clone(bad[2:]), lines[half:]...), "\n") // no final newline
	for name, data := range map[string]string{"in-1.jsonl": file1, "in-2.jsonl": file2} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out", "claims.jsonl") // textio makes the directory

	p, s := beam.NewPipelineWithRoot()
	buildPipeline(s, filepath.Join(dir, "in-*.jsonl"), out, limit)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	pr, err := prism.Execute(ctx, p)
	if err != nil {
		t.Fatalf("pipeline failed: %v", err)
	}

	// Every good document once, with the result Extract gives outside
	// Beam.
	x, err := claims.New(claims.WithMaxBytes(limit))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	totalClaims := 0
	for i, line := range readLines(t, out) {
		var r outLine
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("result line %d is not JSON: %v\n%.200s", i+1, err, line)
		}
		seen[r.Doc]++
		text, ok := good[r.Doc]
		if !ok {
			t.Errorf("result for %q, which is not a good input", r.Doc)
			continue
		}
		if len(r.Sentences) == 0 || len(r.Claims) == 0 || r.Lang == "" {
			t.Errorf("%s: lang %q, %d sentences, %d claims; want a language, sentences and claims", r.Doc, r.Lang, len(r.Sentences), len(r.Claims))
		}
		for _, c := range r.Claims {
			if c.ID == "" || c.Kind == "" || !strings.Contains(text, c.Text) {
				t.Errorf("%s: claim %+v is not a claim of the text", r.Doc, c)
			}
		}
		totalClaims += len(r.Claims)
		want, err := x.Extract(context.Background(), claims.Document{ID: r.Doc, Text: text, URL: "https://example.org/" + r.Doc})
		if err != nil {
			t.Fatal(err)
		}
		wantJSON, err := json.Marshal(want)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal([]byte(line), wantJSON) {
			t.Errorf("%s: the pipeline's result differs from Extract's:\n got %.300s\nwant %.300s", r.Doc, line, wantJSON)
		}
	}
	for id := range good {
		if seen[id] != 1 {
			t.Errorf("%s: %d results, want 1", id, seen[id])
		}
	}

	// Every bad line in the errors, once, with its id, file and error.
	failed := map[string]int{}
	for i, line := range readLines(t, out+".errors") {
		var f failure
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatalf("errors line %d is not JSON: %v\n%s", i+1, err, line)
		}
		failed[f.ID]++
		want, ok := wantFailures[f.ID]
		switch {
		case !ok:
			t.Errorf("unexpected failure %+v", f)
		case !strings.Contains(f.Error, want):
			t.Errorf("%q failed with %q, want it to say %q", f.ID, f.Error, want)
		case !strings.HasPrefix(filepath.Base(f.File), "in-"):
			t.Errorf("%q: failure names file %q, want an input file", f.ID, f.File)
		case f.ID == "" && !strings.HasPrefix(f.Line, `{"id": "truncated"`):
			t.Errorf("the failure of the line that is not JSON quotes %q", f.Line)
		}
	}
	for id := range wantFailures {
		if failed[id] != 1 {
			t.Errorf("%q: %d failures, want 1", id, failed[id])
		}
	}

	// The counters add up.
	counters := map[string]int64{}
	for _, c := range pr.Metrics().AllMetrics().Counters() {
		if c.Namespace() == "hearsay" {
			counters[c.Name()] += c.Result()
		}
	}
	wantCounters := map[string]int64{"documents": int64(len(good)), "claims": int64(totalClaims), "failures": int64(len(wantFailures))}
	for name, want := range wantCounters {
		if counters[name] != want {
			t.Errorf("counter hearsay.%s = %d, want %d (all: %v)", name, counters[name], want, counters)
		}
	}
}

// TestExtractLine tests the per-line work without Beam.
func TestExtractLine(t *testing.T) {
	x, err := sharedExtractor(claims.DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := sharedExtractor(claims.DefaultMaxBytes); again != x {
		t.Error("sharedExtractor built a second Extractor for the same limit")
	}
	seeds := readSeeds(t)
	ctx := context.Background()

	t.Run("documents", func(t *testing.T) {
		for _, s := range seeds {
			res, fail, err := extractLine(ctx, x, jsonLine(t, map[string]string{"id": s.id, "text": s.text}))
			if err != nil || fail != nil {
				t.Fatalf("%s: failure %+v, error %v", s.id, fail, err)
			}
			if res.ID != s.id || res.Source() != s.text || len(res.Claims) == 0 {
				t.Errorf("%s: result for %q with %d claims", s.id, res.ID, len(res.Claims))
			}
		}
	})

	t.Run("fields", func(t *testing.T) {
		line := jsonLine(t, map[string]any{"id": 42, "text": seeds[0].text, "lang": "is", "url": "https://example.org/a", "published": "2021-02-15"})
		res, fail, err := extractLine(ctx, x, line)
		if err != nil || fail != nil {
			t.Fatalf("failure %+v, error %v", fail, err)
		}
		if res.ID != "42" || res.Lang != "is" || res.LangConfidence != 1 || res.URL != "https://example.org/a" || !res.Published.Equal(time.Date(2021, 2, 15, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("got id %q, lang %q (%v), url %q, published %v", res.ID, res.Lang, res.LangConfidence, res.URL, res.Published)
		}
	})

	t.Run("blank", func(t *testing.T) {
		for _, line := range []string{"", "  ", "\r"} {
			if res, fail, err := extractLine(ctx, x, line); res != nil || fail != nil || err != nil {
				t.Errorf("%q: %v, %+v, %v; want nothing", line, res, fail, err)
			}
		}
	})

	t.Run("failures", func(t *testing.T) {
		for _, c := range []struct{ line, id, err string }{
			{`not json`, "", "not a JSON document"},
			{`["id", "text"]`, "", "not a JSON document"},
			{`{"text": "Putin said so."}`, "", `no "id"`},
			{`{"id": null, "text": "Putin said so."}`, "", `no "id"`},
			{`{"id": "a", "text": null}`, "a", `no "text"`},
			{"{\"id\": \"b\", \"text\": \"caf\xe9\"}", "b", "invalid UTF-8 in the line at byte 24"},
			{`{"id": "c", "text": "Putin said so.", "lang": "xx"}`, "c", "unknown language"},
			{`{"id": "d", "text": "Putin said so.", "published": "yesterday"}`, "d", "not an RFC 3339 time"},
		} {
			res, fail, err := extractLine(ctx, x, c.line)
			if err != nil || res != nil || fail == nil {
				t.Errorf("%q: %v, %+v, %v; want a failure", c.line, res, fail, err)
				continue
			}
			if fail.ID != c.id || !strings.Contains(fail.Error, c.err) {
				t.Errorf("%q: failure %+v, want id %q and an error saying %q", c.line, fail, c.id, c.err)
			}
			if (fail.Line != "") != (c.id == "") {
				t.Errorf("%q: failure quotes %q; want the line quoted when it has no id", c.line, fail.Line)
			}
		}
	})

	t.Run("too large", func(t *testing.T) {
		small, err := sharedExtractor(1000)
		if err != nil {
			t.Fatal(err)
		}
		if small == x {
			t.Fatal("one Extractor for two size limits")
		}
		_, fail, err := extractLine(ctx, small, jsonLine(t, map[string]string{"id": "big", "text": seeds[0].text}))
		if err != nil || fail == nil || fail.ID != "big" || !strings.Contains(fail.Error, "over the limit of 1000 bytes") {
			t.Errorf("failure %+v, error %v; want the document over the limit", fail, err)
		}
	})

	t.Run("cancelled", func(t *testing.T) {
		// A context that ended fails the bundle instead of recording the
		// document as failed.
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		res, fail, err := extractLine(cctx, x, jsonLine(t, map[string]string{"id": "a", "text": seeds[0].text}))
		if !errors.Is(err, context.Canceled) || res != nil || fail != nil {
			t.Errorf("got %v, %+v, %v; want context.Canceled", res, fail, err)
		}
	})
}
