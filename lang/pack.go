package lang

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// QuotePair is one pair of quotation marks. Open and Close may be equal
// ("…" in ASCII text).
type QuotePair struct {
	Open  string
	Close string
}

// Quotes lists the quotation marks a language uses: Primary and Alternate
// are the typographic norm (outer and inner quotes); Practice holds the pairs
// found in real scraped text (ASCII quotes, mismatched pairs, foreign styles).
type Quotes struct {
	Primary   []QuotePair
	Alternate []QuotePair
	Practice  []QuotePair
}

// All returns every pair, primary first.
func (q Quotes) All() []QuotePair {
	out := make([]QuotePair, 0, len(q.Primary)+len(q.Alternate)+len(q.Practice))
	out = append(out, q.Primary...)
	out = append(out, q.Alternate...)
	return append(out, q.Practice...)
}

// Pack is the knowledge hearsay has of one language. It is read-only after
// loading and safe for concurrent use.
type Pack struct {
	// Code is the ISO 639-1 code ("en"); Name its English name.
	Code string
	Name string
	// Letters are characters that are strong evidence for the language
	// (Icelandic þ ð), used by Detect.
	Letters string
	// Quotes are the quotation marks of the language.
	Quotes Quotes

	// Abbreviations never end a sentence ("Dr.", "z. B.", "u.þ.b.").
	Abbreviations []string
	// OrdinalDot is true where "15." is an ordinal number (de, is): a
	// number with a dot before a lower-case word or a month is not a
	// sentence end.
	OrdinalDot bool
	// Months are month names and their short forms, all inflections.
	Months []string
	// Days are the names of the days of the week, all inflections.
	Days []string
	// Stopwords are the language's most frequent function words.
	Stopwords []string
	// CapitalizedNouns is true where every noun is capitalised (de), so a
	// capital letter says little about names.
	CapitalizedNouns bool
	// Polite are function words written with a capital inside a sentence
	// (the formal German "Sie", "Ihnen"): no evidence of a sentence start.
	Polite []string

	// BylinePrefix words introduce an author ("By", "Von", "Di");
	// BylineSuffix words follow one ("skrifar").
	BylinePrefix []string
	BylineSuffix []string
	// Footer phrases start the part of a page after the article: author
	// boxes, comment forms, "Previous Post", "Most read".
	Footer []string
	// LinkLabels are labels that introduce a link to another article
	// ("Read more", "leggi anche"); the label and the following headline
	// are not body.
	LinkLabels []string
	// Credits introduce a photo or source credit ("Photo:", "Quelle:").
	Credits []string

	// Names: how the language writes the names of people, organisations
	// and places (see FORMAT.md, section [names]).
	NameParticles []string
	Titles        []string
	OrgSuffixes   []string
	OrgWords      []string
	LocWords      []string
	CaseSuffixes  []string
	// SurnameCases pairs an inflected surname ending with its base form
	// (is "sonar" → "son"): a name met only inflected gets its base.
	SurnameCases [][2]string
	// Determiners are the articles and their contractions ("der", "im",
	// "the"): a capitalised word after one is a noun or a title, rarely a
	// personal name.
	Determiners []string
	// Connectors join the words of an organisation's or a place's name
	// ("of", "di", "de la": "Bank of America", "Lago di Como").
	Connectors []string
	// PlacePrepositions put a place after them ("in", "nach", "a"): a lone
	// unknown name after one is more likely a place.
	PlacePrepositions []string
	// NotNames are words written with a capital that name no entity
	// ("Internet", "Governo"): common nouns by convention.
	NotNames []string

	// Speech (see FORMAT.md, section [speech]): reporting verbs in every
	// form ("said", "ha detto", "teilte … mit"), attribution phrases
	// before the source ("according to") and after it ("zufolge"),
	// complementizers that open reported clauses ("that", "dass"), role
	// nouns and personal pronouns.
	ReportingVerbs   []string
	AccordingTo      []string
	AccordingToAfter []string
	Complementizers  []string
	// ReportedMood are verb forms only reported speech uses (German
	// Konjunktiv I: "sei", "habe"): a sentence with one continues the
	// latest statement.
	ReportedMood []string
	// Relatives are complementizers that also open relative clauses
	// ("que", "che"): after "Name," they begin a clause about that person.
	Relatives []string
	// RelativeSubjects are relative pronouns that stand as a verb's
	// subject ("who", "qui", "der"): "McConnell, who said …" is McConnell
	// speaking through that word.
	RelativeSubjects []string
	// Subordinators open a clause of their own ("when", "weil"): a
	// subject after one is not the subject of a verb beyond it. Words
	// that introduce an attribution ("as X said", "wie er sagte") are
	// left out.
	Subordinators []string
	// Prepositions put the name after them in a phrase of their own, so it
	// is no speaker ("to Clinton", "mit Merkel", "a Renzi").
	Prepositions []string
	// TermMarkers mark the quotation after them as a term, never speech
	// ("so-called", "sogenannte", "cosiddetto").
	TermMarkers []string
	Roles       []string
	Pronouns    []string
	// ObjectPronouns are pronouns that are never a verb's subject ("him",
	// "ihm"): they name a source only after an according-to phrase.
	ObjectPronouns []string
	// ThingPronouns stand for organisations and things, not people ("it",
	// "es").
	ThingPronouns []string
	// AgentPrepositions name the author after them, unlike other
	// prepositions ("Zitat von Schröder: „…“").
	AgentPrepositions []string

	// Numbers (see FORMAT.md, section [numbers]): how the language writes
	// numbers, amounts of money, percentages, measures and dates. The maps
	// are read-only like the rest of the pack.
	//
	// DecimalSeparator is the one character between the whole and the
	// fractional part ("." en, "," de); GroupSeparators are the characters
	// between groups of three digits ("," en; ".", U+202F de; " " fr).
	DecimalSeparator string
	GroupSeparators  []string
	// Scales are number words that multiply the number before them
	// ("million" → 1e6, "Mrd." → 1e9, "mil millones" → 1e9).
	Scales map[string]float64
	// Currencies map currency words and symbols to ISO 4217 codes
	// ("dollars" → USD, "krónur" → ISK, "US$" → USD).
	Currencies map[string]string
	// Percent are the words for per cent ("per cent", "Prozent").
	Percent []string
	// Units map unit words to their symbols ("kilometres" → km,
	// "Tonnen" → t, "years" → year).
	Units map[string]string
	// Approximators stand before a number they make approximate ("around",
	// "oltre", "plus de"); they are not part of the quantity.
	Approximators []string
	// UnitConnectors join a scale word to a currency or unit ("di" in
	// "180 miliardi di dollari", "d'" in "3 millions d'euros").
	UnitConnectors []string
	// NumberWords are counts written as words ("two" → 2, "zwei" → 2).
	NumberWords map[string]float64
	// YearPrepositions put a year after them ("in", "nel", "im Jahr").
	YearPrepositions []string
	// DaySuffixes follow a day of the month ("th", "er", "." in de and is).
	DaySuffixes []string
	// DateConnectors join day, month and year ("de" in "13 de febrero de
	// 2021", "of" in "13th of February").
	DateConnectors []string
	// NumericDates is the order of day, month and year in dates written
	// with digits only ("dmy", "mdy" or "ymd"); "" when none is read.
	NumericDates string
	// MonthPrefixes holds, for each month in calendar order, the
	// beginnings of its names (lower case): MonthNumber numbers the
	// entries of Months with them.
	MonthPrefixes [][]string

	// Claims (see FORMAT.md, section [claims]): the words that make a
	// statement worth checking or not.
	//
	// Superlatives are superlative words and markers ("most", "le plus",
	// "el más"); SuperlativeSuffixes the endings of superlative adjectives
	// ("est", "ste", "asti"); NotSuperlatives the common words that end in
	// one without being one ("interest", "musste").
	Superlatives        []string
	SuperlativeSuffixes []string
	NotSuperlatives     []string
	// Comparatives are words of comparison and change ("more than",
	// "höher als", "grew", "raddoppiato").
	Comparatives []string
	// Opinion words state a view: first-person belief ("I think") and
	// modals of obligation ("should", "must").
	Opinion []string
	// Hedges make a statement uncertain ("may", "perhaps", "reportedly").
	Hedges []string
	// Concepts map English concept ids to word stems of the language
	// ("interesting": "interessant"); ConceptWords to whole words too short
	// to be stems. Statements in different languages that use the same
	// concepts are about the same thing (see Concept).
	Concepts     map[string][]string
	ConceptWords map[string][]string

	stop     map[string]struct{}
	stems    map[string]string // concept stem → concept id
	words    map[string]string // concept word → concept id
	maxStem  int               // the longest stem, in bytes
	months   map[string]struct{}
	days     map[string]struct{}
	monthNum map[string]int
}

