package worthy

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/quantity"
	"github.com/hearsay-go/hearsay/text"
)

type tools struct {
	s *Scorer
	f *quantity.Finder
}

var (
	toolsOnce sync.Once
	byLang    map[string]tools
)

func get(t testing.TB, code string) tools {
	t.Helper()
	toolsOnce.Do(func() {
		reg, err := lang.Default()
		if err != nil {
			panic(err)
		}
		byLang = map[string]tools{"": {New(nil), quantity.New(nil)}}
		for _, c := range reg.Codes() {
			p, _ := reg.Get(c)
			byLang[c] = tools{New(p), quantity.New(p)}
		}
	})
	tl, ok := byLang[code]
	require.True(t, ok, code)
	return tl
}

// score scores the whole of src as one sentence, with its quantities.
func score(t testing.TB, code, src string) (float64, Reason) {
	tl := get(t, code)
	sp := text.Span{Start: 0, End: len(src)}
	return tl.s.Score(src, sp, tl.f.Append(nil, src, sp))
}

func TestScore(t *testing.T) {
	for _, tc := range []struct {
		lang, src string
		high      bool   // score >= 0.5
		want      Reason // reasons that must be among why
		not       Reason // reasons that must not
	}{
		// English.
		{"en", "The app has been downloaded around 5 million times.", true, Quantity, Count},
		{"en", "Elon Musk is the world's richest man.", true, Superlative, 0},
		{"en", "Tesla's market value has grown rapidly.", true, Comparison, 0},
		{"en", "Investors valued it at $ 1 billion.", true, Quantity, 0},
		{"en", "Sales rose 5% in May.", true, Quantity | Comparison, Hedge},
		{"en", "It has more than 6,000 employees.", true, Quantity | Comparison, 0},
		{"en", "Sales may rise 5% next year.", false, Quantity | Hedge, 0},
		{"en", "Is Musk the richest man in the world?", false, Question | Superlative, 0},
		{"en", "Yesterday I think the plan was good.", false, Opinion, 0},
		{"en", "We should act now.", false, Opinion, 0},
		{"en", "The meeting took place on February 13, 2021.", false, Date, Quantity},
		{"en", "Two men walked into the room.", false, Count, Quantity},
		{"en", "The weather was pleasant.", false, 0, Superlative | Comparison},
		{"en", "The protest drew interest from the latest visitors.", false, 0, Superlative},

		// German.
		{"de", "Rund 1,5 Milliarden Euro flossen in das Projekt.", true, Quantity, 0},
		{"de", "Musk ist der reichste Mensch der Welt.", true, Superlative, 0},
		{"de", "Die Preise sind im Vergleich zum Vorjahr gestiegen.", true, Comparison, 0},
		{"de", "Ich glaube, das ist richtig.", false, Opinion, 0},
		{"de", "Wir sollten jetzt handeln.", false, Opinion, 0},
		{"de", "Das könnte teuer werden.", false, Hedge, 0},
		{"de", "Er musste am 13. Februar 2021 gehen.", false, Date, Superlative},

		// Italian.
		{"it", "Musk ha un patrimonio di oltre 180 miliardi di dollari.", true, Quantity, 0},
		{"it", "Musk è l'uomo più ricco del mondo.", true, Superlative | Comparison, 0},
		{"it", "Penso che sia giusto.", false, Opinion, 0},
		{"it", "Forse arriverà domani.", false, Hedge, 0},
		{"it", "È una bella giornata.", false, 0, Quantity | Superlative | Comparison},

		// Icelandic.
		{"is", "Hann greiddi um 5 milljónir króna fyrir húsið.", true, Quantity, 0},
		{"is", "Musk er ríkasti maður heims.", true, Superlative, 0},
		{"is", "Verðið hækkaði um 2,5% milli ára.", true, Quantity | Comparison, 0},
		{"is", "Ég held að þetta sé rétt.", false, Opinion, 0},
		{"is", "Hann gæti komið á morgun.", false, Hedge, 0},
		{"is", "Hann kom síðasta sumar.", false, 0, Superlative},

		// French.
		{"fr", "L'entreprise a reçu plus de 3 millions d'euros.", true, Quantity | Comparison, 0},
		{"fr", "Musk est l'homme le plus riche du monde.", true, Superlative, 0},
		{"fr", "Je pense que c'est juste.", false, Opinion, 0},
		{"fr", "Il pourrait venir demain.", false, Hedge, 0},
		{"fr", "Le 13 février 2021, il pleuvait.", false, Date, Quantity},

		// Spanish.
		{"es", "La empresa recaudó más de 200 millones de dólares.", true, Quantity | Comparison, 0},
		{"es", "Musk es el hombre más rico del mundo.", true, Superlative | Comparison, 0},
		{"es", "Creo que es justo.", false, Opinion, 0},
		{"es", "Quizás venga mañana.", false, Hedge, 0},
		{"es", "¿Es el hombre más rico del mundo?", false, Question | Superlative, 0},
		{"es", "El 13 de febrero de 2021 llovió.", false, Date, Quantity},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			got, why := score(t, tc.lang, tc.src)
			assert.GreaterOrEqual(t, got, 0.0)
			assert.LessOrEqual(t, got, 1.0)
			if tc.high {
				assert.GreaterOrEqual(t, got, 0.5, "%q: %s", tc.src, why)
			} else {
				assert.Less(t, got, 0.5, "%q: %s", tc.src, why)
			}
			assert.Equal(t, tc.want, why&tc.want, "%q: %s", tc.src, why)
			assert.Zero(t, why&tc.not, "%q: %s", tc.src, why)
		})
	}
}

