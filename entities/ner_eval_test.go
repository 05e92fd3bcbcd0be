package entities

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

// nerTargets are the typed F1 (PER, ORG, LOC) each language's NER gold
// must reach: the acceptance bar of the entity stage.
var nerTargets = map[string]float64{"en": 0.75, "de": 0.70, "it": 0.70, "es": 0.70}

// recognize runs a recognizer over each document the way the command does
// for a body of one paragraph: sentences, then Find.
func recognize(r *Recognizer, seg *sentence.Segmenter, docs []nerDoc) [][]nerSpan {
	out := make([][]nerSpan, len(docs))
	for i, d := range docs {
		sents := seg.Append(nil, d.Text, text.Span{Start: 0, End: len(d.Text)})
		for _, e := range r.Find(d.Text, sents) {
			for _, m := range e.Mentions {
				out[i] = append(out[i], nerSpan{Start: m.Start, End: m.End, Label: e.Type.String()})
			}
		}
	}
	return out
}

// TestNEREval scores the recogniser on ../shared/eval/ner/<lang>.jsonl
// (go test ./entities -run NEREval -v) and fails below nerTargets.
func TestNEREval(t *testing.T) {
	reg, err := lang.Default()
	require.NoError(t, err)
	gaz, err := DefaultGazetteer()
	require.NoError(t, err)
	for _, code := range []string{"en", "de", "it", "es"} {
		t.Run(code, func(t *testing.T) {
			docs := loadNERGold(t, filepath.Join(filepath.Dir(nerGoldPath), code+".jsonl"))
			p, _ := reg.Get(code)
			gold := make([][]nerSpan, len(docs))
			for i, d := range docs {
				gold[i] = d.Entities
			}
			s := scoreNER(gold, recognize(NewRecognizer(p, gaz), sentence.New(p), docs), "PER", "ORG", "LOC")
			s.Log(t, code)
			if code == "en" && !testing.Short() {
				// What prose/v2's signals add to the English rules.
				wp := scoreNER(gold, recognize(NewRecognizer(p, gaz, WithProse(true)), sentence.New(p), docs), "PER", "ORG", "LOC")
				wp.Log(t, "en+prose")
			}
			if s.All.F1() < nerTargets[code] {
				t.Errorf("%s: typed F1 %.3f below %.2f", code, s.All.F1(), nerTargets[code])
			}
		})
	}
}
