package quantity

import (
	"encoding/json"
	"math"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

// want is one expected quantity: its exact text, kind, value and unit.
type want struct {
	text  string
	kind  Kind
	value float64
	unit  string
}

var (
	finderOnce sync.Once
	finders    map[string]*Finder
)

// finder returns the shared Finder of a built-in language.
func finder(t testing.TB, code string) *Finder {
	t.Helper()
	finderOnce.Do(func() {
		reg, err := lang.Default()
		if err != nil {
			panic(err)
		}
		finders = map[string]*Finder{"": New(nil)}
		for _, c := range reg.Codes() {
			p, _ := reg.Get(c)
			finders[c] = New(p)
		}
	})
	f, ok := finders[code]
	require.True(t, ok, "no pack %q", code)
	return f
}

func find(t testing.TB, code, src string) []Quantity {
	return finder(t, code).Append(nil, src, text.Span{Start: 0, End: len(src)})
}

// check compares the quantities found in src with ws, text first so that
// a failure shows what was read.
func check(t *testing.T, code, src string, ws []want) {
	t.Helper()
	got := find(t, code, src)
	texts := make([]string, len(got))
	for i, q := range got {
		texts[i] = src[q.Start:q.End]
	}
	wantTexts := make([]string, len(ws))
	for i, w := range ws {
		wantTexts[i] = w.text
	}
	require.Equal(t, wantTexts, texts, "%s: %q", code, src)
	for i, w := range ws {
		q := got[i]
		assert.Equal(t, w.kind, q.Kind, "%q kind", w.text)
		assert.InDelta(t, w.value, q.Value, 1e-9*max(1, abs(w.value)), "%q value", w.text)
		assert.Equal(t, w.unit, q.Unit, "%q unit", w.text)
		assert.Equal(t, w.text, q.Text(src), "the span is the text")
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestFind(t *testing.T) {
	for _, tc := range []struct {
		lang, src string
		want      []want
	}{
		// English.
		{"en", "The app was downloaded around 5 million times.", []want{{"5 million", Number, 5e6, ""}}},
		{"en", "Musk offered $ 1 billion for it.", []want{{"$ 1 billion", Money, 1e9, "USD"}}},
		{"en", "It cost $5m, then US$3.5bn, then £2 million.", []want{
			{"$5m", Money, 5e6, "USD"}, {"US$3.5bn", Money, 3.5e9, "USD"}, {"£2 million", Money, 2e6, "GBP"}}},
		{"en", "Revenue rose 1,234.5 million dollars, or 12.5 per cent.", []want{
			{"1,234.5 million dollars", Money, 1.2345e9, "USD"}, {"12.5 per cent", Percent, 12.5, "%"}}},
		{"en", "Unemployment fell to 5% after a 100m sprint of 10 kilometres.", []want{
			{"5%", Percent, 5, "%"}, {"100m", Measure, 100, "m"}, {"10 kilometres", Measure, 10, "km"}}},
		{"en", "It was signed on February 13, 2021, in May 2021 and on Feb. 3.", []want{
			{"February 13, 2021", Date, 0, "2021-02-13"}, {"May 2021", Date, 0, "2021-05"}, {"Feb. 3", Date, 0, "--02-03"}}},
		{"en", "On the 13th of February the law of 2/13/2021 took effect in 2021.", []want{
			{"13th of February", Date, 0, "--02-13"}, {"2/13/2021", Date, 0, "2021-02-13"}, {"2021", Date, 0, "2021"}}},
		{"en", "Over 2000 people and two hundred million users; a million dollars.", []want{
			{"2000", Number, 2000, ""}, {"two hundred million", Number, 2e8, ""}, {"a million dollars", Money, 1e6, "USD"}}},
		{"en", "Two of them served a 5-year term; losses were -3.5%.", []want{
			{"Two", Number, 2, ""}, {"5-year", Measure, 5, "year"}, {"-3.5%", Percent, -3.5, "%"}}},
		{"en", "Sales of 2.5 trillion yen, 3 million tonnes and 40 degrees Celsius.", []want{
			{"2.5 trillion yen", Money, 2.5e12, "JPY"}, {"3 million tonnes", Measure, 3e6, "t"}, {"40 degrees Celsius", Measure, 40, "°C"}}},

		// German.
		{"de", "Das kostet rund 1,5 Milliarden Euro.", []want{{"1,5 Milliarden Euro", Money, 1.5e9, "EUR"}}},
		{"de", "Er erhielt 2,3 Mrd. € und 40 Mio. US-Dollar, über 1.234.567 Menschen.", []want{
			{"2,3 Mrd. €", Money, 2.3e9, "EUR"}, {"40 Mio. US-Dollar", Money, 4e7, "USD"}, {"1.234.567", Number, 1234567, ""}}},
		{"de", "Die Quote stieg um 2,5 Prozent auf 12 Prozentpunkte in 5 Jahren.", []want{
			{"2,5 Prozent", Percent, 2.5, "%"}, {"12 Prozentpunkte", Measure, 12, "pp"}, {"5 Jahren", Measure, 5, "year"}}},
		{"de", "Am 13. Februar 2021, am 13.02.2021 und im Jahr 2019 war es so.", []want{
			{"13. Februar 2021", Date, 0, "2021-02-13"}, {"13.02.2021", Date, 0, "2021-02-13"}, {"2019", Date, 0, "2019"}}},
		{"de", "Eine Milliarde Euro für zwei Schulen; 1'000 Franken.", []want{
			{"Eine Milliarde Euro", Money, 1e9, "EUR"}, {"zwei", Number, 2, ""}, {"1'000 Franken", Money, 1000, "CHF"}}},

		// Italian.
		{"it", "Un patrimonio di oltre 180 miliardi di dollari.", []want{{"180 miliardi di dollari", Money, 1.8e11, "USD"}}},
		{"it", "Il 13 febbraio 2021 e nel 2020 ha perso il 2,5 per cento, 3 mln di euro.", []want{
			{"13 febbraio 2021", Date, 0, "2021-02-13"}, {"2020", Date, 0, "2020"}, {"2,5 per cento", Percent, 2.5, "%"},
			{"3 mln di euro", Money, 3e6, "EUR"}}},
		{"it", "Un milione di persone in 10 anni, 5 milioni di tonnellate, il 1° marzo.", []want{
			{"Un milione", Number, 1e6, ""}, {"10 anni", Measure, 10, "year"}, {"5 milioni di tonnellate", Measure, 5e6, "t"},
			{"1° marzo", Date, 0, "--03-01"}}},

		// Icelandic.
		{"is", "Hann greiddi um 5 milljónir króna fyrir það.", []want{{"5 milljónir króna", Money, 5e6, "ISK"}}},
		{"is", "Þann 13. febrúar 2021 og árið 2020 hækkaði verðið um 2,5%.", []want{
			{"13. febrúar 2021", Date, 0, "2021-02-13"}, {"2020", Date, 0, "2020"}, {"2,5%", Percent, 2.5, "%"}}},
		{"is", "Tveir menn greiddu 3 milljarða dollara og 5.000 kr. fyrir 10 kílómetra.", []want{
			{"Tveir", Number, 2, ""}, {"3 milljarða dollara", Money, 3e9, "USD"}, {"5.000 kr.", Money, 5000, "ISK"},
			{"10 kílómetra", Measure, 10, "km"}}},
		{"is", "Um 40 prósent eða 200 milljónum evra, ein milljón.", []want{
			{"40 prósent", Percent, 40, "%"}, {"200 milljónum evra", Money, 2e8, "EUR"}, {"ein milljón", Number, 1e6, ""}}},

		// French.
		{"fr", "Il a reçu plus de 3 millions d'euros.", []want{{"3 millions d'euros", Money, 3e6, "EUR"}}},
		{"fr", "Le 13 février 2021, en 2020 et le 1er mars, 1 234,5 km.", []want{
			{"13 février 2021", Date, 0, "2021-02-13"}, {"2020", Date, 0, "2020"}, {"1er mars", Date, 0, "--03-01"},
			{"1 234,5 km", Measure, 1234.5, "km"}}},
		{"fr", "Une hausse de 12,5 % ou 5 pour cent, 3 M€ et 2 milliards de dollars.", []want{
			{"12,5 %", Percent, 12.5, "%"}, {"5 pour cent", Percent, 5, "%"}, {"3 M€", Money, 3e6, "EUR"},
			{"2 milliards de dollars", Money, 2e9, "USD"}}},
		{"fr", "Environ 10\u00a0000 habitants et 3\u202f500 euros.", []want{
			{"10\u00a0000", Number, 10000, ""}, {"3\u202f500 euros", Money, 3500, "EUR"}}},

		// Spanish.
		{"es", "Más de 200 millones de dólares.", []want{{"200 millones de dólares", Money, 2e8, "USD"}}},
		{"es", "El 13 de febrero de 2021 y en 2020 ganó 5 mil millones de euros.", []want{
			{"13 de febrero de 2021", Date, 0, "2021-02-13"}, {"2020", Date, 0, "2020"}, {"5 mil millones de euros", Money, 5e9, "EUR"}}},
		{"es", "Un millón de personas, un 3,5 por ciento, 20 kilómetros y dos años.", []want{
			{"Un millón", Number, 1e6, ""}, {"3,5 por ciento", Percent, 3.5, "%"}, {"20 kilómetros", Measure, 20, "km"},
			{"dos años", Measure, 2, "year"}}},
		{"es", "Unos 15 000 dólares cada uno.", []want{{"15 000 dólares", Money, 15000, "USD"}}},
		{"is", "Potturinn var 1,5 milljón dala.", []want{{"1,5 milljón dala", Money, 1.5e6, "USD"}}},
		{"en", "In March 5 million people voted.", []want{{"5 million", Number, 5e6, ""}}},
		// English groups with commas: the "000" after a space is no number.
		{"en", "About 15 000 people.", []want{{"15", Number, 15, ""}}},
		{"en", "From 5 million $5 each to 3 $ 4.", []want{
			{"5 million", Number, 5e6, ""}, {"$5", Money, 5, "USD"}, {"3 $", Money, 3, "USD"}, {"4", Number, 4, ""}}},
	} {
		t.Run(tc.lang, func(t *testing.T) { check(t, tc.lang, tc.src, tc.want) })
	}
}

// TestNotQuantities lists numbers that count nothing: parts of names and
// codes, times, versions, ordinals, and number words worth one.
func TestNotQuantities(t *testing.T) {
	for _, tc := range []struct{ lang, src string }{
		{"en", "COVID-19 and G7 and the A380 in 3D."},
		{"en", "At 15:30 on a 24/7 line with version 1.2.3."},
		{"en", "In the 1990s, one of them came first; a year later the 2nd."},
		{"en", "It may be so."},
		{"en", "Agent 007 was there."},
		{"de", "Ein Mann kam um 13.02. an."},
		{"fr", "Le 1er ministre et un homme."},
		{"is", "Einn maður og eitt hús."},
	} {
		assert.Empty(t, find(t, tc.lang, tc.src), "%s: %q", tc.lang, tc.src)
	}
}

func TestNilPack(t *testing.T) {
	check(t, "", "Paid € 5 and $1,200.50 (USD 3) for 7% on 2021-02-13; 5 million.", []want{
		{"€ 5", Money, 5, "EUR"}, {"$1,200.50", Money, 1200.5, "USD"}, {"USD 3", Money, 3, "USD"},
		{"7%", Percent, 7, "%"}, {"2021-02-13", Date, 0, "2021-02-13"}, {"5", Number, 5, ""},
	})
}

// TestScaleBeforeCurrency: a word both a scale and a unit ("m") is a scale
// only in money.
func TestScaleOrUnit(t *testing.T) {
	check(t, "en", "$5m and 5 m", []want{{"$5m", Money, 5e6, "USD"}, {"5 m", Measure, 5, "m"}})
	check(t, "fr", "3 M€ et 3 m", []want{{"3 M€", Money, 3e6, "EUR"}, {"3 m", Measure, 3, "m"}})
}

func TestSpan(t *testing.T) {
	src := "First 5 million. Then 7 billion. Last 9%."
	second := text.Span{Start: strings.Index(src, "Then"), End: strings.Index(src, "Last")}
	got := finder(t, "en").Append(nil, src, second)
	require.Len(t, got, 1)
	assert.Equal(t, "7 billion", got[0].Text(src))

	// Out-of-range and mid-rune spans are clipped, never a panic.
	f := finder(t, "en")
	assert.Len(t, f.Append(nil, src, text.Span{Start: -5, End: 1000}), 3)
	assert.Empty(t, f.Append(nil, src, text.Span{Start: 30, End: 10}))
	eur := "€5"
	got = f.Append(nil, eur, text.Span{Start: 1, End: len(eur)})
	require.Len(t, got, 1)
	assert.Equal(t, "5", got[0].Text(eur))

	// Append appends.
	dst := []Quantity{{Kind: Date}}
	dst = f.Append(dst, src, second)
	assert.Len(t, dst, 2)
}

func TestKind(t *testing.T) {
	for k, name := range map[Kind]string{Number: "number", Money: "money", Percent: "percent", Date: "date", Measure: "measure"} {
		assert.Equal(t, name, k.String())
		b, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
	}
	assert.Equal(t, "kind(9)", Kind(9).String())

	q := find(t, "en", "$5m")[0]
	b, err := json.Marshal(q)
	require.NoError(t, err)
	assert.JSONEq(t, `{"start":0,"end":3,"kind":"money","value":5000000,"unit":"USD"}`, string(b))
}

// TestPackData: a pack of one's own drives the Finder; nothing is built in
// beyond symbols.
func TestPackData(t *testing.T) {
	p, err := lang.Parse(strings.NewReader(`
code = "xx"
[sentences]
months = ["zorg", "blip"]
[numbers]
decimal_separator = ","
group_separators = ["_"]
percent = ["perzork"]
approximators = ["ungh"]
unit_connectors = ["ot"]
year_prepositions = ["yn"]
month_prefixes = [["zo"], ["bl"], ["c"], ["d"], ["e"], ["f"], ["g"], ["h"], ["i"], ["j"], ["k"], ["l"]]
[numbers.scales]
"grand" = 1e3
[numbers.currencies]
"zlots" = "PLN"
[numbers.units]
"leagues" = "lea"
[numbers.number_words]
"tvo" = 2
`))
	require.NoError(t, err)
	src := "ungh 1_234,5 grand ot zlots, 3 perzork, tvo leagues, 2 zorg 2021, yn 1999, 5 million."
	got := New(p).Append(nil, src, text.Span{Start: 0, End: len(src)})
	var texts []string
	for _, q := range got {
		texts = append(texts, q.Text(src)+"|"+q.Kind.String()+"|"+q.Unit)
	}
	assert.Equal(t, []string{
		"1_234,5 grand ot zlots|money|PLN", "3 perzork|percent|%", "tvo leagues|measure|lea",
		"2 zorg 2021|date|2021-01-02", "1999|date|1999", "5|number|",
	}, texts)
	assert.InDelta(t, 1234500, got[0].Value, 1e-6)
}

func TestConcurrent(t *testing.T) {
	f := finder(t, "de")
	src := strings.Repeat("Rund 1,5 Milliarden Euro am 13. Februar 2021. ", 20)
	want := f.Append(nil, src, text.Span{Start: 0, End: len(src)})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				assert.Equal(t, want, f.Append(nil, src, text.Span{Start: 0, End: len(src)}))
			}
		}()
	}
	wg.Wait()
}

