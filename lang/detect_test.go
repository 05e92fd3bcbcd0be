package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDetectSentences(t *testing.T) {
	reg, err := Default()
	require.NoError(t, err)
	for _, tc := range []struct{ want, text string }{
		{"en", "The minister said that the plan would be announced on Monday."},
		{"en", "It was a long day, but we didn't give up."},
		{"en", "Where are you going?"},
		{"en", "Police have arrested two men in connection with the attack."},
		{"de", "Der Kanzler sagte, dass die Regierung den Plan prüfen werde."},
		{"de", "Wir haben es nicht gewusst."},
		{"de", "Straßenbahn fährt wieder"},
		{"de", "Die Polizei hat zwei Männer festgenommen."},
		{"it", "Il ministro ha detto che il piano sarà presentato lunedì."},
		{"it", "Non è stato facile, ma ce l'abbiamo fatta."},
		{"it", "L'uomo più ricco del mondo."},
		{"it", "La polizia ha arrestato due uomini dopo l'attacco."},
		{"is", "Ráðherrann sagði að áætlunin yrði kynnt á mánudag."},
		{"is", "Hann er ekki hér."},
		{"is", "Lögreglan handtók tvo menn í gær."},
		{"fr", "Le ministre a déclaré que le plan serait présenté lundi."},
		{"fr", "C'est l'homme qu'il a vu hier."},
		{"fr", "Nous ne savons pas encore pourquoi."},
		{"fr", "La police a arrêté deux hommes après l'attaque."},
		{"es", "El ministro dijo que el plan se presentará el lunes."},
		{"es", "¿Dónde está la estación?"},
		{"es", "No sabemos todavía por qué."},
		{"es", "La policía detuvo a dos hombres tras el ataque."},
	} {
		got := reg.Detect(tc.text)
		assert.Equal(t, tc.want, got.Code, "%q", tc.text)
		assert.Greater(t, got.Confidence, 0.0, "%q", tc.text)
		assert.LessOrEqual(t, got.Confidence, 1.0, "%q", tc.text)
	}
}

// seedLanguages are the languages of the seed articles in testdata/seeds,
// by file name prefix.
var seedLanguages = map[string]string{"000": "is", "001": "de", "002": "it", "003": "en", "004": "it"}

func TestDetectSeeds(t *testing.T) {
	reg, err := Default()
	require.NoError(t, err)
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.Len(t, files, len(seedLanguages))
	for _, name := range files {
		want, ok := seedLanguages[filepath.Base(name)[:3]]
		require.True(t, ok, name)
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		got := reg.Detect(string(data))
		assert.Equal(t, want, got.Code, name)
		assert.Greater(t, got.Confidence, 0.5, name)
		t.Logf("%s: %s %.2f", filepath.Base(name), got.Code, got.Confidence)
	}
}

func TestDetectNothing(t *testing.T) {
	reg, err := Default()
	require.NoError(t, err)
	for _, text := range []string{"", "   ", "12345 678.90", "!!! ??? ---", "\xff\xfe\xfd", "🙂🙂🙂"} {
		assert.Equal(t, Detection{}, reg.Detect(text), "%q", text)
	}
}

func TestDetectElision(t *testing.T) {
	reg, err := Default()
	require.NoError(t, err)
	// The apostrophe forms (typewriter and typographic) split elided
	// articles off the following word.
	assert.Equal(t, "fr", reg.Detect("l'homme d'affaires").Code)
	assert.Equal(t, "fr", reg.Detect("l’homme d’affaires").Code)
	assert.Equal(t, "it", reg.Detect("dell’uomo nell'ufficio").Code)
	assert.Equal(t, "en", reg.Detect("I don't know, it's fine").Code)
}

