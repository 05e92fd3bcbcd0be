package lang

import (
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantLanguages are the packs that must be built in.
var wantLanguages = []string{"de", "en", "es", "fr", "is", "it"}

func TestBuiltinPacks(t *testing.T) {
	names, err := fs.Glob(builtinFS, "data/*.toml")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(names), len(wantLanguages))

	for _, name := range names {
		code := strings.TrimSuffix(path.Base(name), ".toml")
		t.Run(code, func(t *testing.T) {
			f, err := builtinFS.Open(name)
			require.NoError(t, err)
			defer f.Close()
			p, err := Parse(f)
			require.NoError(t, err)

			assert.Equal(t, code, p.Code, "code must match the file name")
			assert.NotEmpty(t, p.Name)
			assert.NotEmpty(t, p.Quotes.Primary, "quotes.primary")
			assert.NotEmpty(t, p.Quotes.Alternate, "quotes.alternate")
			assert.NotEmpty(t, p.Quotes.Practice, "quotes.practice")
			assert.NotEmpty(t, p.Abbreviations, "sentences.abbreviations")
			assert.GreaterOrEqual(t, len(p.Months), 12, "sentences.months")
			assert.GreaterOrEqual(t, len(p.Stopwords), 150, "words.stopwords")
			assert.NotEmpty(t, p.Footer, "page.footer")
			assert.NotEmpty(t, p.LinkLabels, "page.link_labels")
			assert.NotEmpty(t, p.Credits, "page.credits")

			for _, w := range p.Stopwords {
				assert.Equal(t, strings.ToLower(w), w, "stopwords are lower-case: %q", w)
				assert.False(t, strings.ContainsFunc(w, unicode.IsSpace), "stopwords are single words: %q", w)
				assert.True(t, p.IsStopword(w), w)
			}
			for _, m := range p.Months {
				assert.True(t, p.IsMonth(strings.ToLower(m)), m)
				assert.False(t, strings.HasSuffix(m, "."), "months are listed without the dot: %q", m)
			}
			for _, a := range p.Abbreviations {
				assert.Equal(t, strings.TrimSpace(a), a)
			}
		})
	}
}

func TestBuiltinPacksContent(t *testing.T) {
	reg, err := Default()
	require.NoError(t, err)
	assert.Subset(t, reg.Codes(), wantLanguages)

	get := func(code string) *Pack {
		p, ok := reg.Get(code)
		require.True(t, ok, code)
		return p
	}
	de, is, it, fr, es, en := get("de"), get("is"), get("it"), get("fr"), get("es"), get("en")

	assert.True(t, de.OrdinalDot)
	assert.True(t, is.OrdinalDot)
	for _, p := range []*Pack{it, fr, es, en} {
		assert.False(t, p.OrdinalDot, p.Code)
	}

	assert.Contains(t, de.Abbreviations, "z. B.")
	assert.Contains(t, de.Abbreviations, "v. Chr.")
	assert.Contains(t, is.Abbreviations, "u.þ.b.")
	assert.Contains(t, it.Abbreviations, "S.p.A.")
	assert.Contains(t, fr.Abbreviations, "av. J.-C.")
	assert.Contains(t, es.Abbreviations, "EE. UU.")

	assert.True(t, is.IsMonth("febrúar"))
	assert.True(t, is.IsMonth("febrúars"))
	assert.True(t, de.IsMonth("märz"))
	assert.True(t, fr.IsMonth("août"))
	assert.False(t, de.IsMonth("montag"))

	assert.True(t, de.IsStopword("und"))
	assert.True(t, it.IsStopword("dell'"))
	assert.False(t, en.IsStopword("und"))

	assert.Contains(t, de.Quotes.Primary, QuotePair{"„", "“"})
	assert.Contains(t, fr.Quotes.Primary, QuotePair{"«", "»"})
	assert.Contains(t, is.Quotes.Primary, QuotePair{"„", "“"})
	for _, p := range []*Pack{de, is, it, fr, es, en} {
		assert.Contains(t, p.Quotes.All(), QuotePair{"\"", "\""}, p.Code)
	}

	assert.Equal(t, []string{"skrifar"}, is.BylineSuffix)
	assert.Contains(t, de.BylinePrefix, "Von")
}

func TestQuotesAllOrder(t *testing.T) {
	q := Quotes{
		Primary:   []QuotePair{{"«", "»"}},
		Alternate: []QuotePair{{"“", "”"}},
		Practice:  []QuotePair{{"\"", "\""}},
	}
	assert.Equal(t, []QuotePair{{"«", "»"}, {"“", "”"}, {"\"", "\""}}, q.All())
}

