package lang

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// evalSegDir holds the Universal Dependencies documents of the shared
// evaluation data (see ../../shared/README.md). It is not part of the
// repository; the test is skipped when it is absent.
const evalSegDir = "../../shared/eval/seg"

// TestDetectEval measures language identification on the evaluation
// documents: every line is a JSON object with the gold "lang" and "text".
func TestDetectEval(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(evalSegDir, "*.jsonl"))
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skipf("no evaluation data in %s", evalSegDir)
	}
	sort.Strings(files)
	reg, err := Default()
	require.NoError(t, err)

	var right, total int
	for _, name := range files {
		r, n, misses := evalFile(t, reg, name)
		right += r
		total += n
		if n > 0 {
			t.Logf("%-20s %4d/%4d  %6.2f%%", filepath.Base(name), r, n, 100*float64(r)/float64(n))
		}
		for _, m := range misses {
			t.Logf("    miss: %s", m)
		}
	}
	require.NotZero(t, total)
	acc := float64(right) / float64(total)
	t.Logf("%-20s %4d/%4d  %6.2f%%", "overall", right, total, 100*acc)
	assert.GreaterOrEqual(t, acc, 0.99, "language identification accuracy")
}

func evalFile(t *testing.T, reg *Registry, name string) (right, total int, misses []string) {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var doc struct {
			ID   string `json:"id"`
			Lang string `json:"lang"`
			Text string `json:"text"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &doc), name)
		total++
		got := reg.Detect(doc.Text)
		if got.Code == doc.Lang {
			right++
			continue
		}
		text := doc.Text
		if len(text) > 80 {
			text = text[:80] + "…"
		}
		misses = append(misses, doc.ID+" "+doc.Lang+"→"+got.Code+": "+text)
	}
	require.NoError(t, sc.Err(), name)
	return right, total, misses
}
