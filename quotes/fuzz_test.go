package quotes

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	segment "github.com/hearsay-go/hearsay/text/sentence"
)

// FuzzFind runs the whole statement finder of every language (sentences
// and entities as Extract finds them) on arbitrary text: no panic, and
// every statement lies in the text, on character boundaries, in order and
// without overlaps.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Peskov said: “It is a very interesting proposal,” he added.",
		"„Das ist interessant“, sagte Peskow. Er habe „nichts“ gesagt.",
		"Il portavoce del Cremlino ha spiegato che «è interessante».\n\n«E poi",
		"Hann sagði að boð Musks væri „mjög áhugavert“.",
		"Según el portavoz, «la propuesta es interesante». — Elon Musk (@elonmusk) 13 de febrero",
		"« Nous verrons », a-t-il déclaré. \"“„«",
	} {
		f.Add(s, uint8(0))
	}
	reg, err := lang.Default()
	require.NoError(f, err)
	// A quotation left open with only punctuation in it, reopened by the
	// next paragraph's: no statement, as it holds no words.
	f.Add("Anna Weber « :\n\n« Es verdad", uint8(slices.Index(reg.Codes(), "es")))
	gaz, err := entities.DefaultGazetteer()
	require.NoError(f, err)
	type stages struct {
		seg   *segment.Segmenter
		ents  *entities.Recognizer
		finds *Finder
	}
	var all []stages
	for _, code := range reg.Codes() {
		p, _ := reg.Get(code)
		all = append(all, stages{segment.New(p), entities.NewRecognizer(p, gaz), New(p)})
	}
	f.Fuzz(func(t *testing.T, src string, lang uint8) {
		if !utf8.ValidString(src) {
			return // Extract rejects it before any stage runs
		}
		st := all[int(lang)%len(all)]
		var sents []text.Span
		for _, p := range text.Paragraphs(src) {
			sents = st.seg.Append(sents, src, p)
		}
		ents := st.ents.Find(src, sents)
		inText := func(what string, s text.Span) {
			require.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(src), "%s %v out of range", what, s)
			require.True(t, s.Start == len(src) || utf8.RuneStart(src[s.Start]), "%s %v starts inside a rune", what, s)
			require.True(t, s.End == len(src) || utf8.RuneStart(src[s.End]), "%s %v ends inside a rune", what, s)
		}
		prev := 0
		for _, s := range st.finds.Find(src, sents, ents) {
			inText("content", s.Content)
			require.False(t, s.Content.Empty())
			require.GreaterOrEqual(t, s.Content.Start, prev, "statements overlap or are out of order")
			prev = s.Content.End
			inText("speaker", s.Speaker.Mention)
			inText("cue", s.Cue)
			require.True(t, s.Sentence >= 0 && s.Sentence < len(sents), "sentence %d of %d", s.Sentence, len(sents))
			require.True(t, s.Confidence > 0 && s.Confidence <= 1, "confidence %v", s.Confidence)
		}
	})
}