// file mirrors the TOML layout documented in FORMAT.md.
type file struct {
	Code    string `toml:"code"`
	Name    string `toml:"name"`
	Letters string `toml:"letters"`
	Quotes  struct {
		Primary   [][]string `toml:"primary"`
		Alternate [][]string `toml:"alternate"`
		Practice  [][]string `toml:"practice"`
	} `toml:"quotes"`
	Sentences struct {
		Abbreviations []string `toml:"abbreviations"`
		OrdinalDot    bool     `toml:"ordinal_dot"`
		Months        []string `toml:"months"`
		Days          []string `toml:"days"`
	} `toml:"sentences"`
	Words struct {
		Stopwords        []string `toml:"stopwords"`
		CapitalizedNouns bool     `toml:"capitalized_nouns"`
		Polite           []string `toml:"polite"`
	} `toml:"words"`
	Page struct {
		BylinePrefix []string `toml:"byline_prefix"`
		BylineSuffix []string `toml:"byline_suffix"`
		Footer       []string `toml:"footer"`
		LinkLabels   []string `toml:"link_labels"`
		Credits      []string `toml:"credits"`
	} `toml:"page"`
	Names struct {
		Particles    []string   `toml:"particles"`
		Titles       []string   `toml:"titles"`
		OrgSuffixes  []string   `toml:"org_suffixes"`
		OrgWords     []string   `toml:"org_words"`
		LocWords     []string   `toml:"loc_words"`
		CaseSuffixes []string   `toml:"case_suffixes"`
		SurnameCases [][]string `toml:"surname_cases"`
		NotNames     []string   `toml:"not_names"`
		PlacePreps   []string   `toml:"place_prepositions"`
		Connectors   []string   `toml:"connectors"`
		Determiners  []string   `toml:"determiners"`
	} `toml:"names"`
	Speech struct {
		ReportingVerbs []string `toml:"reporting_verbs"`
		AccordingTo    []string `toml:"according_to"`
		AccordingAfter []string `toml:"according_to_after"`
		Complementizer []string `toml:"complementizers"`
		ReportedMood   []string `toml:"reported_mood"`
		Relatives      []string `toml:"relatives"`
		RelSubjects    []string `toml:"relative_subjects"`
		Subordinators  []string `toml:"subordinators"`
		TermMarkers    []string `toml:"term_markers"`
		Prepositions   []string `toml:"prepositions"`
		Roles          []string `toml:"roles"`
		Pronouns       []string `toml:"pronouns"`
		ObjectPronouns []string `toml:"object_pronouns"`
		ThingPronouns  []string `toml:"thing_pronouns"`
		AgentPreps     []string `toml:"agent_prepositions"`
	} `toml:"speech"`
	Numbers struct {
		DecimalSeparator string             `toml:"decimal_separator"`
		GroupSeparators  []string           `toml:"group_separators"`
		Scales           map[string]float64 `toml:"scales"`
		Currencies       map[string]string  `toml:"currencies"`
		Percent          []string           `toml:"percent"`
		Units            map[string]string  `toml:"units"`
		Approximators    []string           `toml:"approximators"`
		UnitConnectors   []string           `toml:"unit_connectors"`
		NumberWords      map[string]float64 `toml:"number_words"`
		YearPrepositions []string           `toml:"year_prepositions"`
		DaySuffixes      []string           `toml:"day_suffixes"`
		DateConnectors   []string           `toml:"date_connectors"`
		NumericDates     string             `toml:"numeric_dates"`
		MonthPrefixes    [][]string         `toml:"month_prefixes"`
	} `toml:"numbers"`
	Claims struct {
		Superlatives        []string `toml:"superlatives"`
		SuperlativeSuffixes []string `toml:"superlative_suffixes"`
		NotSuperlatives     []string `toml:"not_superlatives"`
		Comparatives        []string `toml:"comparatives"`
		Opinion             []string `toml:"opinion"`
		Hedges              []string `toml:"hedges"`
	} `toml:"claims"`
	Concepts     map[string][]string `toml:"concepts"`
	ConceptWords map[string][]string `toml:"concept_words"`
}

