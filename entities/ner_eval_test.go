package entities

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

// nerFloors are regression bars for the typed F1 (PER, ORG, LOC) on each
// language's NER gold, a little under what the rules measure (en 0.597,
// de 0.479, it 0.544, es 0.600 with the built-in data). They are below the
// goals of the entity issue (en 0.75; de, it, es 0.70): single-sentence
// CoNLL-style gold types sports teams, metonymic places and lone surnames
// by conventions that rules and gazetteers cannot reach without a model
// trained on annotated text, which this project cannot ship (see
// README.md, "Measuring").
var nerFloors = map[string]float64{"en": 0.57, "de": 0.45, "it": 0.51, "es": 0.57}

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
// (go test ./entities -run NEREval -v) and fails below nerFloors.
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
			if s.All.F1() < nerFloors[code] {
				t.Errorf("%s: typed F1 %.3f below %.2f", code, s.All.F1(), nerFloors[code])
			}
		})
	}
}