// TestOrder: stronger evidence scores higher, penalties lower.
func TestOrder(t *testing.T) {
	nothing, _ := score(t, "en", "The weather was pleasant.")
	date, _ := score(t, "en", "It rained on February 13, 2021.")
	money, _ := score(t, "en", "It cost $ 1 billion.")
	both, _ := score(t, "en", "It cost more than $ 1 billion.")
	hedged, _ := score(t, "en", "It may cost more than $ 1 billion.")
	asked, _ := score(t, "en", "Did it cost more than $ 1 billion?")
	assert.Less(t, nothing, date)
	assert.Less(t, date, money)
	assert.Less(t, money, both)
	assert.Less(t, hedged, both)
	assert.Less(t, asked, hedged)
}

// TestEveryPenaltyBelowHalf: with every signal of evidence, a question, an
// opinion or a hedge still keeps the score below 0.5.
func TestEveryPenaltyBelowHalf(t *testing.T) {
	all := Quantity | Comparison | Superlative | Date | Count
	assert.Greater(t, scoreOf(all), 0.9)
	for _, p := range []Reason{Question, Opinion, Hedge} {
		assert.Less(t, scoreOf(all|p), 0.5, p.String())
	}
	for _, r := range []Reason{Quantity, Comparison, Superlative} {
		assert.GreaterOrEqual(t, scoreOf(r), 0.5, r.String())
	}
	assert.Less(t, scoreOf(Date|Count), 0.5)
}

func TestQuantityGrades(t *testing.T) {
	src := "2021 13 13.5 2500 two hundred 5 million $5"
	f := get(t, "en").f
	qs := f.Append(nil, src, text.Span{End: len(src)})
	var grades []string
	for _, q := range qs {
		grades = append(grades, q.Text(src)+"="+quantityReason(src, q).String())
	}
	assert.Equal(t, []string{
		"2021=date", "13=count", "13.5=quantity", "2500=quantity", "two hundred=quantity", "5 million=quantity", "$5=quantity",
	}, grades)
}