func TestDetectRobust(t *testing.T) {
	reg, err := Default()
	require.NoError(t, err)
	de := "Die Regierung hat gesagt, dass sie nicht zurücktreten wird. "

	// Longer than the 16 KiB read, with the cut inside a multi-byte rune.
	long := "x" + strings.Repeat("ä", maxDetectBytes/2) + strings.Repeat(de, 100)
	require.False(t, utf8.RuneStart(long[maxDetectBytes]))
	assert.Equal(t, "de", reg.Detect(long).Code)
	long = strings.Repeat(de, 400)[:maxDetectBytes-1] + "þ" + strings.Repeat("þ", 1000)
	require.False(t, utf8.RuneStart(long[maxDetectBytes]))
	assert.Equal(t, "de", reg.Detect(long).Code, "the text after the cut is not read")
	assert.Equal(t, "de", reg.Detect(strings.Repeat(de, 1000)).Code)

	// Invalid UTF-8 and odd runes among the words.
	assert.Equal(t, "de", reg.Detect("\xff"+de+"\xc3\x28 \xe2\x82 und \x00 die"+"\xf0").Code)
	assert.Equal(t, "de", reg.Detect(strings.Repeat("\u0301\u200b", 10)+de).Code)

	// Soft hyphens and decomposed accents do not break words.
	assert.Equal(t, "de", reg.Detect("Die Bundes\u00adregierung hat es nicht gesagt.").Code)
	assert.Equal(t, "fr", reg.Detect("Il a e\u0301te\u0301 de\u0301ja\u0300 la\u0300.").Code)

	// A word far longer than any function word.
	assert.Equal(t, "de", reg.Detect(strings.Repeat("ö", 500)+" "+de).Code)
	assert.NotPanics(t, func() { reg.Detect(strings.Repeat("x'", 100) + "'''" + strings.Repeat("é", 200) + "'") })
}

func TestDetectConcurrent(t *testing.T) {
	reg, err := Default()
	require.NoError(t, err)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if got := reg.Detect("Hann er ekki hér."); got.Code != "is" {
					t.Errorf("got %q", got.Code)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzDetect(f *testing.F) {
	reg, err := Default()
	require.NoError(f, err)
	codes := map[string]bool{"": true}
	for _, c := range reg.Codes() {
		codes[c] = true
	}
	for _, s := range []string{"", "l'homme", "Straße", "\xff\xfe", "a'b'c", "þetta er", "¿Qué?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := reg.Detect(s)
		if !codes[got.Code] {
			t.Fatalf("unknown code %q", got.Code)
		}
		if got.Confidence < 0 || got.Confidence > 1 || (got.Code == "") != (got.Confidence == 0) {
			t.Fatalf("bad detection %+v", got)
		}
	})
}

func ExampleRegistry_Detect() {
	reg, err := Default()
	if err != nil {
		panic(err)
	}
	for _, text := range []string{
		"The president said he would not run again.",
		"Der Präsident sagte, er werde nicht wieder antreten.",
		"Forsetinn sagðist ekki ætla að bjóða sig fram aftur.",
		"Il presidente ha detto che non si ricandiderà.",
		"Le président a dit qu'il ne se représenterait pas.",
		"El presidente dijo que no volverá a presentarse.",
	} {
		fmt.Println(reg.Detect(text).Code)
	}
	// Output:
	// en
	// de
	// is
	// it
	// fr
	// es
}

func BenchmarkDetect(b *testing.B) {
	reg, err := Default()
	require.NoError(b, err)
	files, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(b, err)
	require.NotEmpty(b, files)
	var texts []string
	size := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(b, err)
		texts = append(texts, string(data))
		size += min(len(data), maxDetectBytes)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, text := range texts {
			reg.Detect(text)
		}
	}
}

func TestCompose(t *testing.T) {
	assert.Equal(t, 'é', compose('e', '\u0301'))
	assert.Equal(t, 'ç', compose('c', '\u0327'))
	assert.Equal(t, 'ÿ', compose('y', '\u0308'))
	assert.Equal(t, rune(0), compose('x', '\u0301'))
	assert.Equal(t, rune(0), compose('e', '\u20dd'))
}
