package article_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/article"
	"github.com/hearsay-go/hearsay/text/sentence"
)

func read(t testing.TB, code, src string) article.Page {
	t.Helper()
	reg, err := lang.Default()
	require.NoError(t, err)
	p, ok := reg.Get(code)
	require.True(t, ok)
	return article.New(p).Read(src, text.Paragraphs(src), sentence.New(p))
}

func bodyText(src string, page article.Page) string {
	var parts []string
	for _, b := range page.Body {
		parts = append(parts, b.Text(src))
	}
	return strings.Join(parts, "\n")
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, lang, src     string
		title, byline, date string
		inside, outside     []string
	}{
		{
			name: "one-line page with byline, date and credit",
			lang: "en",
			src: "Council approves new budget By Jane Doe March 3, 2021 10:15 The mayor at the meeting. AP/REUTERS " +
				"The city council approved the budget on Tuesday after a long debate. Members said the plan was fair. " +
				"Most popular Mayor resigns Council votes Rain expected Budget passes School opens Road closed Park reopens Fire downtown Bridge repaired Election set Library expands Zoo welcomes panda Market rises Storm warning Team wins title Museum opens wing Concert tonight Traffic eases Fair begins Strike ends Prices fall Bus routes change Airport expands Hospital hires Police arrest suspect Court rules Festival returns",
			title:   "Council approves new budget",
			byline:  "By Jane Doe",
			date:    "March 3, 2021 10:15",
			inside:  []string{"The city council approved", "Members said the plan was fair."},
			outside: []string{"The mayor at the meeting.", "AP/REUTERS", "Mayor resigns"},
		},
		{
			name:    "multi-line page with label, link and author box",
			lang:    "de",
			src:     "Regierung plant neue Steuer\nVon Max Mustermann\n13.02.2021\nDie Regierung will im Herbst eine neue Steuer einführen. Das sagte der Minister am Montag.\nLesen Sie auch\nWie die Steuer funktioniert\nKritik aus der Opposition\nDie Opposition lehnt den Plan ab, weil er die Mittelschicht belaste.\nÜber den Autor\nMax Mustermann schreibt seit 20 Jahren über Politik und Wirtschaft.",
			title:   "Regierung plant neue Steuer",
			byline:  "Von Max Mustermann",
			date:    "13.02.2021",
			inside:  []string{"Die Regierung will", "Kritik aus der Opposition", "Die Opposition lehnt"},
			outside: []string{"Lesen Sie auch", "Wie die Steuer funktioniert", "Über den Autor", "schreibt seit 20 Jahren"},
		},
		{
			name:    "trailing byline starts the author box",
			lang:    "it",
			src:     "Il governo approva la riforma\n\nIl Consiglio dei ministri ha approvato la riforma della giustizia. Il ministro ha parlato di una giornata storica.\n\nDi Maria Rossi\n\nSono nata a Torino e scrivo di politica da quindici anni per diverse testate nazionali.",
			title:   "Il governo approva la riforma",
			inside:  []string{"Il Consiglio dei ministri", "giornata storica."},
			outside: []string{"Di Maria Rossi", "Sono nata a Torino"},
		},
		{
			name:    "repeated body and navigation lines",
			lang:    "fr",
			src:     "Le président reçoit les syndicats\nAccueil\nLe président a reçu les syndicats jeudi à l'Élysée. La réunion a duré trois heures.\nLe président a reçu les syndicats jeudi à l'Élysée. La réunion a duré trois heures.\nArticle précédent Article suivant",
			title:   "Le président reçoit les syndicats",
			inside:  []string{"Le président a reçu les syndicats jeudi"},
			outside: []string{"Accueil", "Article précédent"},
		},
		{
			name:   "embedded post line stays, heading kept before text",
			lang:   "es",
			src:    "El empresario invita al presidente\n\nEl empresario publicó un mensaje en la red social el sábado por la tarde.\n\n¿Quiere hablar conmigo?\n\n— Juan Pérez (@juanperez) 13 de febrero de 2021\n\nUna propuesta interesante\n\nEl portavoce dijo que la propuesta era interesante, pero que necesitaban más detalles.",
			title:  "El empresario invita al presidente",
			inside: []string{"— Juan Pérez (@juanperez)", "Una propuesta interesante", "El portavoce dijo"},
		},
		{
			name:   "plain statement without structure",
			lang:   "en",
			src:    "Peskov said the proposal was interesting",
			inside: []string{"Peskov said the proposal was interesting"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := read(t, tt.lang, tt.src)
			assert.Equal(t, tt.title, page.Title.Text(tt.src), "title")
			assert.Equal(t, tt.byline, page.Byline.Text(tt.src), "byline")
			assert.Equal(t, tt.date, page.Date.Text(tt.src), "date")
			body := bodyText(tt.src, page)
			for _, s := range tt.inside {
				assert.Contains(t, body, s)
			}
			for _, s := range tt.outside {
				assert.NotContains(t, body, s)
			}
			if strings.Count(tt.src, "La réunion a duré") == 2 {
				assert.Equal(t, 1, strings.Count(body, "La réunion a duré"), "repeated passage kept once")
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Title By Jane Doe March 3, 2021 Text here. AP/REUTERS More text.",
		"a\n\nb\n— X (@y)\nDi Z",
		"15. 15. 15. febrúar 2021 15:51 15:51",
		"\"\"\"“”„", "Foto: Foto: Foto:",
	} {
		f.Add(s)
	}
	reg, err := lang.Default()
	require.NoError(f, err)
	p, _ := reg.Get("en")
	r, seg := article.New(p), sentence.New(p)
	f.Fuzz(func(t *testing.T, src string) {
		page := r.Read(src, text.Paragraphs(src), seg)
		for _, s := range append([]text.Span{page.Title, page.Byline, page.Date}, page.Body...) {
			require.True(t, 0 <= s.Start && s.Start <= s.End && s.End <= len(src), "%v", s)
		}
		prev := 0
		for _, b := range page.Body {
			require.False(t, b.Empty())
			require.GreaterOrEqual(t, b.Start, prev)
			prev = b.End
		}
	})
}
