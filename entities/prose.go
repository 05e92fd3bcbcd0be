package entities

// English signals from github.com/jdkato/prose/v2: part-of-speech tags and
// prose's own named entities, placed on byte spans of the caller's text.
//
// Loading. prose's default model (an averaged-perceptron POS tagger and a
// maximum-entropy NER classifier, about 17 MB of gzipped gob embedded in the
// binary) takes a third of a second and 100 MB of allocations to decode
// and keeps about 40 MB of heap. It is decoded once per process, on the first English sentence that
// asks for it (proseModel, a sync.OnceValues); nothing on the path of other
// languages touches it. Every call then builds its Document with
// prose.UsingModel(model), so prose never falls back to loading its default
// model again, and with WithSegmentation(false), since the caller hands us
// one sentence and prose's Punkt segmenter would only cost time.
//
// Concurrency. A prose.Document is a per-call value and is never shared. The
// *prose.Model is shared by all goroutines: in prose v2.0.0 NewDocument only
// reads it (the tagger's weight and tag maps, the classifier's feature
// mapping, weights and labels; the perceptron's training maps are never
// touched outside the commented-out training code), so concurrent use needs
// no lock. TestProseConcurrent checks this under -race.
//
// Offsets. prose's tokens carry text, not offsets, and the text is not always
// the source's: it replaces curly quotes and &rsquo; by ASCII quotes before
// tokenising, it splits clitics ("do" "n't", "Erdoğan" "'s") and it silently
// drops the rest of a word when a clitic starts it ("n't." in `don't.”`,
// "'sup"). Worse, it finds clitics in the lower-cased word but cuts the
// original, so a word whose lower case is longer in bytes (İ, Ⱥ) is cut in
// the wrong place, possibly inside a rune, or makes prose panic. proseAlign
// therefore places each token by scanning forward with quote equivalences,
// resynchronises after dropped text, and skips any token it cannot place on
// rune boundaries rather than guessing.

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/hearsay-go/hearsay/text"
)

// proseToken is one token of prose's analysis with its span in the caller's text.
type proseToken struct {
	text.Span
	Tag   string // Penn Treebank part-of-speech tag ("NNP", "VBD", ...)
	Label string // prose's NER label in IOB form ("B-PERSON", "I-GPE", "O", ...)
}

// proseEntity is one of prose's named entities with its span in the caller's
// text and prose's label (PERSON, GPE, ORGANIZATION, ...).
type proseEntity struct {
	text.Span
	Label string
}

// proseModel returns prose's default English model, decoding it on the first
// call. The model is read-only afterwards and safe for concurrent use.
var proseModel = sync.OnceValues(func() (m *prose.Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, fmt.Errorf("entities: loading prose's model: %v", r)
		}
	}()
	// ModelFromData with no data sources is prose's default model (tagger
	// and entity extracter), the one NewDocument would otherwise load on
	// every call.
	m = prose.ModelFromData("en-v2.0.0")
	if m == nil {
		return nil, fmt.Errorf("entities: prose returned no model")
	}
	return m, nil
})

// proseAnalyze runs prose on src[sent.Start:sent.End] (one sentence) and
// returns its tokens with byte spans into src. It never panics; on any prose
// error it returns nil. Tokens that cannot be placed in src are left out.
// Call it for English text only: the first call loads prose's model.
func proseAnalyze(src string, sent text.Span) []proseToken {
	toks, _ := proseAnalyzeAll(src, sent)
	return toks
}

// proseEntities returns prose's named entities in src[sent] as spans into
// src with prose's labels (PERSON, GPE, ORGANIZATION, ...). An entity whose
// first or last token cannot be placed in src is left out.
func proseEntities(src string, sent text.Span) []proseEntity {
	_, ents := proseAnalyzeAll(src, sent)
	return ents
}

// proseAnalyzeAll is proseAnalyze and proseEntities from one run of prose,
// for a caller that wants both (prose costs about a millisecond a sentence).
func proseAnalyzeAll(src string, sent text.Span) (toks []proseToken, ents []proseEntity) {
	return proseCollect(proseRun(src, sent))
}

