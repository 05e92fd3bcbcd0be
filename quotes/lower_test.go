package quotes

import (
	"strings"
	"testing"
)

// lowerRef is how tokens were lower-cased before writeLower.
func lowerRef(w string) string { return strings.ReplaceAll(strings.ToLower(w), "’", "'") }

func lowered(w string) string {
	i, apos := lowerFrom(w)
	if i < 0 {
		if apos != strings.Contains(w, "'") {
			panic("apostrophe not reported: " + w)
		}
		return w
	}
	var b strings.Builder
	writeLower(&b, w, i)
	return b.String()
}

func TestLower(t *testing.T) {
	for _, w := range []string{"", "said", "Said", "SAID", "l’ipotesi", "L’Ipotesi", "Þórdís", "İstanbul", "ΣΟΦΙΑ",
		"réunion", "Kreml-Sprecher", "\xff", "a\x80b", "É\xe2\x80", "\uFFFD", "’", "@ElonMusk", "ǅ", "Ⅻ"} {
		if got, want := lowered(w), lowerRef(w); got != want {
			t.Errorf("%q: got %q, want %q", w, got, want)
		}
	}
}

func FuzzLower(f *testing.F) {
	f.Add("L’Ipotesi")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := lowered(w), lowerRef(w); got != want {
			t.Errorf("%q: got %q, want %q", w, got, want)
		}
	})
}
