package claims

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"

	"github.com/hearsay-go/hearsay/quantity"
	"github.com/hearsay-go/hearsay/quotes"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/worthy"
)

// Kind tells what a claim is: a statement attributed to someone, or one the
// article makes itself.
type Kind uint8

const (
	// Direct: the speaker's own words, in quotation marks, after a colon,
	// in a headline or an embedded post.
	Direct Kind = iota + 1
	// Indirect: reported speech ("said that …", "laut X", Konjunktiv I).
	Indirect
	// Mixed: reported speech holding the speaker's quoted words.
	Mixed
	// Statement: a check-worthy statement the article makes in its own
	// voice, with a number, a comparison or a superlative.
	Statement
)

var kindNames = [...]string{Direct: "direct", Indirect: "indirect", Mixed: "mixed", Statement: "statement"}

func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Attributed reports whether the claim is someone's statement rather than
// the article's own.
func (k Kind) Attributed() bool { return k >= Direct && k <= Mixed }

func kindOf(k quotes.Kind) Kind {
	switch k {
	case quotes.Indirect:
		return Indirect
	case quotes.Mixed:
		return Mixed
	}
	return Direct
}

// Claim is one claim of a document: an attributed statement or a
// check-worthy statement of the article. Spans are UTF-8 byte offsets into
// the document's text.
type Claim struct {
	// ID is stable: the same text gives the same IDs on every run and
	// machine (see claimID). It is unique within its document.
	ID   string
	Kind Kind
	// Form tells how an attributed claim is written; statements are
	// quotes.Clause.
	Form quotes.Form
	// Span is what was said (without the outer quotation marks), or the
	// statement's sentence; Text is its text.
	Span text.Span
	Text string
	// Speaker is who the claim is attributed to; the zero Speaker for a
	// statement of the article itself.
	Speaker quotes.Speaker
	// Cue is the reporting verb or attribution phrase; empty when none.
	Cue text.Span
	// Sentence is the index into Result.Sentences where the claim starts.
	Sentence int
	// Entities are the keys of the entities mentioned inside Span, in
	// order of first mention, without repeats.
	Entities []string
	// Quantities are the numbers with units, money, percentages, measures
	// and dates inside Span.
	Quantities []quantity.Quantity
	// Worthiness is how check-worthy the claim is, in [0, 1]: numbers,
	// comparisons and superlatives raise it; questions, opinions and
	// hedges lower it. Why says what was found.
	Worthiness float64
	Why        worthy.Reason
	// Lang is the document's language.
	Lang string
	// Confidence is how sure the attribution is, in (0, 1]; for a
	// statement, how check-worthy it is.
	Confidence float64
}

// claimID derives a claim's ID from the document's text, the claim's kind
// and its span, so it does not depend on the order of extraction, the
// document's name or the machine: "c" and 16 hex digits.
func claimID(docHash [32]byte, k Kind, sp text.Span) string {
	// The hash's input and the ID are built in arrays: one allocation,
	// the string, per claim.
	var in [32 + 17]byte
	copy(in[:], docHash[:])
	in[32] = byte(k)
	binary.BigEndian.PutUint64(in[33:41], uint64(sp.Start))
	binary.BigEndian.PutUint64(in[41:], uint64(sp.End))
	sum := sha256.Sum256(in[:])
	var id [1 + 16]byte
	id[0] = 'c'
	hex.Encode(id[1:], sum[:8])
	return string(id[:])
}
