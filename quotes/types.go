package quotes

import (
	"fmt"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/text"
)

// Kind is the form of an attributed statement.
type Kind uint8

const (
	// Direct speech: the speaker's words, in quotation marks or after a
	// colon, in a headline or an embedded post.
	Direct Kind = iota
	// Indirect speech: reported with a reporting verb and a clause
	// ("said that …"), reported speech in the subjunctive, or "according
	// to X".
	Indirect
	// Mixed speech: reported speech that holds a quoted fragment.
	Mixed
)

var kindNames = [...]string{Direct: "direct", Indirect: "indirect", Mixed: "mixed"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Form tells how a statement is written, beyond its kind.
type Form uint8

const (
	Quoted      Form = iota // in quotation marks
	Colon                   // unquoted after "X said:"
	Headline                // "Kremlin: “…”"
	Post                    // an embedded post with "— Name (@handle)" under it
	Clause                  // a reported clause after a reporting verb
	AccordingTo             // "according to X", "laut X", "X zufolge"
)

var formNames = [...]string{Quoted: "quoted", Colon: "colon", Headline: "headline", Post: "post", Clause: "clause", AccordingTo: "according-to"}

func (f Form) String() string {
	if int(f) < len(formNames) {
		return formNames[f]
	}
	return fmt.Sprintf("Form(%d)", f)
}

// MarshalText writes the form's name.
func (f Form) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// Resolution tells how a statement's speaker was found.
type Resolution uint8

const (
	Unresolved   Resolution = iota
	Named                   // the name stands at the cue: "Peskov said"
	Apposition              // "Dimitrí Peskov, talsmaður Pútíns, sagði"
	Role                    // "il portavoce del Cremlino": the person an apposition gave the role
	Pronoun                 // "Hann", "He", "er", "lui": the last person spoken of
	Carried                 // a subject left out (Italian, Spanish): the last speaker
	Continuation            // a quote paragraph without cue: the previous speaker
	PostAuthor              // the name under an embedded post
	Source                  // an unnamed or collective source: "investors", "a Kremlin spokesman"
	Relative                // "McConnell, who in 2010 said": the relative pronoun's antecedent
)

var resolutionNames = [...]string{Unresolved: "unresolved", Named: "named", Apposition: "apposition", Role: "role",
	Pronoun: "pronoun", Carried: "carried", Continuation: "continuation", PostAuthor: "post", Source: "source",
	Relative: "relative"}

func (r Resolution) String() string {
	if int(r) < len(resolutionNames) {
		return resolutionNames[r]
	}
	return fmt.Sprintf("Resolution(%d)", r)
}

// MarshalText writes the resolution's name.
func (r Resolution) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Speaker is who a statement is attributed to.
type Speaker struct {
	// Name is the canonical name of the speaker's entity, or for an
	// unnamed source the source as written ("investors", "Kreml-Sprecher").
	// Empty when unresolved.
	Name string
	// Key is the entity's key ("per:dmitry-peskov"); empty for an unnamed
	// source.
	Key string
	// Type is the entity's type: a person, or an organisation speaking.
	Type entities.Type
	// Mention is where the speaker is named at this statement (the name,
	// role, pronoun or source); empty when the subject is left out.
	Mention    text.Span
	Resolution Resolution
}

// Statement is one attributed statement.
type Statement struct {
	Kind Kind
	Form Form
	// Content is what was said: inside the outer quotation marks for
	// direct speech, the reported clause for indirect and mixed speech.
	Content text.Span
	Speaker Speaker
	// Cue is the reporting verb or attribution phrase ("said", "laut");
	// empty when none (a continuation, a post, a headline).
	Cue text.Span
	// Sentence is the index of the sentence where the content starts, in
	// the list given to Find.
	Sentence int
	// Confidence is how sure the finder is, in (0, 1].
	Confidence float64
}