const minimalPack = `
code = "xx"
name = "Test"
[quotes]
primary = [["«", "»"]]
[words]
stopwords = ["zork", " Zork ", "blip"]
`

func TestParse(t *testing.T) {
	p, err := Parse(strings.NewReader(minimalPack))
	require.NoError(t, err)
	assert.Equal(t, "xx", p.Code)
	assert.Equal(t, []QuotePair{{"«", "»"}}, p.Quotes.Primary)
	assert.Equal(t, []string{"Zork", "blip", "zork"}, p.Stopwords, "trimmed, deduplicated and sorted")
	assert.True(t, p.IsStopword("zork"))
	assert.Empty(t, p.Abbreviations)
}

func TestParseErrors(t *testing.T) {
	for name, src := range map[string]string{
		"unknown top-level key":  minimalPack + "\nfoo = 1\n",
		"unknown nested key":     minimalPack + "\n[sentences]\nordinal = true\n",
		"unknown table":          minimalPack + "\n[extra]\nx = 1\n",
		"one mark":               "code = \"xx\"\n[quotes]\nprimary = [[\"«\"]]\n",
		"three marks":            "code = \"xx\"\n[quotes]\npractice = [[\"«\", \"»\", \"“\"]]\n",
		"two-rune mark":          "code = \"xx\"\n[quotes]\nalternate = [[\"<<\", \">>\"]]\n",
		"empty mark":             "code = \"xx\"\n[quotes]\nprimary = [[\"\", \"»\"]]\n",
		"missing code":           "name = \"x\"\n",
		"upper-case code":        "code = \"EN\"\n",
		"long code":              "code = \"english\"\n",
		"invalid TOML":           "code = \n",
		"wrong type":             "code = \"xx\"\n[words]\nstopwords = \"a b c\"\n",
		"ordinal_dot not a bool": "code = \"xx\"\n[sentences]\nordinal_dot = \"yes\"\n",
		"long decimal separator": "code = \"xx\"\n[numbers]\ndecimal_separator = \",,\"\n",
		"long group separator":   "code = \"xx\"\n[numbers]\ngroup_separators = [\"ab\"]\n",
		"group is decimal":       "code = \"xx\"\n[numbers]\ndecimal_separator = \",\"\ngroup_separators = [\",\"]\n",
		"bad currency code":      "code = \"xx\"\n[numbers.currencies]\ndollars = \"usd\"\n",
		"zero scale":             "code = \"xx\"\n[numbers.scales]\nmillion = 0\n",
		"negative number word":   "code = \"xx\"\n[numbers.number_words]\ntwo = -2\n",
		"empty unit symbol":      "code = \"xx\"\n[numbers.units]\nkm = \" \"\n",
		"unknown date order":     "code = \"xx\"\n[numbers]\nnumeric_dates = \"dym\"\n",
		"eleven months":          "code = \"xx\"\n[numbers]\nmonth_prefixes = [[\"a\"],[\"b\"],[\"c\"],[\"d\"],[\"e\"],[\"f\"],[\"g\"],[\"h\"],[\"i\"],[\"j\"],[\"k\"]]\n",
		"month without prefix":   "code = \"xx\"\n[numbers]\nmonth_prefixes = [[\"a\"],[\"b\"],[\"c\"],[\"d\"],[\"e\"],[\"f\"],[\"g\"],[\"h\"],[\"i\"],[\"j\"],[\"k\"],[\" \"]]\n",
		"unknown numbers key":    "code = \"xx\"\n[numbers]\nscale = 1\n",
		"unknown claims key":     "code = \"xx\"\n[claims]\nsuperlative = [\"most\"]\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(src))
			assert.Error(t, err)
		})
	}
}

func TestLoadFS(t *testing.T) {
	packs, err := LoadFS(fstest.MapFS{
		"xx.toml":   {Data: []byte(minimalPack)},
		"notes.txt": {Data: []byte("ignored")},
	})
	require.NoError(t, err)
	require.Len(t, packs, 1)
	assert.Equal(t, "xx", packs[0].Code)

	_, err = LoadFS(fstest.MapFS{"yy.toml": {Data: []byte(minimalPack)}})
	assert.ErrorContains(t, err, "file name")

	_, err = LoadFS(fstest.MapFS{"xx.toml": {Data: []byte("code = \"xx\"\nbogus = 1\n")}})
	assert.ErrorContains(t, err, "xx.toml")
}

