package entities

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Pútín": "putin", "Þýskaland": "thyskaland", "Straße": "strasse", "Ærø": "aero",
		"Łódź": "lodz", "Œuvre": "oeuvre", "l’ipotesi": "l'ipotesi", "Dimitrí": "dimitri",
		"ASCII": "ascii", "İstanbul": "istanbul", "Đorđe": "dorde", "": "",
	} {
		assert.Equal(t, want, fold(in), in)
	}
}

func TestTranslitAndNearlyEqual(t *testing.T) {
	assert.Equal(t, "peskov", translit("peskow"))
	assert.Equal(t, "tenev", translit("teneff"))
	assert.Equal(t, "ow", translit("ow"), "too short to change")
	for _, s := range translitSuffixes {
		assert.True(t, mayTranslit(s[0]), "mayTranslit must pass every ending: %q", s[0])
	}
	assert.True(t, nearlyEqual("musk", "munk"))
	assert.True(t, nearlyEqual("kgb", "kbg"), "transposition")
	assert.True(t, nearlyEqual("dmitry", "dimitry"), "insertion")
	assert.False(t, nearlyEqual("musk", "mask1"))
	assert.False(t, nearlyEqual("putin", "tupin"))
}
