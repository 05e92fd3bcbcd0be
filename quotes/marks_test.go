package quotes

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

func pairs(t *testing.T, code, src string) []string {
	t.Helper()
	reg, err := lang.Default()
	require.NoError(t, err)
	p, _ := reg.Get(code)
	var out []string
	for _, q := range newMarks(p).find(nil, src, text.Span{Start: 0, End: len(src)}, 0) {
		out = append(out, q.inner.Text(src))
	}
	return out
}

func TestMarks(t *testing.T) {
	tests := []struct {
		name, lang, src string
		want            []string
	}{
		{"german low-high", "de", "Er sagte: „Das ist gut.“ Dann ging er.", []string{"Das ist gut."}},
		{"german guillemets reversed", "de", "Er sagte: »Das ist gut.« Dann.", []string{"Das ist gut."}},
		{"english curly", "en", "“It is a great honor,” he said.", []string{"It is a great honor,"}},
		{"french spaced guillemets", "fr", "Il a dit : « C'est une bonne idée » hier.", []string{"C'est une bonne idée"}},
		{"mismatched curly", "de", "wie es sein würde “eine große Ehre“, um", []string{"eine große Ehre"}},
		{"ascii then curly", "de", "ist ein \"interessanter Vorschlag“ laut", []string{"interessanter Vorschlag"}},
		{"ascii pair", "it", "ha detto \"capire\" di cosa", []string{"capire"}},
		{"apostrophes are not quotes", "it", "l’ipotesi e cosa s'intende, l'uomo", nil},
		{"english possessive", "en", "Musk's offer and the investors' view", nil},
		{"single quotes", "en", "He called it 'very interesting' today.", []string{"very interesting"}},
		{"unclosed runs to the paragraph end", "de", "ob er an \"ein Gespräch über Clubhouse", []string{"ein Gespräch über Clubhouse"}},
		{"stray closing mark after a colon", "it", "scrivendo: Si unirebbe a me?“. E poi", []string{"Si unirebbe a me?"}},
		{"nested", "en", "“He told me ‘never again’ twice,” she said.", []string{"never again", "He told me ‘never again’ twice,"}},
		{"icelandic", "is", "sagði að boð Musk væri „mjög áhugavert“.", []string{"mjög áhugavert"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.ElementsMatch(t, tt.want, pairs(t, tt.lang, tt.src))
		})
	}
}

func FuzzMarks(f *testing.F) {
	for _, s := range []string{"„a“ “b” «c» \"d“ 'e' ’f’", "\"\"\"\"", "«««", "“x“y“", "a: b?“"} {
		f.Add(s)
	}
	reg, _ := lang.Default()
	p, _ := reg.Get("de")
	m := newMarks(p)
	f.Fuzz(func(t *testing.T, src string) {
		for _, q := range m.find(nil, src, text.Span{Start: 0, End: len(src)}, 0) {
			require.True(t, 0 <= q.inner.Start && q.inner.Start < q.inner.End && q.inner.End <= len(src))
			require.Equal(t, q.inner, q.inner.Trim(src))
		}
	})
}