// Parse reads a pack in the TOML format described in FORMAT.md. Unknown keys
// are an error so that a typo in a data file does not go unnoticed.
func Parse(r io.Reader) (*Pack, error) {
	var f file
	md, err := toml.NewDecoder(r).Decode(&f)
	if err != nil {
		return nil, fmt.Errorf("lang: %w", err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("lang: unknown keys %s", strings.Join(keys, ", "))
	}
	if len(f.Code) < 2 || len(f.Code) > 3 || strings.ToLower(f.Code) != f.Code {
		return nil, fmt.Errorf("lang: code %q is not a lower-case ISO 639 code", f.Code)
	}
	p := &Pack{
		Code:              f.Code,
		Name:              f.Name,
		Letters:           f.Letters,
		Abbreviations:     clean(f.Sentences.Abbreviations),
		OrdinalDot:        f.Sentences.OrdinalDot,
		Months:            clean(f.Sentences.Months),
		Days:              clean(f.Sentences.Days),
		Stopwords:         clean(f.Words.Stopwords),
		CapitalizedNouns:  f.Words.CapitalizedNouns,
		Polite:            clean(f.Words.Polite),
		BylinePrefix:      clean(f.Page.BylinePrefix),
		BylineSuffix:      clean(f.Page.BylineSuffix),
		Footer:            clean(f.Page.Footer),
		LinkLabels:        clean(f.Page.LinkLabels),
		Credits:           clean(f.Page.Credits),
		NameParticles:     clean(f.Names.Particles),
		Titles:            clean(f.Names.Titles),
		OrgSuffixes:       clean(f.Names.OrgSuffixes),
		OrgWords:          clean(f.Names.OrgWords),
		LocWords:          clean(f.Names.LocWords),
		CaseSuffixes:      f.Names.CaseSuffixes,
		SurnameCases:      pairs(f.Names.SurnameCases),
		NotNames:          clean(f.Names.NotNames),
		PlacePrepositions: clean(f.Names.PlacePreps),
		Connectors:        clean(f.Names.Connectors),
		Determiners:       clean(f.Names.Determiners),
		ReportingVerbs:    clean(f.Speech.ReportingVerbs),
		AccordingTo:       clean(f.Speech.AccordingTo),
		AccordingToAfter:  clean(f.Speech.AccordingAfter),
		Complementizers:   clean(f.Speech.Complementizer),
		ReportedMood:      clean(f.Speech.ReportedMood),
		Relatives:         clean(f.Speech.Relatives),
		RelativeSubjects:  clean(f.Speech.RelSubjects),
		Subordinators:     clean(f.Speech.Subordinators),
		TermMarkers:       clean(f.Speech.TermMarkers),
		Prepositions:      clean(f.Speech.Prepositions),
		Roles:             clean(f.Speech.Roles),
		Pronouns:          clean(f.Speech.Pronouns),
		ObjectPronouns:    clean(f.Speech.ObjectPronouns),
		ThingPronouns:     clean(f.Speech.ThingPronouns),
		AgentPrepositions: clean(f.Speech.AgentPreps),

		DecimalSeparator:    f.Numbers.DecimalSeparator,
		Percent:             clean(f.Numbers.Percent),
		Approximators:       clean(f.Numbers.Approximators),
		UnitConnectors:      clean(f.Numbers.UnitConnectors),
		YearPrepositions:    clean(f.Numbers.YearPrepositions),
		DaySuffixes:         clean(f.Numbers.DaySuffixes),
		DateConnectors:      clean(f.Numbers.DateConnectors),
		NumericDates:        f.Numbers.NumericDates,
		Superlatives:        clean(f.Claims.Superlatives),
		SuperlativeSuffixes: clean(f.Claims.SuperlativeSuffixes),
		NotSuperlatives:     clean(f.Claims.NotSuperlatives),
		Comparatives:        clean(f.Claims.Comparatives),
		Opinion:             clean(f.Claims.Opinion),
		Hedges:              clean(f.Claims.Hedges),
	}
	if err := p.parseNumbers(&f); err != nil {
		return nil, err
	}
	if err := p.parseConcepts(&f); err != nil {
		return nil, err
	}
	for _, set := range []struct {
		name string
		in   [][]string
		out  *[]QuotePair
	}{
		{"primary", f.Quotes.Primary, &p.Quotes.Primary},
		{"alternate", f.Quotes.Alternate, &p.Quotes.Alternate},
		{"practice", f.Quotes.Practice, &p.Quotes.Practice},
	} {
		for _, pair := range set.in {
			if len(pair) != 2 || pair[0] == "" || pair[1] == "" ||
				utf8.RuneCountInString(pair[0]) != 1 || utf8.RuneCountInString(pair[1]) != 1 {
				return nil, fmt.Errorf("lang %s: quotes.%s: %q is not a pair of single marks", f.Code, set.name, pair)
			}
			*set.out = append(*set.out, QuotePair{Open: pair[0], Close: pair[1]})
		}
	}
	p.stop = lowerSet(p.Stopwords)
	p.months = lowerSet(p.Months)
	p.days = lowerSet(p.Days)
	p.monthNum = make(map[string]int, len(p.Months))
	for m := range p.months {
		if n := monthByPrefix(p.MonthPrefixes, m); n > 0 {
			p.monthNum[m] = n
		}
	}
	return p, nil
}

// parseNumbers checks and copies the [numbers] tables, whose entries the
// generic clean would break: separators may be white space, and the month
// prefixes keep their calendar order.
func (p *Pack) parseNumbers(f *file) error {
	n := &f.Numbers
	code := f.Code
	if d := n.DecimalSeparator; d != "" && utf8.RuneCountInString(d) != 1 {
		return fmt.Errorf("lang %s: numbers.decimal_separator %q is not one character", code, d)
	}
	seen := map[string]bool{}
	for _, g := range n.GroupSeparators {
		if utf8.RuneCountInString(g) != 1 {
			return fmt.Errorf("lang %s: numbers.group_separators: %q is not one character", code, g)
		}
		if g == n.DecimalSeparator {
			return fmt.Errorf("lang %s: numbers.group_separators: %q is also the decimal separator", code, g)
		}
		if !seen[g] {
			seen[g] = true
			p.GroupSeparators = append(p.GroupSeparators, g)
		}
	}
	sort.Strings(p.GroupSeparators)
	var err error
	if p.Scales, err = positive(code, "scales", n.Scales); err != nil {
		return err
	}
	if p.NumberWords, err = positive(code, "number_words", n.NumberWords); err != nil {
		return err
	}
	p.Currencies = make(map[string]string, len(n.Currencies))
	for k, v := range n.Currencies {
		if k = strings.TrimSpace(k); k == "" || !isISO4217(v) {
			return fmt.Errorf("lang %s: numbers.currencies: %q = %q is not a word and an ISO 4217 code", code, k, v)
		}
		p.Currencies[k] = v
	}
	p.Units = make(map[string]string, len(n.Units))
	for k, v := range n.Units {
		if k, v = strings.TrimSpace(k), strings.TrimSpace(v); k == "" || v == "" {
			return fmt.Errorf("lang %s: numbers.units: %q = %q needs a word and a symbol", code, k, v)
		}
		p.Units[k] = v
	}
	switch n.NumericDates {
	case "", "dmy", "mdy", "ymd":
	default:
		return fmt.Errorf("lang %s: numbers.numeric_dates %q is not dmy, mdy or ymd", code, n.NumericDates)
	}
	if len(n.MonthPrefixes) != 0 && len(n.MonthPrefixes) != 12 {
		return fmt.Errorf("lang %s: numbers.month_prefixes has %d months, not 12", code, len(n.MonthPrefixes))
	}
	for i, list := range n.MonthPrefixes {
		var month []string
		for _, pre := range list {
			if pre = strings.ToLower(strings.TrimSpace(pre)); pre != "" {
				month = append(month, pre)
			}
		}
		if len(month) == 0 {
			return fmt.Errorf("lang %s: numbers.month_prefixes: month %d has no prefix", code, i+1)
		}
		p.MonthPrefixes = append(p.MonthPrefixes, month)
	}
	return nil
}

// positive copies a table of multipliers, which must be finite and above
// zero.
func positive(code, key string, in map[string]float64) (map[string]float64, error) {
	out := make(map[string]float64, len(in))
	for k, v := range in {
		if k = strings.TrimSpace(k); k == "" || !(v > 0) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("lang %s: numbers.%s: %q = %v is not a word and a positive number", code, key, k, v)
		}
		out[k] = v
	}
	return out, nil
}