// proseCollect turns proseRun's result into the aligned tokens and the
// entities whose first and last tokens are aligned.
func proseCollect(raw []prose.Token, spans []text.Span) (toks []proseToken, ents []proseEntity) {
	if raw == nil {
		return nil, nil
	}
	toks = make([]proseToken, 0, len(raw))
	for i, t := range raw {
		if spans[i].Start < 0 {
			continue
		}
		toks = append(toks, proseToken{Span: spans[i], Tag: t.Tag, Label: t.Label})
	}
	for _, c := range proseChunks(raw) {
		first, last := spans[c.first], spans[c.last]
		if first.Start < 0 || last.Start < 0 {
			continue
		}
		ents = append(ents, proseEntity{Span: text.Span{Start: first.Start, End: last.End}, Label: c.label})
	}
	return toks, ents
}

// proseRun tags and classifies src[sent] with prose and aligns the tokens to
// src: spans[i] is the span of raw[i], or Start -1 when it could not be
// placed. It returns nil when the sentence is empty or invalid, the model
// failed to load, or prose failed (panics included).
func proseRun(src string, sent text.Span) (raw []prose.Token, spans []text.Span) {
	if sent.Start < 0 || sent.End > len(src) || sent.Start >= sent.End {
		return nil, nil
	}
	model, err := proseModel()
	if err != nil || model == nil {
		// Never let prose fall back to loading its default model per call.
		return nil, nil
	}
	defer func() {
		if r := recover(); r != nil {
			raw, spans = nil, nil
		}
	}()
	doc, err := prose.NewDocument(src[sent.Start:sent.End],
		prose.UsingModel(model),
		prose.WithSegmentation(false),
		prose.WithTokenization(true),
		prose.WithTagging(true),
		prose.WithExtraction(true))
	if err != nil || doc == nil {
		return nil, nil
	}
	raw = doc.Tokens()
	return raw, proseAlign(src, sent, raw)
}

// proseAlign places prose's tokens in src[sent]: spans[i] is where raw[i]
// lies, or {-1, -1}. Tokens are placed in order by scanning forward from the
// end of the previous token. A token that does not start at the cursor is
// looked for further on in the same whitespace-delimited word (prose dropped
// part of it) or at the start of one of the next proseMaxSkip words (prose
// dropped whole words); failing that it is skipped and the cursor stays.
func proseAlign(src string, sent text.Span, raw []prose.Token) []text.Span {
	spans := make([]text.Span, len(raw))
	lo, hi := sent.Start, sent.End
	cur := lo
	for i, t := range raw {
		spans[i] = text.Span{Start: -1, End: -1}
		cur = proseSkipSpace(src, cur, hi)
		start, end, ok := proseFind(src, cur, hi, t.Text)
		if !ok {
			continue
		}
		cur = end
		if proseRuneBoundary(src, start) && proseRuneBoundary(src, end) {
			spans[i] = text.Span{Start: start, End: end}
		}
	}
	return spans
}

// proseMaxSkip is how many whole words prose may have dropped between two
// tokens for the second still to be found.
const proseMaxSkip = 2

// proseFind looks for tok at cur, then later in cur's word, then at the
// start of the next proseMaxSkip words.
func proseFind(src string, cur, hi int, tok string) (start, end int, ok bool) {
	if tok == "" || cur >= hi {
		return 0, 0, false
	}
	if end, ok := proseMatch(src, cur, hi, tok); ok {
		return cur, end, true
	}
	wordEnd := proseSkipWord(src, cur, hi)
	for p := cur; p < wordEnd; {
		_, n := utf8.DecodeRuneInString(src[p:wordEnd])
		p += n
		if p >= wordEnd {
			break
		}
		if end, ok := proseMatch(src, p, hi, tok); ok {
			return p, end, true
		}
	}
	p := wordEnd
	for k := 0; k < proseMaxSkip; k++ {
		p = proseSkipSpace(src, p, hi)
		if p >= hi {
			break
		}
		if end, ok := proseMatch(src, p, hi, tok); ok {
			return p, end, true
		}
		p = proseSkipWord(src, p, hi)
	}
	return 0, 0, false
}

