package quotes_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/quotes"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/sentence"
)

// TestForms checks one attribution pattern per row: the statement whose
// content holds want must be found, by a speaker whose name holds speaker.
// An empty speaker means no statement may hold want.
func TestForms(t *testing.T) {
	reg, err := lang.Default()
	require.NoError(t, err)
	gaz, err := entities.DefaultGazetteer()
	require.NoError(t, err)
	tests := []struct {
		name, lang, src, want, speaker string
	}{
		{"noun phrase with a possessive after the quotation", "en",
			"“If he thinks that makes him smart,” the ad’s narrator says, “what does he think of you?”",
			"If he thinks", "narrator"},
		{"noun phrase after an opening clause", "en",
			`Asked why the plan leaves out dads, the 34-year-old mother of three replied, "It's meant to benefit the mother who gave birth."`,
			"meant to benefit", "mother of three"},
		{"a later attribution ends the clause", "en",
			`When Patriot signaled that it would make a deal with Mr. Clarke, Mr. Barrett said, "we were floored by the news."`,
			"floored", "Barrett"},
		{"two appositions before the verb", "en",
			"“It’s an invasion of the state regulatory domain,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing the agency, said.",
			"invasion", "Scott Pruitt"},
		{"subject of any verb before a short quotation", "en",
			"Senator Harry Reid has gone after Trump as a “human leech” this week.",
			"human leech", "Harry Reid"},
		{"a title after a preposition is no statement", "es",
			"Marta Ilundain gana el premio con «El año de las cigüeñas»",
			"El año de las cigüeñas", ""},
		{"addressee between verb and subject", "es",
			"«No estamos en contra de las renovables», declaró a EFE el alcalde de la localidad, Tomás Gimeno.",
			"No estamos", "Gimeno"},
		{"unnamed source with a complement", "it",
			"Fonti vicine all'assessorato regionale spiegano che il servizio sarà potenziato.",
			"il servizio", "Fonti"},
		{"attribution between dashes", "it",
			"Paola Dell'Aquila guida lo scavo. «Le tombe sono a fossa – spiega Dell'Aquila – e alcune conservano il corredo».",
			"Le tombe sono a fossa", "Aquila"},
		{"inverted verb closed by a full stop", "fr",
			"Didier Vautrin a appris la nouvelle. « On savait que la fin approchait, confie-t-il. Mais on espérait encore. »",
			"On savait", "Vautrin"},
		{"a postposed cue opening the sentence names no source", "de",
			"Zufolge der Polizei kam es zu Rangeleien.",
			"Rangeleien", ""},
		{"long dative source before zufolge", "de",
			"Dem Ökonomen Florian Steidl von der Hochschule Kempten zufolge mussten im vergangenen Jahr 23 Brauereien aufgeben.",
			"mussten", "Steidl"},
		{"object inside a split cue", "en",
			"In contrast, Ham described Clinton as “a lifetime politician” who never held a real job.",
			"lifetime politician", "Ham"},
		{"subject inside a split cue", "de",
			"Dazu gab das russische Außenministerium weiter bekannt: „Im Rahmen der Ermittlung machte Trojanow seine Aussage vor Zeugen.“",
			"Im Rahmen", "Außenministerium"},
		{"inverted subject before a colon in the sentence before", "de",
			"Bundespräsident Horst Köhler sprach in Berlin. Hier sparte der Bundespräsident auch nicht mit Kritik:\n„Jeder sollte wissen, dass kleine Schritte mehr Schritte verlangen.“",
			"Jeder sollte", "Kohler"},
		{"organisation noun after an apposition", "es",
			"La empresa Helios Ibérica Renovables proyecta una planta. Los vecinos protestan. Según la empresa, la planta generará 150 empleos.",
			"generará", "Helios"},
		{"genitive name after að sögn", "is",
			"Að sögn Hermanns Þórðarsonar, framkvæmdastjóra félagsins, hefur reksturinn verið þungur lengi.",
			"reksturinn", "Hermann"},
		{"relative pronoun after an apposition", "en",
			"The pact deepened his ties with Mitch McConnell, now the Senate majority leader, who in 2010 said the party's goal was to make Obama a “one-term president.”",
			"one-term president", "McConnell"},
		{"relative pronoun after a name in a phrase", "it",
			"Vladimir Putin, ex agente del Kgb che in passato ha definito Internet “un progetto della Cia”, non usa i social.",
			"un progetto", "Putin"},
		{"relative pronoun after a comma", "fr",
			"La maire Claire Dufour, qui a déclaré que la salle resterait ouverte, a reçu les pétitionnaires.",
			"la salle resterait", "Dufour"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := reg.Get(tt.lang)
			require.True(t, ok)
			src := tt.src
			sents := sentence.New(p).Append(nil, src, text.Span{Start: 0, End: len(src)})
			ents := entities.NewRecognizer(p, gaz).Find(src, sents)
			var got []string
			for _, st := range quotes.New(p).Find(src, sents, ents) {
				if !strings.Contains(st.Content.Text(src), tt.want) {
					continue
				}
				got = append(got, st.Speaker.Name)
				if tt.speaker != "" && strings.Contains(st.Speaker.Name, tt.speaker) {
					return
				}
			}
			if tt.speaker == "" {
				assert.Empty(t, got, "no statement may hold %q", tt.want)
				return
			}
			t.Errorf("no statement holding %q by %q; speakers found: %q", tt.want, tt.speaker, got)
		})
	}
}
