package entities_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

// find runs a recognizer of the language over src's sentences.
func find(t testing.TB, code, src string) []entities.Entity {
	t.Helper()
	reg, err := lang.Default()
	require.NoError(t, err)
	gaz, err := entities.DefaultGazetteer()
	require.NoError(t, err)
	p, ok := reg.Get(code)
	require.True(t, ok)
	sents := sentence.New(p).Append(nil, src, text.Span{Start: 0, End: len(src)})
	return entities.NewRecognizer(p, gaz).Find(src, sents)
}

// byMention returns the entity with a mention of exactly this text.
func byMention(src string, ents []entities.Entity, mention string) (entities.Entity, bool) {
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Text(src) == mention {
				return e, true
			}
		}
	}
	return entities.Entity{}, false
}

func TestFindLinksMentions(t *testing.T) {
	tests := []struct {
		name, lang, src string
		// mentions that must belong to one entity with this name and type
		mentions []string
		want     string
		typ      entities.Type
	}{
		{"icelandic case endings", "is",
			"Vladimír Pútín, forseti Rússlands, hefur áhuga. Talsmaður Pútíns sagði að Pútín notaði ekki samfélagsmiðla.",
			[]string{"Vladimír Pútín", "Pútíns", "Pútín"}, "Vladimir Putin", entities.Person},
		{"icelandic name met only in the genitive", "is",
			"Að sögn Hermanns Þórðarsonar, framkvæmdastjóra félagsins, hefur reksturinn verið þungur.",
			[]string{"Hermanns Þórðarsonar"}, "Hermann Thordarson", entities.Person},
		{"german particle after a surname", "de",
			"Dem Ökonomen Florian Steidl von der Hochschule Kempten zufolge mussten Brauereien aufgeben.",
			[]string{"Florian Steidl"}, "Florian Steidl", entities.Person},
		{"german genitive", "de",
			"Elon Musk lud Wladimir Putin ein. Musks Angebot sei interessant, sagte ein Sprecher Putins.",
			[]string{"Wladimir Putin", "Putins"}, "Vladimir Putin", entities.Person},
		{"transliteration variants", "is",
			"Dimitrí Peskov, talsmaður forsetans, sagði það. Peskov bætti við að svo væri.",
			[]string{"Dimitrí Peskov", "Peskov"}, "Dmitry Peskov", entities.Person},
		{"one-letter typo in a full name", "it",
			"Elon Munk ha invitato Putin. Elon Musk ha scritto su Twitter. Musk è il più ricco.",
			[]string{"Elon Munk", "Elon Musk", "Musk"}, "Elon Musk", entities.Person},
		{"english possessive", "en",
			"Kremlin spokesman Dmitry Peskov spoke on Monday. Peskov's remarks were brief.",
			[]string{"Dmitry Peskov", "Peskov"}, "Dmitry Peskov", entities.Person},
		{"handle of a person", "en",
			"Elon Musk wrote on Twitter. — Elon Musk (@elonmusk) February 13, 2021",
			[]string{"Elon Musk", "@elonmusk"}, "Elon Musk", entities.Person},
		{"italian exonym from the gazetteer", "it",
			"Da Mosca non è arrivato un rifiuto, ha detto il portavoce del Cremlino.",
			[]string{"Cremlino"}, "Kremlin", entities.Org},
		{"country in another language's inflection", "is",
			"Forseti Rússlands sagði það í gær.",
			[]string{"Rússlands"}, "Russia", entities.Loc},
		{"family name before a hyphenated given name", "en",
			"South Korean President Park Geun-hye said Kim's mental state is worrying. Park Geun-hye spoke in Seoul.",
			[]string{"Park Geun-hye"}, "Park Geun-hye", entities.Person},
		{"capitals inside a surname kept", "en",
			"Senate leader Mitch McConnell spoke on Monday. McConnell said little.",
			[]string{"Mitch McConnell", "McConnell"}, "Mitch McConnell", entities.Person},
		{"german compound with a name", "de",
			"Das sagte ein Kreml-Sprecher am Montag in Moskau.",
			[]string{"Kreml"}, "Kremlin", entities.Org},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ents := find(t, tt.lang, tt.src)
			e, ok := byMention(tt.src, ents, tt.mentions[0])
			require.True(t, ok, "no entity with mention %q in %+v", tt.mentions[0], ents)
			assert.Equal(t, tt.want, e.Name)
			assert.Equal(t, tt.typ, e.Type)
			for _, m := range tt.mentions[1:] {
				other, ok := byMention(tt.src, ents, m)
				require.True(t, ok, "no mention %q", m)
				assert.Equal(t, e.Key, other.Key, "%q belongs to %s", m, e.Name)
			}
			for _, x := range ents {
				for _, m := range x.Mentions {
					assert.Equal(t, m.Text(tt.src), tt.src[m.Start:m.End])
				}
			}
		})
	}
}

