package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// lines decodes JSON Lines output and fails on any corrupt line.
func lines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var docs []map[string]any
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" {
			continue
		}
		var d map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &d), "line %q", l)
		docs = append(docs, d)
	}
	return docs
}

// TestGoldenSeeds compares the command's output on the bundled seed
// articles with testdata/golden/<doc>.json (indented, one file per
// document, so that a change reads as a diff); -update rewrites them.
func TestGoldenSeeds(t *testing.T) {
	code, out, errs := runCmd(t, "", "-j", "3", filepath.Join("..", "..", "testdata", "seeds"))
	require.Equal(t, exitOK, code, errs)
	docs := lines(t, out)
	require.Len(t, docs, 5)
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		name := docs[i]["doc"].(string)
		assert.True(t, strings.HasPrefix(name, []string{"000", "001", "002", "003", "004"}[i]), "input order")
		for _, field := range []string{"doc", "lang", "title", "body", "sentences", "entities", "claims"} {
			assert.Contains(t, docs[i], field)
		}
		var got bytes.Buffer
		require.NoError(t, json.Indent(&got, []byte(line), "", "  "))
		got.WriteByte('\n')
		golden := filepath.Join("..", "..", "testdata", "golden", strings.TrimSuffix(name, ".txt")+".json")
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
			require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
		}
		want, err := os.ReadFile(golden)
		require.NoError(t, err, "run go test ./cmd/hearsay -update to create it")
		assert.Equal(t, string(want), got.String(), "output differs from %s (go test ./cmd/hearsay -update rewrites it)", golden)
	}
}

func TestJSONLInput(t *testing.T) {
	in := `{"id": "a", "text": "Der Sprecher sagte, das sei interessant. Mehr nicht.", "lang": "de"}
{"id": 7, "text": "Peskov said the proposal was interesting.", "url": "https://example.com/x", "published": "2021-02-15"}

{"text": "Sin identificador. Otra frase."}
`
	code, out, errs := runCmd(t, in, "--input", "jsonl")
	require.Equal(t, exitOK, code, errs)
	docs := lines(t, out)
	require.Len(t, docs, 3)
	assert.Equal(t, "a", docs[0]["doc"])
	assert.Equal(t, "de", docs[0]["lang"])
	assert.Equal(t, "7", docs[1]["doc"])
	assert.Equal(t, "https://example.com/x", docs[1]["url"])
	assert.Equal(t, "stdin:4", docs[2]["doc"])
	assert.Len(t, docs[0]["sentences"], 2)
}

func TestBadInputKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(good, []byte("A sentence here. Another one."), 0o644))
	require.NoError(t, os.WriteFile(bad, []byte("broken \xff text"), 0o644))

	code, out, errs := runCmd(t, "", bad, filepath.Join(dir, "missing.txt"), good)
	assert.Equal(t, exitError, code)
	docs := lines(t, out)
	require.Len(t, docs, 1, "the good document is still written")
	assert.Equal(t, "good.txt", docs[0]["doc"])
	assert.Contains(t, errs, "bad.txt: invalid UTF-8 at byte 7")
	assert.Contains(t, errs, "missing.txt")

	in := "{\"id\": \"ok\", \"text\": \"Fine.\"}\n{not json}\n{\"id\": \"no-text\"}\n{\"id\": \"late\", \"text\": \"Also fine.\", \"published\": \"yesterday\"}\n"
	code, out, errs = runCmd(t, in, "--input", "jsonl")
	assert.Equal(t, exitError, code)
	docs = lines(t, out)
	require.Len(t, docs, 1)
	assert.Equal(t, "ok", docs[0]["doc"])
	assert.Contains(t, errs, "stdin:2: not a JSON document")
	assert.Contains(t, errs, `stdin:3: no "text" field`)
	assert.Contains(t, errs, `stdin:4: published "yesterday"`)
}

func TestTooLarge(t *testing.T) {
	code, out, errs := runCmd(t, strings.Repeat("word ", 100), "--max-bytes", "100")
	assert.Equal(t, exitError, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "over the limit of 100 bytes")
}

func TestUsage(t *testing.T) {
	code, _, errs := runCmd(t, "", "--input", "xml")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "--input must be text or jsonl")

	code, _, errs = runCmd(t, "", "--lang", "xx")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "not installed")

	code, _, _ = runCmd(t, "", "--no-such-flag")
	assert.Equal(t, exitUsage, code)
}