func TestNewRegistry(t *testing.T) {
	_, err := NewRegistry()
	assert.Error(t, err)
	_, err = NewRegistry(nil)
	assert.Error(t, err)

	builtin, err := BuiltinPacks()
	require.NoError(t, err)
	custom, err := Parse(strings.NewReader(`
code = "en"
name = "Custom English"
[words]
stopwords = ["zork"]
`))
	require.NoError(t, err)

	// A later pack with the same code replaces the built-in one.
	def, err := Default()
	require.NoError(t, err)
	reg, err := NewRegistry(append(builtin, custom)...)
	require.NoError(t, err)
	assert.Equal(t, def.Codes(), reg.Codes())
	p, ok := reg.Get("en")
	require.True(t, ok)
	assert.Equal(t, "Custom English", p.Name)
	assert.Equal(t, "en", reg.Detect("zork zork zork").Code)
	assert.Equal(t, "de", reg.Detect("Das ist nicht der Fall.").Code)

	// An extra language is detected alongside the built-ins.
	extra, err := Parse(strings.NewReader(minimalPack))
	require.NoError(t, err)
	reg, err = NewRegistry(append(builtin, extra)...)
	require.NoError(t, err)
	assert.Contains(t, reg.Codes(), "xx")
	assert.Equal(t, "xx", reg.Detect("Zork blip zork.").Code)

	_, ok = reg.Get("zz")
	assert.False(t, ok)

	// Letter hints may be ASCII too.
	hinted, err := Parse(strings.NewReader("code = \"qq\"\nletters = \"q\"\n"))
	require.NoError(t, err)
	reg, err = NewRegistry(append(builtin, hinted)...)
	require.NoError(t, err)
	assert.Equal(t, "qq", reg.Detect("Qqq q").Code)

	// Codes returns a copy.
	codes := reg.Codes()
	codes[0] = "changed"
	assert.NotEqual(t, "changed", reg.Codes()[0])
}

// TestParseKeepsEveryKey guards against a key that is decoded but never
// copied into the Pack.
func TestParseKeepsEveryKey(t *testing.T) {
	src := `code = "xx"
[sentences]
months = ["Jan"]
days = ["Mon"]
[names]
particles = ["von"]
titles = ["Mr."]
org_suffixes = ["Inc."]
org_words = ["Party"]
loc_words = ["River"]
case_suffixes = ["'s", "s"]
surname_cases = [["sonar", "son"]]
not_names = ["Internet"]
place_prepositions = ["in"]
[speech]
reporting_verbs = ["said"]
according_to = ["according to"]
roles = ["spokesman"]
pronouns = ["he"]
agent_prepositions = ["by"]
[numbers]
decimal_separator = ","
group_separators = [".", " ", "\u202F"]
percent = ["per cent"]
approximators = ["around"]
unit_connectors = ["of"]
year_prepositions = ["in"]
day_suffixes = ["th"]
date_connectors = ["de"]
numeric_dates = "dmy"
month_prefixes = [["ja"], ["f"], ["mar"], ["ap"], ["may"], ["jun"], ["jul"], ["au"], ["s"], ["o"], ["n"], ["d"]]
[numbers.scales]
million = 1e6
[numbers.currencies]
dollars = "USD"
[numbers.units]
km = "km"
[numbers.number_words]
two = 2
[claims]
superlatives = ["most"]
superlative_suffixes = ["est"]
not_superlatives = ["interest"]
comparatives = ["more than"]
opinion = ["i think"]
hedges = ["may"]
[concepts]
state = ["staat"]
prosecutor = ["staatsanwalt"]
[concept_words]
war = ["war"]
`
	p, err := Parse(strings.NewReader(src))
	require.NoError(t, err)
	assert.Equal(t, []string{"Mon"}, p.Days)
	assert.True(t, p.IsDay("mon"))
	assert.Equal(t, []string{"von"}, p.NameParticles)
	assert.Equal(t, []string{"Mr."}, p.Titles)
	assert.Equal(t, []string{"by"}, p.AgentPrepositions)
	assert.Equal(t, []string{"Inc."}, p.OrgSuffixes)
	assert.Equal(t, []string{"Party"}, p.OrgWords)
	assert.Equal(t, []string{"River"}, p.LocWords)
	assert.Equal(t, []string{"'s", "s"}, p.CaseSuffixes, "order kept")
	assert.Equal(t, [][2]string{{"sonar", "son"}}, p.SurnameCases)
	assert.Equal(t, []string{"Internet"}, p.NotNames)
	assert.Equal(t, []string{"in"}, p.PlacePrepositions)
	assert.Equal(t, []string{"said"}, p.ReportingVerbs)
	assert.Equal(t, []string{"according to"}, p.AccordingTo)
	assert.Equal(t, []string{"spokesman"}, p.Roles)
	assert.Equal(t, []string{"he"}, p.Pronouns)

	assert.Equal(t, ",", p.DecimalSeparator)
	assert.Equal(t, []string{" ", ".", "\u202F"}, p.GroupSeparators, "white space kept")
	assert.Equal(t, []string{"per cent"}, p.Percent)
	assert.Equal(t, []string{"around"}, p.Approximators)
	assert.Equal(t, []string{"of"}, p.UnitConnectors)
	assert.Equal(t, []string{"in"}, p.YearPrepositions)
	assert.Equal(t, []string{"th"}, p.DaySuffixes)
	assert.Equal(t, []string{"de"}, p.DateConnectors)
	assert.Equal(t, "dmy", p.NumericDates)
	assert.Len(t, p.MonthPrefixes, 12)
	assert.Equal(t, map[string]float64{"million": 1e6}, p.Scales)
	assert.Equal(t, map[string]string{"dollars": "USD"}, p.Currencies)
	assert.Equal(t, map[string]string{"km": "km"}, p.Units)
	assert.Equal(t, map[string]float64{"two": 2}, p.NumberWords)
	assert.Equal(t, 1, p.MonthNumber("jan"))
	assert.Equal(t, []string{"most"}, p.Superlatives)
	assert.Equal(t, []string{"est"}, p.SuperlativeSuffixes)
	assert.Equal(t, []string{"interest"}, p.NotSuperlatives)
	assert.Equal(t, []string{"more than"}, p.Comparatives)
	assert.Equal(t, []string{"i think"}, p.Opinion)
	assert.Equal(t, []string{"may"}, p.Hedges)
	assert.Equal(t, map[string][]string{"state": {"staat"}, "prosecutor": {"staatsanwalt"}}, p.Concepts)
	assert.Equal(t, map[string][]string{"war": {"war"}}, p.ConceptWords)
	assert.Equal(t, "prosecutor", p.Concept("staatsanwaltschaft"), "the longest stem wins")
	assert.Equal(t, "state", p.Concept("staaten"))
	assert.Equal(t, "war", p.Concept("war"))
	assert.Equal(t, "", p.Concept("wars"), "a concept word is whole")
	assert.Equal(t, "state", p.Concept("l'staat"), "read after an elision")
	assert.Equal(t, "state", p.Concept("bund-staat"), "read by the last part")
	assert.Equal(t, "", p.Concept("sta"))
}

