package claims

import (
	"encoding/json"
	"iter"
	"math"
	"time"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/text"
)

// Sentence is a sentence span; InBody tells whether it belongs to the
// article body (later stages read only those).
type Sentence struct {
	text.Span
	InBody bool
}

// Result is what Extract finds in one document. Every span is a half-open
// range of UTF-8 byte offsets into Document.Text. A Result is not modified
// after Extract returns and may be read concurrently.
type Result struct {
	ID        string
	URL       string
	Published time.Time
	// Lang is the language code used (given or detected); "" when no
	// installed language matched and language-neutral rules were used.
	Lang           string
	LangConfidence float64
	// Title, Byline and Date are empty spans when not found.
	Title, Byline, Date text.Span
	// Body lists the article body's spans in order: the title and the main
	// text, without navigation, link lists, bylines, captions, footers and
	// repeated passages.
	Body []text.Span
	// Sentences covers the whole input in order; a sentence that the body
	// starts or ends inside is cut there.
	Sentences []Sentence
	// Entities are the named entities of the body, in order of first
	// mention; mentions' Sentence indices point into Sentences.
	Entities []entities.Entity
	// Claims are the body's attributed statements, in text order, then
	// its check-worthy statements; their Sentence indices point into
	// Sentences.
	Claims []Claim
	// Units are the offset units MarshalJSON writes besides bytes.
	Units Units

	src string
	// work is src with markup and control characters masked
	// (markup.Mask), the same length: what the stages read.
	work string
}

// Source returns the document text the offsets point into.
func (r *Result) Source() string { return r.src }

// read returns the text the stages read: the masked copy, or the source
// for a Result that Extract did not make.
func (r *Result) read() string {
	if len(r.work) == len(r.src) {
		return r.work
	}
	return r.src
}

// BodySentences iterates over the sentences inside the body with their
// index in Sentences.
func (r *Result) BodySentences() iter.Seq2[int, Sentence] {
	return func(yield func(int, Sentence) bool) {
		for i, s := range r.Sentences {
			if s.InBody && !yield(i, s) {
				return
			}
		}
	}
}

// jsonSpan is a span as written in JSON: byte offsets, and the text where
// it helps a reader.
type jsonSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
	altOffsets
	Text string `json:"text,omitempty"`
}

// altOffsets are a span's offsets in other units, when asked for.
type altOffsets struct {
	StartCP  *int `json:"start_cp,omitempty"`
	EndCP    *int `json:"end_cp,omitempty"`
	StartU16 *int `json:"start_u16,omitempty"`
	EndU16   *int `json:"end_u16,omitempty"`
}

// converter fills altOffsets for one result.
type converter struct {
	units Units
	index *text.Index
}

func (r *Result) converter() converter {
	c := converter{units: r.Units}
	if r.Units != 0 {
		c.index = text.NewIndex(r.src)
	}
	return c
}

func (c converter) of(start, end int) altOffsets {
	var a altOffsets
	if c.units&CodePoints != 0 {
		s, e := c.index.Runes(start), c.index.Runes(end)
		a.StartCP, a.EndCP = &s, &e
	}
	if c.units&UTF16 != 0 {
		s, e := c.index.UTF16(start), c.index.UTF16(end)
		a.StartU16, a.EndU16 = &s, &e
	}
	return a
}

type jsonSentence struct {
	Start int `json:"start"`
	End   int `json:"end"`
	altOffsets
	InBody bool `json:"body"`
}

type jsonEntity struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Type     string        `json:"type"`
	Mentions []jsonMention `json:"mentions"`
}

type jsonMention struct {
	Start int `json:"start"`
	End   int `json:"end"`
	altOffsets
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
}

// jsonClaim is a claim as the command writes it.
type jsonClaim struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Form  string `json:"form"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	altOffsets
	Text       string         `json:"text"`
	Speaker    *jsonSpeaker   `json:"speaker"`
	Cue        *jsonSpan      `json:"cue"`
	Sentence   int            `json:"sentence"`
	Entities   []string       `json:"entities"`
	Quantities []jsonQuantity `json:"quantities"`
	Lang       string         `json:"lang"`
	Confidence float64        `json:"confidence"`
	Worthiness float64        `json:"check_worthiness"`
	Why        string         `json:"why"`
}

type jsonQuantity struct {
	Start int `json:"start"`
	End   int `json:"end"`
	altOffsets
	Text  string  `json:"text"`
	Kind  string  `json:"kind"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
}

