package entities

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

//go:embed data/gazetteer.toml data/given_names.txt data/variants.toml data/lexicon.tsv data/demonyms.txt
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
	byAlias map[string]*Entry // folded alias → entry
	byKey   map[string]*Entry
	// longest holds, for the first word of every alias of two or more
	// words, the words in the longest such alias: most capitalised words
	// start none, and need only a one-word look-up.
	longest  map[string]int
	given    map[string]struct{}
	variants map[string]string // folded variant → canonical spelling
	hints    map[string]Type   // folded name → likely type
	demonyms map[string]struct{}
	// facts holds what the maps above say of a folded word, for the
	// recognizer to ask once per word.
	facts map[string]wordFacts
}

// wordFacts is what a Gazetteer knows of a folded word.
type wordFacts struct {
	alias   *Entry // byAlias
	longest int32  // longest
	given   bool   // given
	demonym bool   // demonyms
	hinted  bool   // hints holds hint
	hint    Type
}

// GazetteerData is what a Gazetteer is built from.
type GazetteerData struct {
	// Entries are known entities; entries with the same key are one.
	Entries []Entry
	// GivenNames are first names, evidence that a person's name starts.
	GivenNames []string
	// Variants are groups of spellings of one given name; the first is
	// canonical.
	Variants [][]string
	// TypeHints give the likely type of names that are not entities of
	// their own here: cities, companies, surnames.
	TypeHints map[string]Type
	// Demonyms are nationality words ("Syrian", "Russen"): never names.
	Demonyms []string
}

// NewGazetteer builds a gazetteer. An entry with a key seen before adds
// its aliases to that entity; an alias already taken by another key is
// given to the later entry, so callers can override built-in entries.
func NewGazetteer(d GazetteerData) *Gazetteer {
	g := &Gazetteer{byAlias: map[string]*Entry{}, byKey: map[string]*Entry{}, longest: map[string]int{}, given: map[string]struct{}{},
		variants: map[string]string{}, hints: map[string]Type{}, demonyms: map[string]struct{}{}}
	for i := range d.Entries {
		e := &d.Entries[i]
		if prev, ok := g.byKey[e.Key]; ok {
			prev.Aliases = append(prev.Aliases, e.Name)
			prev.Aliases = append(prev.Aliases, e.Aliases...)
			e = prev
		} else {
			g.byKey[e.Key] = e
		}
		g.add(e)
	}
	for _, n := range d.GivenNames {
		if n = strings.TrimSpace(n); n != "" {
			g.given[fold(n)] = struct{}{}
		}
	}
	for n, t := range d.TypeHints {
		g.hints[aliasKey(n)] = t
	}
	for _, n := range d.Demonyms {
		g.demonyms[fold(n)] = struct{}{}
	}
	for _, grp := range d.Variants {
		if len(grp) == 0 {
			continue
		}
		for _, v := range grp {
			g.variants[fold(v)] = grp[0]
			g.given[fold(v)] = struct{}{}
		}
	}
	g.facts = make(map[string]wordFacts, len(g.byAlias)+len(g.given)+len(g.hints))
	for k, e := range g.byAlias {
		f := g.facts[k]
		f.alias = e
		g.facts[k] = f
	}
	for k, n := range g.longest {
		f := g.facts[k]
		f.longest = int32(n)
		g.facts[k] = f
	}
	for k := range g.given {
		f := g.facts[k]
		f.given = true
		g.facts[k] = f
	}
	for k := range g.demonyms {
		f := g.facts[k]
		f.demonym = true
		g.facts[k] = f
	}
	for k, t := range g.hints {
		f := g.facts[k]
		f.hint, f.hinted = t, true
		g.facts[k] = f
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
		if first, _, ok := strings.Cut(k, " "); ok {
			g.longest[first] = max(g.longest[first], strings.Count(k, " ")+1)
		}
	}
}

// aliasKey folds an alias and joins its words with single spaces.
func aliasKey(a string) string {
	return strings.Join(strings.Fields(fold(a)), " ")
}