// TestConceptsAcrossLanguages: the packs' concept lexicons give one
// statement's words the same concepts in every language.
func TestConceptsAcrossLanguages(t *testing.T) {
	reg, err := Default()
	require.NoError(t, err)
	tests := map[string][]string{
		"en": {"spokesman", "proposal", "interesting", "needed", "details"},
		"de": {"kreml-sprecher", "vorschlag", "interessant", "brauche", "informationen"},
		"it": {"portavoce", "proposta", "interessante", "necessario", "informazioni"},
		"is": {"talsmaður", "boð", "áhugavert", "þörf", "upplýsingum"},
		"fr": {"porte-parole", "proposition", "intéressante", "faut", "d'informations"},
		"es": {"portavoz", "propuesta", "interesante", "falta", "detalles"},
	}
	want := []string{"spokesperson", "proposal", "interesting", "need", "information"}
	for code, words := range tests {
		p, ok := reg.Get(code)
		require.True(t, ok)
		for i, w := range words {
			assert.Equal(t, want[i], p.Concept(w), "%s %q", code, w)
		}
		// Every pack maps the same concepts.
		en, _ := reg.Get("en")
		assert.Equal(t, len(en.Concepts), len(p.Concepts), code)
		for c := range en.Concepts {
			_, ok := p.Concepts[c]
			assert.True(t, ok, "%s lacks concept %s", code, c)
		}
	}
}

