package entities

import (
	"fmt"

	"github.com/hearsay-go/hearsay/text"
)

// Type is the kind of an entity.
type Type uint8

const (
	Misc   Type = iota // products, events, works, other names
	Person             // people
	Org                // organisations, companies, institutions
	Loc                // places: countries, cities, regions
)

var typeNames = [...]string{Misc: "MISC", Person: "PERSON", Org: "ORG", Loc: "LOC"}

func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprintf("Type(%d)", t)
}

// ParseType reads "PERSON", "ORG", "LOC" or "MISC" (also "PER", "GPE").
func ParseType(s string) (Type, error) {
	switch s {
	case "PERSON", "PER":
		return Person, nil
	case "ORG", "ORGANIZATION":
		return Org, nil
	case "LOC", "LOCATION", "GPE":
		return Loc, nil
	case "MISC":
		return Misc, nil
	}
	return Misc, fmt.Errorf("entities: unknown type %q", s)
}

// MarshalText writes the type's name.
func (t Type) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads a type's name.
func (t *Type) UnmarshalText(b []byte) error {
	v, err := ParseType(string(b))
	*t = v
	return err
}

// Mention is one occurrence of an entity in the text.
type Mention struct {
	text.Span
	// Sentence is the index of the sentence holding the mention, in the
	// list given to Find.
	Sentence int
}

// Entity is a cluster of mentions of one real-world entity.
type Entity struct {
	// Key identifies the entity across articles and languages: a gazetteer
	// key ("kremlin", "loc:ru") or one derived from the canonical name
	// ("per:vladimir-putin").
	Key string
	// Name is the canonical name.
	Name     string
	Type     Type
	Mentions []Mention
}