// appendAliasKey appends aliasKey(a). The look-ups build their keys on the
// stack with it: a map index by string(key) does not allocate.
func appendAliasKey(dst []byte, a string) []byte {
	var buf [128]byte
	return appendFields(dst, appendFold(buf[:0], a))
}

// appendFields appends the words of f (split as strings.Fields splits)
// joined with single spaces.
func appendFields(dst, f []byte) []byte {
	start := len(dst)
	for i := 0; i < len(f); {
		r, n := rune(f[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(f[i:])
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = append(dst, f[i:i+n]...)
		i += n
		for i < len(f) {
			r, n = rune(f[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRune(f[i:])
			}
			if unicode.IsSpace(r) {
				break
			}
			dst = append(dst, f[i:i+n]...)
			i += n
		}
	}
	return dst
}

// Lookup returns the entry with the alias, matched without case and
// diacritics.
func (g *Gazetteer) Lookup(alias string) (*Entry, bool) {
	var buf [128]byte
	e, ok := g.byAlias[string(appendAliasKey(buf[:0], alias))]
	return e, ok
}

// TypeHint returns the likely type of a name that is no entry of its own
// (a city, a company, a surname).
func (g *Gazetteer) TypeHint(name string) (Type, bool) {
	var buf [128]byte
	t, ok := g.hints[string(appendAliasKey(buf[:0], name))]
	return t, ok
}

// typeHintWords is TypeHint of the words joined by spaces. fold works
// rune by rune, so the words are folded one by one.
func (g *Gazetteer) typeHintWords(ws []word) (Type, bool) {
	var buf, key [128]byte
	b := buf[:0]
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendFold(b, w.s)
	}
	t, ok := g.hints[string(appendFields(key[:0], b))]
	return t, ok
}

// IsDemonym reports a nationality word ("Syrian", "Russen").
func (g *Gazetteer) IsDemonym(word string) bool {
	var buf [64]byte
	_, ok := g.demonyms[string(appendFold(buf[:0], word))]
	return ok
}

// IsGivenName reports whether the word is a known given name.
func (g *Gazetteer) IsGivenName(word string) bool {
	var buf [64]byte
	_, ok := g.given[string(appendFold(buf[:0], word))]
	return ok
}

// Canonical returns the canonical spelling of a given name's variant
// ("Wladimir" → "Vladimir"), or "" when it has none.
func (g *Gazetteer) Canonical(word string) string {
	var buf [64]byte
	return g.variants[string(appendFold(buf[:0], word))]
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
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			// Deprecated codes (DD, UK, ZR) and groupings (EU, EZ, UN, QO)
			// are not countries of today.
			if err != nil || !r.IsCountry() || r.String() != code || r.Canonicalize() != r || notCountry[code] {
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

// notCountry are codes x/text counts as countries that name groupings.
var notCountry = map[string]bool{"EU": true, "EZ": true, "UN": true, "QO": true}

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
	lex, err := readLines(dataFS, "data/lexicon.tsv")
	if err != nil {
		return nil, err
	}
	hints := make(map[string]Type, len(lex))
	for i, line := range lex {
		name, typ, ok := strings.Cut(line, "\t")
		t, err := ParseType(typ)
		if !ok || err != nil {
			return nil, fmt.Errorf("entities: lexicon.tsv line %d: %q is not name<TAB>type", i+2, line)
		}
		hints[name] = t
	}
	demonyms, err := readLines(dataFS, "data/demonyms.txt")
	if err != nil {
		return nil, err
	}
	return NewGazetteer(GazetteerData{Entries: entries, GivenNames: given, Variants: vf.Groups, TypeHints: hints, Demonyms: demonyms}), nil
})

// DefaultGazetteer returns the built-in gazetteer (countries in the six
// pack languages, data/gazetteer.toml, given names and their variants),
// parsed once per process. Callers that extend it build their own with
// NewGazetteer from BuiltinEntries, CountryEntries and their entries.
func DefaultGazetteer() (*Gazetteer, error) { return defaultGazetteer() }