type jsonSpeaker struct {
	Name   string `json:"name"`
	Entity string `json:"entity,omitempty"`
	Type   string `json:"type,omitempty"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
	altOffsets
	Text       string `json:"text,omitempty"`
	Resolution string `json:"resolution"`
}

func (r *Result) claimJSON(c Claim, cv converter) jsonClaim {
	j := jsonClaim{
		ID: c.ID, Kind: c.Kind.String(), Form: c.Form.String(),
		Start: c.Span.Start, End: c.Span.End, altOffsets: cv.of(c.Span.Start, c.Span.End), Text: c.Text,
		Cue: r.textSpan(c.Cue, cv), Sentence: c.Sentence, Entities: c.Entities, Lang: c.Lang, Confidence: c.Confidence,
	}
	if j.Entities == nil {
		j.Entities = []string{}
	}
	j.Worthiness, j.Why = round3(c.Worthiness), c.Why.String()
	j.Quantities = make([]jsonQuantity, len(c.Quantities))
	for i, q := range c.Quantities {
		j.Quantities[i] = jsonQuantity{Start: q.Start, End: q.End, altOffsets: cv.of(q.Start, q.End), Text: q.Text(r.src),
			Kind: q.Kind.String(), Value: q.Value, Unit: q.Unit}
	}
	if !c.Kind.Attributed() {
		return j // the article's own statement: no speaker
	}
	st := c.Speaker
	j.Speaker = &jsonSpeaker{Name: st.Name, Entity: st.Key, Resolution: st.Resolution.String()}
	if st.Name != "" {
		j.Speaker.Type = st.Type.String()
	}
	if m := st.Mention; !m.Empty() {
		start, end := m.Start, m.End
		j.Speaker.Start, j.Speaker.End, j.Speaker.Text = &start, &end, m.Text(r.src)
		j.Speaker.altOffsets = cv.of(start, end)
	}
	return j
}

type jsonResult struct {
	Doc            string         `json:"doc"`
	URL            string         `json:"url,omitempty"`
	Published      *time.Time     `json:"published,omitempty"`
	Lang           string         `json:"lang"`
	LangConfidence float64        `json:"lang_confidence"`
	Title          *jsonSpan      `json:"title"`
	Byline         *jsonSpan      `json:"byline"`
	Date           *jsonSpan      `json:"date"`
	Body           []jsonSpan     `json:"body"`
	Sentences      []jsonSentence `json:"sentences"`
	Entities       []jsonEntity   `json:"entities"`
	Claims         []jsonClaim    `json:"claims"`
}

// MarshalJSON writes the result in the format of the hearsay command (one
// object per document; see README.md for every field).
func (r *Result) MarshalJSON() ([]byte, error) {
	cv := r.converter()
	out := jsonResult{
		Doc:            r.ID,
		URL:            r.URL,
		Lang:           r.Lang,
		LangConfidence: r.LangConfidence,
		Title:          r.textSpan(r.Title, cv),
		Byline:         r.textSpan(r.Byline, cv),
		Date:           r.textSpan(r.Date, cv),
		Body:           make([]jsonSpan, len(r.Body)),
		Sentences:      make([]jsonSentence, len(r.Sentences)),
		Entities:       make([]jsonEntity, len(r.Entities)),
		Claims:         make([]jsonClaim, len(r.Claims)),
	}
	if !r.Published.IsZero() {
		out.Published = &r.Published
	}
	for i, b := range r.Body {
		out.Body[i] = jsonSpan{Start: b.Start, End: b.End, altOffsets: cv.of(b.Start, b.End)}
	}
	for i, s := range r.Sentences {
		out.Sentences[i] = jsonSentence{Start: s.Start, End: s.End, altOffsets: cv.of(s.Start, s.End), InBody: s.InBody}
	}
	for i, c := range r.Claims {
		out.Claims[i] = r.claimJSON(c, cv)
	}
	for i, e := range r.Entities {
		j := jsonEntity{ID: e.Key, Name: e.Name, Type: e.Type.String(), Mentions: make([]jsonMention, len(e.Mentions))}
		for k, m := range e.Mentions {
			j.Mentions[k] = jsonMention{Start: m.Start, End: m.End, altOffsets: cv.of(m.Start, m.End), Text: m.Text(r.src), Sentence: m.Sentence}
		}
		out.Entities[i] = j
	}
	return json.Marshal(out)
}

func (r *Result) textSpan(s text.Span, cv converter) *jsonSpan {
	if s.Empty() {
		return nil
	}
	return &jsonSpan{Start: s.Start, End: s.End, altOffsets: cv.of(s.Start, s.End), Text: s.Text(r.src)}
}

// round3 keeps three decimals: scores are not more precise than that, and
// short numbers keep golden files readable.
func round3(f float64) float64 { return math.Round(f*1000) / 1000 }