// TestSentenceOnly: quantities and words outside the sentence do not count.
func TestSentenceOnly(t *testing.T) {
	tl := get(t, "en")
	src := "It cost $ 1 billion, the most ever. The weather was pleasant."
	all := tl.f.Append(nil, src, text.Span{End: len(src)})
	second := text.Span{Start: strings.Index(src, "The weather"), End: len(src)}
	got, why := tl.s.Score(src, second, all)
	assert.Less(t, got, 0.5)
	assert.Equal(t, Reason(0), why)

	// Bad spans are clipped, never a panic.
	_, why = tl.s.Score(src, text.Span{Start: -3, End: 1 << 20}, all)
	assert.NotZero(t, why&Quantity)
	got, why = tl.s.Score(src, text.Span{Start: 40, End: 2}, all)
	assert.Equal(t, Reason(0), why)
	assert.InDelta(t, base, got, 1e-12)
}

func TestNilPack(t *testing.T) {
	got, why := score(t, "", "It cost $ 1 billion.")
	assert.GreaterOrEqual(t, got, 0.5)
	assert.Equal(t, Quantity, why)
	got, why = score(t, "", "It is the richest man?")
	assert.Less(t, got, 0.5)
	assert.Equal(t, Question, why)
}

func TestReasonString(t *testing.T) {
	assert.Equal(t, "none", Reason(0).String())
	assert.Equal(t, "quantity+superlative", (Quantity | Superlative).String())
	assert.Equal(t, "quantity+comparison+superlative+date+count+question+opinion+hedge",
		(Quantity | Comparison | Superlative | Date | Count | Question | Opinion | Hedge).String())
	assert.Equal(t, "hedge+0x100", (Hedge | 1<<8).String())
	b, err := json.Marshal(struct{ Why Reason }{Opinion | Hedge})
	require.NoError(t, err)
	assert.JSONEq(t, `{"Why":"opinion+hedge"}`, string(b))
}

func TestConcurrent(t *testing.T) {
	tl := get(t, "de")
	src := "Rund 1,5 Milliarden Euro. Musk ist der reichste Mensch der Welt. Das könnte teuer werden."
	qs := tl.f.Append(nil, src, text.Span{End: len(src)})
	sp := text.Span{End: len(src)}
	want, wantWhy := tl.s.Score(src, sp, qs)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				got, why := tl.s.Score(src, sp, qs)
				assert.Equal(t, want, got)
				assert.Equal(t, wantWhy, why)
			}
		}()
	}
	wg.Wait()
}

func TestAllocs(t *testing.T) {
	tl := get(t, "en")
	src := "Elon Musk, who I think is the world's richest man, said revenue grew more than 5% to $ 1 billion."
	sp := text.Span{End: len(src)}
	qs := tl.f.Append(nil, src, sp)
	allocs := testing.AllocsPerRun(100, func() { tl.s.Score(src, sp, qs) })
	assert.Zero(t, allocs)
}

func FuzzScore(f *testing.F) {
	for _, s := range []string{
		"Elon Musk is the world's richest man.", "¿Es el hombre más rico del mundo?", "Ich glaube, das ist richtig.",
		"Musk er ríkasti maður heims.", "l’homme le plus riche", "\xff?", "", "?”", "I", "ΣΊΣΥΦΟΣ richest",
	} {
		f.Add(s, 0, len(s), uint8(1))
	}
	codes := []string{"", "de", "en", "es", "fr", "is", "it"}
	f.Fuzz(func(t *testing.T, src string, start, end int, which uint8) {
		tl := get(t, codes[int(which)%len(codes)])
		sp := text.Span{Start: start, End: end}
		qs := tl.f.Append(nil, src, sp)
		got, why := tl.s.Score(src, sp, qs)
		if !(got >= 0 && got <= 1) {
			t.Fatalf("score %v out of [0,1] for %q", got, src)
		}
		if why&(Question|Opinion|Hedge) != 0 && got >= 0.5 {
			t.Fatalf("score %v with %s", got, why)
		}
	})
}

func BenchmarkScore(b *testing.B) {
	tl := get(b, "en")
	src := "Elon Musk, the world's richest man, said on February 13, 2021 that Tesla's revenue had grown rapidly, " +
		"by more than 5 per cent, to $ 1 billion, and that two factories would open."
	sp := text.Span{End: len(src)}
	qs := tl.f.Append(nil, src, sp)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tl.s.Score(src, sp, qs)
	}
}
