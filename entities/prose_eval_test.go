package entities

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// nerGoldPath is the English NER gold (CoNLL-2003 test, half), shared by all
// developers at ../shared from the project's root. Its licence forbids
// copying it into the repository: tests read it in place and skip without it.
const nerGoldPath = "../../shared/eval/ner/en.jsonl"

// nerSpan is one entity of a NER gold or prediction: a byte span and a type.
type nerSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
}

// nerDoc is one line of a NER gold file.
type nerDoc struct {
	ID       string    `json:"id"`
	Lang     string    `json:"lang"`
	Text     string    `json:"text"`
	Entities []nerSpan `json:"entities"`
}

// readNERGold reads a NER gold file (JSON Lines of nerDoc).
func readNERGold(path string) ([]nerDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var docs []nerDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var d nerDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// loadNERGold reads a NER gold file or skips the test when it is absent.
func loadNERGold(t testing.TB, path string) []nerDoc {
	t.Helper()
	docs, err := readNERGold(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not found: the shared eval data is not checked out", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// nerType maps a predicted label to the gold's types as score.py does:
// PERSON→PER, ORGANIZATION→ORG, GPE and LOCATION→LOC, anything unknown→MISC.
func nerType(label string) string {
	switch strings.ToUpper(label) {
	case "PERSON", "PER":
		return "PER"
	case "ORG", "ORGANIZATION":
		return "ORG"
	case "LOC", "LOCATION", "GPE":
		return "LOC"
	}
	return "MISC"
}

// nerPRF holds the counts of one type (or of all) and derives P, R and F1.
type nerPRF struct{ TP, FP, FN int }

func (c nerPRF) P() float64 { return nerRatio(c.TP, c.TP+c.FP) }
func (c nerPRF) R() float64 { return nerRatio(c.TP, c.TP+c.FN) }
func (c nerPRF) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c nerPRF) String() string {
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", c.P(), c.R(), c.F1(), c.TP, c.FP, c.FN)
}

func nerRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// nerScore is the result of scoreNER.
type nerScore struct {
	All     nerPRF            // typed: span and type must match
	Untyped nerPRF            // span alone
	Types   map[string]nerPRF // by gold type (PER, ORG, LOC, MISC)
}

// Log writes the score as score.py prints it, one line a type, prefixed by
// name.
func (s nerScore) Log(t testing.TB, name string) {
	t.Helper()
	types := make([]string, 0, len(s.Types))
	for typ := range s.Types {
		types = append(types, typ)
	}
	sort.Strings(types)
	for _, typ := range types {
		t.Logf("%s %s: %v", name, typ, s.Types[typ])
	}
	t.Logf("%s untyped spans: %v", name, s.Untyped)
	t.Logf("%s ner: %v", name, s.All)
}

// scoreNER scores predicted entities against gold ones the way
// ../shared/tools/score.py's `ner` does: gold[i] and pred[i] are the
// entities of document i; a mention counts when its byte span matches a gold
// span exactly, and typed scores also need the type (predicted labels are
// mapped by nerType). Only the types in keep are counted, on both sides
// (all four when keep is empty; pass PER, ORG, LOC for `--types PER ORG
// LOC`). As in score.py, a span predicted or annotated twice counts once
// (the last label wins), and a span found with the wrong type is a false
// positive of the predicted type and a false negative of the gold type.
func scoreNER(gold, pred [][]nerSpan, keep ...string) nerScore {
	if len(keep) == 0 {
		keep = []string{"PER", "ORG", "LOC", "MISC"}
	}
	kept := make(map[string]bool, len(keep))
	for _, k := range keep {
		kept[k] = true
	}
	type key struct{ start, end int }
	s := nerScore{Types: map[string]nerPRF{}}
	bump := func(typ string, tp, fp, fn int) {
		c := s.Types[typ]
		c.TP, c.FP, c.FN = c.TP+tp, c.FP+fp, c.FN+fn
		s.Types[typ] = c
	}
	nGold, nPred, utp := 0, 0, 0
	for i := range gold {
		g := map[key]string{}
		for _, e := range gold[i] {
			if kept[e.Label] {
				g[key{e.Start, e.End}] = e.Label
			}
		}
		p := map[key]string{}
		if i < len(pred) {
			for _, e := range pred[i] {
				if typ := nerType(e.Label); kept[typ] {
					p[key{e.Start, e.End}] = typ
				}
			}
		}
		nGold += len(g)
		nPred += len(p)
		for span, typ := range p {
			gt, ok := g[span]
			switch {
			case !ok:
				s.All.FP++
				bump(typ, 0, 1, 0)
			case gt == typ:
				utp++
				s.All.TP++
				bump(typ, 1, 0, 0)
			default:
				utp++
				s.All.FP++
				s.All.FN++
				bump(typ, 0, 1, 0)
				bump(gt, 0, 0, 1)
			}
		}
		for span, typ := range g {
			if _, ok := p[span]; !ok {
				s.All.FN++
				bump(typ, 0, 0, 1)
			}
		}
	}
	s.Untyped = nerPRF{TP: utp, FP: nPred - utp, FN: nGold - utp}
	return s
}

func TestScoreNER(t *testing.T) {
	gold := [][]nerSpan{
		{{0, 5, "PER"}, {10, 15, "ORG"}, {20, 25, "LOC"}, {30, 35, "MISC"}},
		{{0, 3, "LOC"}},
	}
	pred := [][]nerSpan{
		// right; wrong type; wrong span; MISC not kept; GSP maps to MISC.
		{{0, 5, "PERSON"}, {10, 15, "GPE"}, {21, 25, "LOCATION"}, {30, 35, "ORGANIZATION"}, {40, 45, "GSP"}},
		{{0, 3, "GPE"}, {0, 3, "GPE"}},
	}
	s := scoreNER(gold, pred, "PER", "ORG", "LOC")
	if s.All != (nerPRF{TP: 2, FP: 3, FN: 2}) {
		t.Errorf("all = %+v", s.All)
	}
	if s.Untyped != (nerPRF{TP: 3, FP: 2, FN: 1}) {
		t.Errorf("untyped = %+v", s.Untyped)
	}
	want := map[string]nerPRF{"PER": {1, 0, 0}, "ORG": {0, 1, 1}, "LOC": {1, 2, 1}}
	for typ, c := range want {
		if s.Types[typ] != c {
			t.Errorf("%s = %+v, want %+v", typ, s.Types[typ], c)
		}
	}
	if len(s.Types) != len(want) {
		t.Errorf("types = %v", s.Types)
	}
}

// TestProseEvalNER is prose's baseline on the English NER gold: prose's
// entities alone, scored as `score.py ner --types PER ORG LOC`. It asserts
// nothing but that it ran; our recogniser must beat these numbers.
//
//	go test ./entities/ -run TestProseEvalNER -v
func TestProseEvalNER(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs prose on the whole NER gold")
	}
	docs := loadNERGold(t, nerGoldPath)
	if len(docs) == 0 {
		t.Skipf("%s is empty", nerGoldPath)
	}
	t0 := time.Now()
	if _, err := proseModel(); err != nil {
		t.Fatal(err)
	}
	load := time.Since(t0)
	gold := make([][]nerSpan, len(docs))
	pred := make([][]nerSpan, len(docs))
	bytes, tokens, lost := 0, 0, 0
	t1 := time.Now()
	for i, d := range docs {
		gold[i] = d.Entities
		raw, spans := proseRun(d.Text, proseWhole(d.Text))
		toks, ents := proseCollect(raw, spans)
		tokens += len(toks)
		lost += len(raw) - len(toks)
		bytes += len(d.Text)
		for _, e := range ents {
			pred[i] = append(pred[i], nerSpan{Start: e.Start, End: e.End, Label: e.Label})
		}
	}
	run := time.Since(t1)
	t.Logf("prose on %s: %d sentences, %d bytes, %d tokens placed, %d not; model load (if first) %v; %v a sentence",
		nerGoldPath, len(docs), bytes, tokens, lost, load.Round(time.Millisecond), (run / time.Duration(len(docs))).Round(time.Microsecond))
	scoreNER(gold, pred, "PER", "ORG", "LOC").Log(t, "prose")
}
