package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/text"
)

// AnnotationContext is the JSON-LD context of the Web Annotation model.
const AnnotationContext = "http://www.w3.org/ns/anno.jsonld"

// contextRunes is how many code points of context a TextQuoteSelector
// keeps on each side: enough to tell repeated quotations apart.
const contextRunes = 32

// WebAnnotation is a W3C Web Annotation of one claim.
type WebAnnotation struct {
	Context    string `json:"@context"`
	ID         string `json:"id"`
	Type       string `json:"type"`
	Motivation string `json:"motivation"`
	// Body describes the claim (purpose "describing") and, when the
	// speaker is a known entity, tags it with the entity's key (purpose
	// "tagging").
	Body   []TextualBody `json:"body"`
	Target Target        `json:"target"`
}

// TextualBody is an annotation body given as text.
type TextualBody struct {
	Type     string `json:"type"`
	Value    string `json:"value"`
	Purpose  string `json:"purpose"`
	Format   string `json:"format,omitempty"`
	Language string `json:"language,omitempty"`
}

// Target is the part of a document an annotation is about. In JSON its two
// selectors are written as the array "selector"; both describe the same
// text.
type Target struct {
	Source   string
	Quote    TextQuoteSelector
	Position TextPositionSelector
}

// TextQuoteSelector selects text by copying it, with some text before and
// after it to tell repeated occurrences apart.
type TextQuoteSelector struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

// TextPositionSelector selects text by position: Start and End count
// characters (Unicode code points) from the start of the document's text,
// as the Web Annotation model requires, not bytes or UTF-16 units.
type TextPositionSelector struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// MarshalJSON adds the selector's "type".
func (s TextQuoteSelector) MarshalJSON() ([]byte, error) {
	type plain TextQuoteSelector
	return json.Marshal(struct {
		Type string `json:"type"`
		plain
	}{"TextQuoteSelector", plain(s)})
}

// MarshalJSON adds the selector's "type".
func (s TextPositionSelector) MarshalJSON() ([]byte, error) {
	type plain TextPositionSelector
	return json.Marshal(struct {
		Type string `json:"type"`
		plain
	}{"TextPositionSelector", plain(s)})
}

type jsonTarget struct {
	Source   string          `json:"source"`
	Selector json.RawMessage `json:"selector"`
}

// MarshalJSON writes the target with its selectors as an array.
func (t Target) MarshalJSON() ([]byte, error) {
	sel, err := json.Marshal([]any{t.Quote, t.Position})
	if err != nil {
		return nil, err
	}
	return json.Marshal(jsonTarget{Source: t.Source, Selector: sel})
}

// UnmarshalJSON reads a target written by MarshalJSON or by another
// producer: "selector" may be one selector or an array; selectors of other
// types are skipped.
func (t *Target) UnmarshalJSON(data []byte) error {
	var j jsonTarget
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*t = Target{Source: j.Source}
	var sels []json.RawMessage
	switch s := bytes.TrimSpace(j.Selector); {
	case len(s) == 0 || string(s) == "null":
	case s[0] == '[':
		if err := json.Unmarshal(s, &sels); err != nil {
			return fmt.Errorf("export: target selector: %w", err)
		}
	default:
		sels = []json.RawMessage{s}
	}
	for _, raw := range sels {
		var head struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal(raw, &head); err != nil {
			return fmt.Errorf("export: target selector: %w", err)
		}
		var err error
		switch head.Type {
		case "TextQuoteSelector":
			err = json.Unmarshal(raw, &t.Quote)
		case "TextPositionSelector":
			err = json.Unmarshal(raw, &t.Position)
		}
		if err != nil {
			return fmt.Errorf("export: target selector: %w", err)
		}
	}
	return nil
}

// Annotation returns the Web Annotation of claim c of res. Its target's
// source is res.URL, else a URN naming the document; its
// TextPositionSelector counts code points (not bytes) of the text that was
// extracted, res.Source(), which for a scraped page is not the page's
// HTML. To annotate every claim of a document use Annotations, which
// prepares the offset conversion (a text.Index) once.
func Annotation(res *claims.Result, c claims.Claim) WebAnnotation {
	return annotate(res, c, text.NewIndex(res.Source()), docSource(res))
}

// Annotations returns the Web Annotations of all claims of res, in order.
func Annotations(res *claims.Result) []WebAnnotation {
	idx, src := text.NewIndex(res.Source()), docSource(res)
	out := make([]WebAnnotation, len(res.Claims))
	for i, c := range res.Claims {
		out[i] = annotate(res, c, idx, src)
	}
	return out
}

func annotate(res *claims.Result, c claims.Claim, idx *text.Index, source string) WebAnnotation {
	doc := res.Source()
	a := WebAnnotation{
		Context:    AnnotationContext,
		ID:         claimIRI(res, c),
		Type:       "Annotation",
		Motivation: "identifying",
		Body:       []TextualBody{{Type: "TextualBody", Value: describe(c), Purpose: "describing", Format: "text/plain", Language: "en"}},
		Target: Target{
			Source:   source,
			Quote:    quote(doc, c.Span),
			Position: TextPositionSelector{Start: idx.Runes(c.Span.Start), End: idx.Runes(c.Span.End)},
		},
	}
	if c.Kind.Attributed() && c.Speaker.Key != "" {
		a.Body = append(a.Body, TextualBody{Type: "TextualBody", Value: c.Speaker.Key, Purpose: "tagging"})
	}
	return a
}

// describe says what the claim is and whose, in English: "direct
// statement by Dmitry Peskov".
func describe(c claims.Claim) string {
	switch {
	case !c.Kind.Attributed():
		return c.Kind.String() + " of the article"
	case c.Speaker.Name == "":
		return c.Kind.String() + " statement, speaker unresolved"
	}
	return c.Kind.String() + " statement by " + c.Speaker.Name
}

// quote copies the span with up to contextRunes code points on each side.
func quote(doc string, sp text.Span) TextQuoteSelector {
	start, end := sp.Start, sp.End
	for n := 0; n < contextRunes && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(doc[:start])
		start -= size
	}
	for n := 0; n < contextRunes && end < len(doc); n++ {
		_, size := utf8.DecodeRuneInString(doc[end:])
		end += size
	}
	return TextQuoteSelector{Exact: doc[sp.Start:sp.End], Prefix: doc[start:sp.Start], Suffix: doc[sp.End:end]}
}

// claimIRI names a claim: "urn:hearsay:<document id>:<claim id>", or
// "urn:hearsay:<claim id>" for a document without an ID. Claim IDs hash
// the document's text, so either is stable across runs.
func claimIRI(res *claims.Result, c claims.Claim) string {
	if res.ID == "" {
		return "urn:hearsay:" + c.ID
	}
	return "urn:hearsay:" + url.PathEscape(res.ID) + ":" + c.ID
}

// docSource names the annotated document: its URL, else
// "urn:hearsay:doc:<id>", else a hash of its text so that the name is
// still stable.
func docSource(res *claims.Result) string {
	switch {
	case res.URL != "":
		return res.URL
	case res.ID != "":
		return "urn:hearsay:doc:" + url.PathEscape(res.ID)
	}
	sum := sha256.Sum256([]byte(res.Source()))
	return "urn:hearsay:doc:sha256:" + hex.EncodeToString(sum[:])
}