func isISO4217(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// monthByPrefix numbers a lower-case month name by the longest prefix
// that begins it; 0 when none does.
func monthByPrefix(prefixes [][]string, lower string) int {
	best, n := 0, 0
	for i, list := range prefixes {
		for _, pre := range list {
			if len(pre) > best && strings.HasPrefix(lower, pre) {
				best, n = len(pre), i+1
			}
		}
	}
	return n
}

// IsStopword reports whether the lower-cased word is a function word.
func (p *Pack) IsStopword(lower string) bool {
	_, ok := p.stop[lower]
	return ok
}

// IsDay reports whether the lower-cased word names a day of the week.
func (p *Pack) IsDay(lower string) bool {
	_, ok := p.days[lower]
	return ok
}

// IsMonth reports whether the lower-cased word names a month.
func (p *Pack) IsMonth(lower string) bool {
	_, ok := p.months[lower]
	return ok
}

// MonthNumber returns the month (1–12) the lower-cased word names, or 0
// when it names none or the pack has no month_prefixes.
func (p *Pack) MonthNumber(lower string) int {
	return p.monthNum[lower]
}

func clean(in []string) []string {
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func lowerSet(words []string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = struct{}{}
	}
	return m
}

// pairs keeps the two-string entries of a list of pairs.
func pairs(in [][]string) [][2]string {
	var out [][2]string
	for _, p := range in {
		if len(p) == 2 && p[0] != "" {
			out = append(out, [2]string{p[0], p[1]})
		}
	}
	return out
}

// minStem is the shortest concept stem, in runes: shorter ones would catch
// unrelated words.
const minStem = 4

// parseConcepts checks the concept tables and indexes them for Concept.
func (p *Pack) parseConcepts(f *file) error {
	p.Concepts, p.ConceptWords = f.Concepts, f.ConceptWords
	p.stems, p.words = map[string]string{}, map[string]string{}
	for concept, stems := range f.Concepts {
		for _, st := range stems {
			if st != strings.ToLower(st) || utf8.RuneCountInString(st) < minStem || strings.ContainsAny(st, " \t") {
				return fmt.Errorf("lang %s: concepts.%s: %q is not a lower-case stem of %d letters or more", f.Code, concept, st, minStem)
			}
			if other, ok := p.stems[st]; ok && other != concept {
				return fmt.Errorf("lang %s: concept stem %q is in both %s and %s", f.Code, st, other, concept)
			}
			p.stems[st] = concept
			p.maxStem = max(p.maxStem, len(st))
		}
	}
	for concept, words := range f.ConceptWords {
		for _, w := range words {
			if w != strings.ToLower(w) || w == "" {
				return fmt.Errorf("lang %s: concept_words.%s: %q is not a lower-case word", f.Code, concept, w)
			}
			if other, ok := p.words[w]; ok && other != concept {
				return fmt.Errorf("lang %s: concept word %q is in both %s and %s", f.Code, w, other, concept)
			}
			p.words[w] = concept
		}
	}
	return nil
}

// Concept returns the concept id of a lower-case word, or "": the concept
// of the word itself among ConceptWords, else of its longest stem among
// Concepts. A word with an elision ("d'informations") is read after the
// apostrophe; a hyphenated one whole, then by its last part.
func (p *Pack) Concept(lower string) string {
	if c := p.concept(lower); c != "" {
		return c
	}
	if i := strings.LastIndexAny(lower, "'’"); i >= 0 {
		_, n := utf8.DecodeRuneInString(lower[i:])
		return p.concept(lower[i+n:])
	}
	if i := strings.LastIndexByte(lower, '-'); i >= 0 {
		return p.concept(lower[i+1:])
	}
	return ""
}

func (p *Pack) concept(w string) string {
	if c, ok := p.words[w]; ok {
		return c
	}
	// The longest stem wins: "staatsanwalt" before "staat".
	for end := min(len(w), p.maxStem); end >= minStem; end-- {
		if end < len(w) && !utf8.RuneStart(w[end]) {
			continue // not a rune boundary
		}
		if c, ok := p.stems[w[:end]]; ok {
			return c
		}
	}
	return ""
}