// TestAllocs: apart from the slice and a date's ISO string, finding
// allocates nothing.
func TestAllocs(t *testing.T) {
	f := finder(t, "en")
	src := "Revenue rose around 5 million dollars, or 12.5 per cent, to $ 1 billion over 10 km; two of them."
	dst := make([]Quantity, 0, 16)
	allocs := testing.AllocsPerRun(100, func() {
		dst = f.Append(dst[:0], src, text.Span{Start: 0, End: len(src)})
	})
	assert.Len(t, dst, 5)
	assert.Zero(t, allocs)
}

// checkInvariants holds for every input: quantities inside sp, in order,
// not overlapping, on rune boundaries, never empty.
func checkInvariants(t *testing.T, src string, sp text.Span, qs []Quantity) {
	c := sp.Clip(src)
	start, end := c.Start, c.End
	bound := map[int]bool{start: true, end: true}
	for i := start; i < end; {
		_, n := utf8.DecodeRuneInString(src[i:end])
		i += n
		bound[i] = true
	}
	prev := start
	for _, q := range qs {
		if q.Start < prev || q.End <= q.Start || q.End > end {
			t.Fatalf("span %v out of order or outside [%d,%d) after %d in %q", q.Span, start, end, prev, src)
		}
		if !bound[q.Start] || !bound[q.End] {
			t.Fatalf("span %v not on rune boundaries in %q", q.Span, src)
		}
		prev = q.End
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range []string{
		"downloaded around 5 million times", "oltre 180 miliardi di dollari", "$ 1 billion", "rund 1,5 Milliarden Euro",
		"um 5 milljónir króna", "plus de 3 millions d'euros", "más de 200 millones de dólares", "13. Februar 2021",
		"13 de febrero de 2021", "1 234,5 %", "2021-02-31", "9999999999999999999999999.99999999999999999999999999 bn",
		"€\xff5", "5\u202f", "-", "US$", "1.", "Feb. 29, 2021", "31/02/2020",
	} {
		f.Add(s, 0, len(s), uint8(0))
	}
	codes := []string{"", "de", "en", "es", "fr", "is", "it"}
	f.Fuzz(func(t *testing.T, src string, start, end int, which uint8) {
		fd := finder(t, codes[int(which)%len(codes)])
		sp := text.Span{Start: start, End: end}
		checkInvariants(t, src, sp, fd.Append(nil, src, sp))
	})
}

func BenchmarkAppend(b *testing.B) {
	f := finder(b, "en")
	src := strings.Repeat("The company, founded in 2004, said on February 13, 2021 that revenue rose around 5 million dollars, "+
		"or 12.5 per cent, to $ 1 billion, while two of its 3,400 stores closed over 10 km away. ", 50)
	sp := text.Span{Start: 0, End: len(src)}
	dst := make([]Quantity, 0, 512)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dst = f.Append(dst[:0], src, sp)
	}
}

// TestHugeNumbersAreDropped: a value past float64's range would be +Inf,
// which JSON cannot write (found by FuzzExtract).
func TestHugeNumbersAreDropped(t *testing.T) {
	f := New(nil)
	src := "1" + strings.Repeat("0", 400) + " and 12 %"
	qs := f.Append(nil, src, text.Span{Start: 0, End: len(src)})
	for _, q := range qs {
		assert.False(t, math.IsInf(q.Value, 0) || math.IsNaN(q.Value), "%q = %v", q.Text(src), q.Value)
	}
	require.NotEmpty(t, qs)
	assert.Equal(t, "12 %", qs[len(qs)-1].Text(src))
}
