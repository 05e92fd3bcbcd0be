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
}