func TestOrderWithManyWorkers(t *testing.T) {
	var in strings.Builder
	for i := range 200 {
		in.WriteString(`{"id": "d` + string(rune('a'+i%26)) + `", "text": "Sentence number one. Sentence two."}` + "\n")
	}
	code, out, errs := runCmd(t, in.String(), "--input", "jsonl", "-j", "8")
	require.Equal(t, exitOK, code, errs)
	docs := lines(t, out)
	require.Len(t, docs, 200)
	for i, d := range docs {
		assert.Equal(t, "d"+string(rune('a'+i%26)), d["doc"])
	}
}

func TestOffsetsFlag(t *testing.T) {
	code, out, errs := runCmd(t, "Ísland 🇮🇸. Peskov said the proposal was interesting.", "--offsets", "cp,u16", "--lang", "en")
	require.Equal(t, exitOK, code, errs)
	docs := lines(t, out)
	require.Len(t, docs, 1)
	sents := docs[0]["sentences"].([]any)
	last := sents[len(sents)-1].(map[string]any)
	assert.Greater(t, last["start"], last["start_cp"], "bytes count more than code points after non-ASCII text")
	assert.Contains(t, last, "start_u16")

	code, _, errs = runCmd(t, "", "--offsets", "chars")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "--offsets takes cp, u16 or both")
}

func TestGroupsFlag(t *testing.T) {
	file := filepath.Join(t.TempDir(), "groups.json")
	code, out, errs := runCmd(t, "", "--groups", file, "../../testdata/seeds")
	require.Equal(t, exitOK, code, errs)
	docs := lines(t, out)
	ids := map[string]map[string]bool{}
	for _, d := range docs {
		ids[d["doc"].(string)] = map[string]bool{}
		for _, c := range d["claims"].([]any) {
			ids[d["doc"].(string)][c.(map[string]any)["id"].(string)] = true
		}
	}
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	var groups []struct {
		ID      string `json:"id"`
		Speaker string `json:"speaker"`
		Claims  []struct {
			Doc   string `json:"doc"`
			Claim string `json:"claim"`
		} `json:"claims"`
	}
	require.NoError(t, json.Unmarshal(b, &groups))
	require.NotEmpty(t, groups)
	for _, g := range groups {
		assert.NotEmpty(t, g.ID)
		assert.NotEmpty(t, g.Speaker)
		for _, c := range g.Claims {
			assert.True(t, ids[c.Doc][c.Claim], "group %s names claim %s of %s, which the output has", g.ID, c.Claim, c.Doc)
		}
	}
}

// The progress line goes to standard error only when it is a terminal
// (never to a buffer or a pipe) or when asked for; errors stay readable
// above it, and standard output is the same either way.
func TestProgress(t *testing.T) {
	dir := t.TempDir()
	for i, body := range []string{"Peskov said that the offer was interesting.", "broken \xff text", "Musk said: “We will talk.”"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(body), 0o644))
	}
	code, quiet, errs := runCmd(t, "", dir)
	assert.Equal(t, exitError, code)
	assert.NotContains(t, errs, "documents", "no progress line into a buffer")
	assert.Equal(t, "hearsay: 1.txt: invalid UTF-8 at byte 7\n", errs)

	code, out, errs := runCmd(t, "", "--progress", "on", "-j", "1", dir)
	assert.Equal(t, exitError, code)
	assert.Equal(t, quiet, out, "progress does not touch the output")
	assert.Contains(t, errs, "\r\x1b[Khearsay: 1.txt: invalid UTF-8 at byte 7\n", "the error on a line of its own")
	assert.True(t, strings.HasSuffix(errs, "\n"), "the status line is ended")
	last := errs[strings.LastIndex(errs, "\r")+1:]
	assert.Regexp(t, `^\x1b\[Khearsay: 3 documents, 1 failed, 0\.0 MB, [0-9.]+ MB/s\n$`, last)

	code, _, errs = runCmd(t, "", "--progress", "sometimes", dir)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "--progress must be auto, on or off")

	assert.False(t, isTerminal(&bytes.Buffer{}))
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f), "a regular file is not a terminal")
}