func TestFindLeavesOutNonNames(t *testing.T) {
	tests := []struct{ lang, src, not string }{
		{"en", "On Monday, the spokesman said the proposal was interesting.", "Monday"},
		{"is", "Málið má rekja til þess að hann spurði.", "Málið"},
		{"de", "Die Regierung plant ein Treffen mit Vertretern der Unternehmen.", "Regierung"},
		{"de", "Das Treffen findet im Februar statt.", "Treffen"},
		{"it", "Intanto il Governo ha detto che Internet è importante.", "Governo"},
		{"en", "He spoke in Russian to reporters.", "Russian"},
		{"en", "The rules date from the Obama-era budget talks in Washington.", "Obama-era"},
	}
	for _, tt := range tests {
		ents := find(t, tt.lang, tt.src)
		_, ok := byMention(tt.src, ents, tt.not)
		assert.False(t, ok, "%q taken for a name in %q", tt.not, tt.src)
	}
}

func TestFindSameKeyAcrossLanguages(t *testing.T) {
	docs := []struct{ lang, src, mention string }{
		{"is", "Vladimír Pútín hefur áhuga.", "Vladimír Pútín"},
		{"de", "Wladimir Putin hat Interesse.", "Wladimir Putin"},
		{"it", "Vladimir Putin non usa i social.", "Vladimir Putin"},
		{"en", "Vladimir Putin does not use social media.", "Vladimir Putin"},
	}
	keys := map[string]bool{}
	names := map[string]bool{}
	for _, d := range docs {
		e, ok := byMention(d.src, find(t, d.lang, d.src), d.mention)
		require.True(t, ok, d.src)
		keys[e.Key] = true
		names[e.Name] = true
	}
	assert.Len(t, keys, 1, "one key: %v", keys)
	assert.Equal(t, map[string]bool{"Vladimir Putin": true}, names)
}

func TestLinkerCarriesFullNames(t *testing.T) {
	l := entities.NewLinker()
	first := []entities.Entity{{Key: "per:dmitry-peskov", Name: "Dmitry Peskov", Type: entities.Person}}
	later := []entities.Entity{{Key: "per:peskov", Name: "Peskov", Type: entities.Person}, {Key: "per:smith", Name: "Smith", Type: entities.Person}}
	l.Link(first)
	l.Link(later)
	assert.Equal(t, "per:dmitry-peskov", later[0].Key)
	assert.Equal(t, "Dmitry Peskov", later[0].Name)
	assert.Equal(t, "per:smith", later[1].Key, "unknown surnames stay")

	// Two people with one surname: undecided, left alone.
	l.Link([]entities.Entity{{Key: "per:melania-trump", Name: "Melania Trump", Type: entities.Person}, {Key: "per:donald-trump", Name: "Donald Trump", Type: entities.Person}})
	amb := []entities.Entity{{Key: "per:trump", Name: "Trump", Type: entities.Person}}
	l.Link(amb)
	assert.Equal(t, "per:trump", amb[0].Key)
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Elon Musk (@elonmusk) said", "Pútíns'", "A. B. C. D.", "Kreml-Sprecher-", "l'’Élysée", "U.S. U.S", "'s's's"} {
		f.Add(s)
	}
	reg, _ := lang.Default()
	gaz, err := entities.DefaultGazetteer()
	require.NoError(f, err)
	p, _ := reg.Get("de")
	r := entities.NewRecognizer(p, gaz)
	seg := sentence.New(p)
	f.Fuzz(func(t *testing.T, src string) {
		sents := seg.Append(nil, src, text.Span{Start: 0, End: len(src)})
		for _, e := range r.Find(src, sents) {
			require.NotEmpty(t, e.Mentions)
			require.NotEmpty(t, e.Key)
			for _, m := range e.Mentions {
				require.True(t, 0 <= m.Start && m.Start < m.End && m.End <= len(src), "%v", m.Span)
				require.Less(t, m.Sentence, len(sents))
			}
		}
	})
}
