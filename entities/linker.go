package entities

import (
	"strings"
	"sync"
)

// Linker carries names across the articles of a corpus: a person named by
// the surname alone in one article ("Peskov") takes the full name and key
// that other articles gave ("Dmitry Peskov"), when only one person with
// that surname is known. Articles are linked in the order Link sees them.
// A Linker is safe for concurrent use.
type Linker struct {
	mu sync.Mutex
	// full maps a surname key ("per:peskov") to the full names seen with
	// that surname, by key.
	full map[string]map[string]string
}

// NewLinker returns an empty linker.
func NewLinker() *Linker {
	return &Linker{full: map[string]map[string]string{}}
}

// Link records the full personal names of one article's entities and
// gives its surname-only people the full name known for them.
func (l *Linker) Link(ents []Entity) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range ents {
		if e.Type != Person || !strings.HasPrefix(e.Key, "per:") {
			continue
		}
		parts := strings.Split(strings.TrimPrefix(e.Key, "per:"), "-")
		if len(parts) < 2 {
			continue
		}
		surname := "per:" + parts[len(parts)-1]
		if l.full[surname] == nil {
			l.full[surname] = map[string]string{}
		}
		l.full[surname][e.Key] = e.Name
	}
	for i, e := range ents {
		if strings.Contains(e.Key, "-") {
			continue
		}
		surname := e.Key
		switch {
		case e.Type == Person:
		case e.Type == Org && strings.HasPrefix(e.Key, "org:"):
			// A lone unknown word is typed an organisation by default
			// ("On Wednesday, Peskov said"); a surname the corpus knows
			// for one person is that person.
			surname = "per:" + strings.TrimPrefix(e.Key, "org:")
		default:
			continue
		}
		if names := l.full[surname]; len(names) == 1 {
			for key, name := range names {
				ents[i].Key, ents[i].Name, ents[i].Type = key, name, Person
			}
		}
	}
}

// Surname returns the one person known by the surname word ("Peskov",
// "Peskows" does not fold to it), for a speaker an article names by a
// bare surname that was not recognised as a name there.
func (l *Linker) Surname(word string) (key, name string, ok bool) {
	if word == "" || strings.ContainsAny(word, " -") {
		return "", "", false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	names := l.full["per:"+translit(fold(word))]
	if len(names) != 1 {
		return "", "", false
	}
	for k, n := range names {
		key, name = k, n
	}
	return key, name, true
}