// TestMonthNumbers: every month name of every built-in pack gets its
// number from month_prefixes.
func TestMonthNumbers(t *testing.T) {
	reg, err := Default()
	require.NoError(t, err)
	for _, code := range reg.Codes() {
		p, _ := reg.Get(code)
		for _, m := range p.Months {
			n := p.MonthNumber(strings.ToLower(m))
			assert.True(t, n >= 1 && n <= 12, "%s: %q has no month number", code, m)
		}
		assert.Zero(t, p.MonthNumber("zzz"), code)
	}
	for _, tc := range []struct {
		code, word string
		want       int
	}{
		{"en", "sept", 9}, {"en", "may", 5}, {"en", "march", 3},
		{"de", "jänner", 1}, {"de", "märz", 3}, {"de", "mrz", 3}, {"de", "mai", 5}, {"de", "februars", 2},
		{"it", "giugno", 6}, {"it", "luglio", 7}, {"it", "sett", 9},
		{"is", "febrúars", 2}, {"is", "maí", 5}, {"is", "ágúst", 8}, {"is", "ág", 8},
		{"fr", "juin", 6}, {"fr", "juillet", 7}, {"fr", "aout", 8}, {"fr", "déc", 12},
		{"es", "setiembre", 9}, {"es", "mayo", 5}, {"es", "diciembre", 12},
	} {
		p, _ := reg.Get(tc.code)
		assert.Equal(t, tc.want, p.MonthNumber(tc.word), "%s %s", tc.code, tc.word)
	}
}

// TestNumbersAndClaims checks the [numbers] and [claims] data of the
// built-in packs: every key filled, and the inflected forms the quantity
// and worthy stages are tested with.
func TestNumbersAndClaims(t *testing.T) {
	reg, err := Default()
	require.NoError(t, err)
	for _, code := range wantLanguages {
		p, _ := reg.Get(code)
		assert.NotEmpty(t, p.DecimalSeparator, code)
		assert.NotEmpty(t, p.GroupSeparators, code)
		assert.NotEmpty(t, p.Scales, code)
		assert.NotEmpty(t, p.Currencies, code)
		assert.NotEmpty(t, p.Percent, code)
		assert.NotEmpty(t, p.Units, code)
		assert.NotEmpty(t, p.Approximators, code)
		assert.NotEmpty(t, p.NumberWords, code)
		assert.NotEmpty(t, p.YearPrepositions, code)
		assert.NotEmpty(t, p.DaySuffixes, code)
		assert.NotEmpty(t, p.NumericDates, code)
		assert.Len(t, p.MonthPrefixes, 12, code)
		assert.NotEmpty(t, p.Superlatives, code)
		assert.NotEmpty(t, p.SuperlativeSuffixes, code)
		assert.NotEmpty(t, p.Comparatives, code)
		assert.NotEmpty(t, p.Opinion, code)
		assert.NotEmpty(t, p.Hedges, code)
		for w := range p.Units {
			_, scale := p.Scales[w]
			_, cur := p.Currencies[w]
			assert.False(t, cur, "%s: %q is a unit and a currency", code, w)
			if scale {
				assert.Equal(t, "m", p.Units[w], "%s: %q is a unit and a scale; only m is expected", code, w)
			}
		}
	}
	get := func(code string) *Pack { p, _ := reg.Get(code); return p }
	en, de, it, is, fr, es := get("en"), get("de"), get("it"), get("is"), get("fr"), get("es")
	assert.Equal(t, 1e9, en.Scales["billion"])
	assert.Equal(t, 1e9, de.Scales["Mrd."])
	assert.Equal(t, 1e6, de.Scales["Mio."])
	assert.Equal(t, 1e12, de.Scales["Billionen"], "German Billion is 10^12")
	assert.Equal(t, 1e9, it.Scales["miliardi"])
	assert.Equal(t, 1e6, is.Scales["milljónir"])
	assert.Equal(t, 1e9, is.Scales["milljarða"])
	assert.Equal(t, 1e9, fr.Scales["milliards"])
	assert.Equal(t, 1e12, fr.Scales["billion"], "French billion is 10^12")
	assert.Equal(t, 1e9, es.Scales["mil millones"])
	assert.Equal(t, "USD", it.Currencies["dollari"])
	assert.Equal(t, "USD", is.Currencies["dollara"])
	assert.Equal(t, "EUR", is.Currencies["evra"])
	assert.Equal(t, "ISK", is.Currencies["krónur"])
	assert.Equal(t, "EUR", de.Currencies["Euro"])
	assert.Equal(t, "USD", es.Currencies["dólares"])
	assert.Contains(t, en.Percent, "per cent")
	assert.Contains(t, de.Percent, "Prozent")
	assert.Contains(t, it.Percent, "per cento")
	assert.Contains(t, fr.Percent, "pour cent")
	assert.Contains(t, es.Percent, "por ciento")
	assert.Contains(t, is.Percent, "prósent")
	assert.Contains(t, is.Approximators, "um það bil")
	assert.Contains(t, fr.Approximators, "plus de")
	assert.Contains(t, es.Approximators, "más de")
	assert.Contains(t, fr.GroupSeparators, " ")
	assert.Equal(t, ".", en.DecimalSeparator)
	assert.Equal(t, ",", de.DecimalSeparator)
}