// proseMatch reports whether tok occurs in src at p (not beyond hi), and
// where it ends there. Besides byte equality it accepts what prose's
// sanitiser and Treebank-style tokenisers write for quotation marks: an
// ASCII double quote, or two backticks, or two apostrophes, for any double
// quotation mark; an apostrophe or backtick for any single quotation mark
// and for "&rsquo;".
func proseMatch(src string, p, hi int, tok string) (int, bool) {
	if strings.HasPrefix(src[p:hi], tok) {
		return p + len(tok), true
	}
	q := p
	for i := 0; i < len(tok); {
		if q >= hi {
			return 0, false
		}
		if strings.HasPrefix(tok[i:], "``") || strings.HasPrefix(tok[i:], "''") {
			if n := proseDoubleQuote(src[q:hi]); n > 0 {
				i, q = i+2, q+n
				continue
			}
		}
		switch tok[i] {
		case '"':
			if n := proseDoubleQuote(src[q:hi]); n > 0 {
				i, q = i+1, q+n
				continue
			}
		case '\'', '`':
			if n := proseSingleQuote(src[q:hi]); n > 0 {
				i, q = i+1, q+n
				continue
			}
		}
		if src[q] != tok[i] {
			return 0, false
		}
		i, q = i+1, q+1
	}
	return q, true
}

// proseDoubleQuote returns the length of the double quotation mark s starts
// with, or 0.
func proseDoubleQuote(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»', '″':
		return n
	}
	return 0
}

// proseSingleQuote returns the length of the single quotation mark (or
// apostrophe, or "&rsquo;") s starts with, or 0.
func proseSingleQuote(s string) int {
	if strings.HasPrefix(s, "&rsquo;") {
		return len("&rsquo;")
	}
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '\'', '`', '‘', '’', '‚', '‛', '′', 'ʼ':
		return n
	}
	return 0
}

// proseSkipSpace returns the first offset at or after p, before hi, that is
// not white space (prose splits words on unicode.IsSpace).
func proseSkipSpace(src string, p, hi int) int {
	for p < hi {
		r, n := utf8.DecodeRuneInString(src[p:hi])
		if !unicode.IsSpace(r) {
			break
		}
		p += n
	}
	return p
}

// proseSkipWord returns the first offset at or after p, before hi, that is
// white space.
func proseSkipWord(src string, p, hi int) int {
	for p < hi {
		r, n := utf8.DecodeRuneInString(src[p:hi])
		if unicode.IsSpace(r) {
			break
		}
		p += n
	}
	return p
}

// proseRuneBoundary reports whether a rune starts at src[i] (or i is the end).
func proseRuneBoundary(src string, i int) bool {
	return i == len(src) || (i >= 0 && i < len(src) && utf8.RuneStart(src[i]))
}

// proseChunk is one entity found by proseChunks: tokens first..last of the
// document, inclusive.
type proseChunk struct {
	first, last int
	label       string
}

// proseChunks groups labelled tokens into entities exactly as prose's
// (unexported) entityExtracter.chunk does, quirks included (a token with the
// same POS tag as the previous one extends the entity even when labelled O;
// an entity still open at the end of the sentence is dropped), but keeps
// token indices instead of joining the tokens' text, so the entity can be
// placed in the source. TestProseChunksMatchProse checks the two agree.
func proseChunks(toks []prose.Token) []proseChunk {
	var out []proseChunk
	end := ""
	first, n := -1, 0 // the open entity's first token and length
	var labels []string
	for k, tok := range toks {
		label := tok.Label
		prev := k - 1 // the open entity's parts are contiguous: the last is k-1
		if (label != "O" && label != end) ||
			(n > 0 && tok.Tag == toks[prev].Tag) ||
			(n > 0 && tok.Tag == "CD" && toks[prev].Label != "O") {
			end = strings.Replace(label, "B", "I", 1)
			if n == 0 {
				first = k
			}
			n++
			labels = append(labels, label)
		} else if (label == "O" && end != "") || label == end {
			last := k - 1
			if label != "O" {
				labels = append(labels, label)
				last = k
				n++
			}
			if n > 0 {
				out = append(out, proseChunk{first: first, last: last, label: proseEntityLabel(labels)})
			}
			end, first, n, labels = "", -1, 0, labels[:0]
		}
	}
	return out
}

// proseEntityLabel is prose's parseEntities: PERSON when the entity has two
// tokens one of which is B-PERSON, else the type of the first token's label.
func proseEntityLabel(labels []string) string {
	if len(labels) == 2 && (labels[0] == "B-PERSON" || labels[1] == "B-PERSON") {
		return "PERSON"
	}
	if len(labels) == 0 {
		return ""
	}
	if _, typ, ok := strings.Cut(labels[0], "-"); ok {
		return typ
	}
	return labels[0]
}
