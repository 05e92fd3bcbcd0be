package lang

import (
	"fmt"
	"io"
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

	stop   map[string]struct{}
	months map[string]struct{}
	days   map[string]struct{}
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
	return p, nil
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
