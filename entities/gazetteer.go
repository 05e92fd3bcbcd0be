package entities

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

//go:embed data/gazetteer.toml data/given_names.txt data/variants.toml
var dataFS embed.FS

// Entry is one entity a Gazetteer knows by name.
type Entry struct {
	Key     string   `toml:"key"`
	Name    string   `toml:"name"`
	Type    Type     `toml:"type"`
	Aliases []string `toml:"aliases"`
}

// Gazetteer is a multilingual list of names: known entities with their
// aliases in every language, given names, and spelling variants of given
// names. It is immutable once built and safe for concurrent use.
type Gazetteer struct {
	byAlias   map[string]*Entry // folded alias → entry
	maxTokens int               // words in the longest alias
	given     map[string]struct{}
	variants  map[string]string // folded variant → canonical spelling
}

// NewGazetteer builds a gazetteer of the given entries, given names and
// variant groups (the first spelling of a group is canonical). A later entry
// with an alias already taken replaces the earlier one, so callers can
// override built-in entries.
func NewGazetteer(entries []Entry, givenNames []string, variantGroups [][]string) *Gazetteer {
	g := &Gazetteer{byAlias: map[string]*Entry{}, given: map[string]struct{}{}, variants: map[string]string{}}
	for i := range entries {
		g.add(&entries[i])
	}
	for _, n := range givenNames {
		if n = strings.TrimSpace(n); n != "" {
			g.given[fold(n)] = struct{}{}
		}
	}
	for _, grp := range variantGroups {
		if len(grp) == 0 {
			continue
		}
		for _, v := range grp {
			g.variants[fold(v)] = grp[0]
			g.given[fold(v)] = struct{}{}
		}
	}
	return g
}

func (g *Gazetteer) add(e *Entry) {
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		k := aliasKey(a)
		if k == "" {
			continue
		}
		g.byAlias[k] = e
		if n := strings.Count(k, " ") + 1; n > g.maxTokens {
			g.maxTokens = n
		}
	}
}

// aliasKey folds an alias and joins its words with single spaces.
func aliasKey(a string) string {
	return strings.Join(strings.Fields(fold(a)), " ")
}

// Lookup returns the entry with the alias, matched without case and
// diacritics.
func (g *Gazetteer) Lookup(alias string) (*Entry, bool) {
	e, ok := g.byAlias[aliasKey(alias)]
	return e, ok
}

// IsGivenName reports whether the word is a known given name.
func (g *Gazetteer) IsGivenName(word string) bool {
	_, ok := g.given[fold(word)]
	return ok
}

// Canonical returns the canonical spelling of a given name's variant
// ("Wladimir" → "Vladimir"), or "" when it has none.
func (g *Gazetteer) Canonical(word string) string {
	return g.variants[fold(word)]
}

// gazetteerFile is the layout of data/gazetteer.toml.
type gazetteerFile struct {
	Entity []Entry `toml:"entity"`
}

// ParseEntries reads entries in the format of data/gazetteer.toml.
func ParseEntries(r io.Reader) ([]Entry, error) {
	var f gazetteerFile
	md, err := toml.NewDecoder(r).Decode(&f)
	if err != nil {
		return nil, fmt.Errorf("entities: gazetteer: %w", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("entities: gazetteer: unknown keys %v", und)
	}
	for i, e := range f.Entity {
		if e.Key == "" || e.Name == "" {
			return nil, fmt.Errorf("entities: gazetteer entry %d: key and name are required", i+1)
		}
	}
	return f.Entity, nil
}

// CountryEntries returns an entry per country with its names in the given
// languages (and English), from golang.org/x/text/language/display. Keys
// are "loc:" and the lower-case ISO 3166 code; names are English.
func CountryEntries(langs ...string) []Entry {
	en := display.Regions(language.English)
	namers := make([]display.Namer, 0, len(langs))
	for _, l := range langs {
		if t, err := language.Parse(l); err == nil {
			namers = append(namers, display.Regions(t))
		}
	}
	var out []Entry
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() || r.String() != string([]rune{a, b}) {
				continue
			}
			name := en.Name(r)
			if name == "" || strings.ContainsAny(name, "()") {
				continue
			}
			e := Entry{Key: "loc:" + strings.ToLower(r.String()), Name: name, Type: Loc}
			for _, n := range namers {
				if v := n.Name(r); v != "" && !strings.ContainsAny(v, "()") {
					e.Aliases = append(e.Aliases, v)
				}
			}
			out = append(out, e)
		}
	}
	return out
}

func readLines(fsys fs.FS, name string) ([]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out, sc.Err()
}

// BuiltinEntries returns the entries of the embedded data/gazetteer.toml.
func BuiltinEntries() ([]Entry, error) {
	f, err := dataFS.Open("data/gazetteer.toml")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseEntries(f)
}

var defaultGazetteer = sync.OnceValues(func() (*Gazetteer, error) {
	entries := CountryEntries("en", "de", "it", "is", "fr", "es")
	builtin, err := BuiltinEntries()
	if err != nil {
		return nil, err
	}
	entries = append(entries, builtin...)
	given, err := readLines(dataFS, "data/given_names.txt")
	if err != nil {
		return nil, err
	}
	var vf struct {
		Groups [][]string `toml:"groups"`
	}
	if _, err := toml.DecodeFS(dataFS, "data/variants.toml", &vf); err != nil {
		return nil, fmt.Errorf("entities: variants: %w", err)
	}
	return NewGazetteer(entries, given, vf.Groups), nil
})

// DefaultGazetteer returns the built-in gazetteer (countries in the six
// pack languages, data/gazetteer.toml, given names and their variants),
// parsed once per process.
func DefaultGazetteer() (*Gazetteer, error) { return defaultGazetteer() }
