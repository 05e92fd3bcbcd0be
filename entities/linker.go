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
		if e.Type != Person || strings.Contains(e.Key, "-") {
			continue
		}
		if names := l.full[e.Key]; len(names) == 1 {
			for key, name := range names {
				ents[i].Key, ents[i].Name = key, name
			}
		}
	}
}
