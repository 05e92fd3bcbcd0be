package entities

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/internal/bundled"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

// lexRecognizers returns a recognizer per built-in pack, one for a pack
// built by hand (stopwords it does not know) and one with no pack.
func lexRecognizers(t testing.TB) []*Recognizer {
	reg, err := lang.Default()
	if err != nil {
		t.Fatal(err)
	}
	gaz, err := DefaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	var rs []*Recognizer
	for _, code := range reg.Codes() {
		p, _ := reg.Get(code)
		rs = append(rs, NewRecognizer(p, gaz, WithNotNames("Februar", "Þriðjudagur")))
	}
	p, _ := reg.Get("de")
	raw := &lang.Pack{Code: "xx", Stopwords: p.Stopwords, Titles: []string{"Dr", "dr.", "Prof"}, Determiners: []string{"Die", "für"}}
	return append(rs, NewRecognizer(raw, gaz), NewRecognizer(nil, nil))
}

// checkLex compares, for each word src makes, what Recognizer.lex says of
// it with the lists it was built from.
func checkLex(t testing.TB, r *Recognizer, src string) {
	f := getFinder(r)
	defer f.release()
	toks := text.AppendTokens(nil, src, text.Span{End: len(src)})
	ws := f.words(nil, src, toks, 0)
	for k := range ws {
		w := &ws[k]
		// The identities lowIn and sIn rest on.
		if w.low != strings.ToLower(w.s) || w.f != fold(w.low) || w.f != fold(strings.ToLower(w.s)) {
			t.Fatalf("%s: %q: low %q, f %q", r.pack.Code, w.s, w.low, w.f)
		}
		if w.lowIsF != (w.low == w.f) || w.sIsF != (w.s == w.f) {
			t.Fatalf("%s: %q: lowIsF %v, sIsF %v", r.pack.Code, w.s, w.lowIsF, w.sIsF)
		}
		// What appendWord and appendASCIIWord read of the word's shape, as
		// plain code has it.
		first, _ := utf8.DecodeRuneInString(w.s)
		if w.handle != (first == '@') || !w.handle && (w.upper != unicode.IsUpper(first) ||
			w.acronym != isAcronymWord(w.s) || w.camel != (camelRef(w.s) && !r.glued(w.s))) {
			t.Fatalf("%s: %q: handle %v upper %v acronym %v camel %v", r.pack.Code, w.s, w.handle, w.upper, w.acronym, w.camel)
		}
		if w.ascii && w.caps != isAllUpper(w.s) {
			t.Fatalf("%s: %q: caps %v", r.pack.Code, w.s, w.caps)
		}
		if w.fIsFold != (fold(w.s) == w.f) && w.memo&memoFoldS != 0 {
			t.Fatalf("%s: %q: fIsFold %v", r.pack.Code, w.s, w.fIsFold)
		}
		// The gazetteer's answers from the word's facts, as asked by its
		// text.
		e, ok := r.aliasOf(w)
		e2, ok2 := r.gaz.Lookup(w.s)
		typ, hinted := r.typeHint(ws, k, k+1)
		typ2, hinted2 := r.gaz.TypeHint(w.s)
		if e != e2 || ok != ok2 || r.isGiven(w) != r.gaz.IsGivenName(w.s) || typ != typ2 || hinted != hinted2 {
			t.Fatalf("%s: %q: alias %v %v, given %v, hint %v %v", r.pack.Code, w.s, e, e2, r.isGiven(w), typ, typ2)
		}
		for n := 2; n <= 3 && k+n <= len(ws); n++ {
			typ, hinted := r.typeHint(ws, k, k+n)
			typ2, hinted2 := r.gaz.typeHintWords(ws[k : k+n])
			if typ != typ2 || hinted != hinted2 {
				t.Fatalf("%s: %q and on: hint %v %v, typeHintWords %v %v", r.pack.Code, w.s, typ, hinted, typ2, hinted2)
			}
		}
		if f.translit(w.f) != translit(w.f) {
			t.Fatalf("%s: %q: translit %q", r.pack.Code, w.s, f.translit(w.f))
		}
		if f.foldS(w) != fold(w.s) || f.canonical(w) != r.gaz.Canonical(w.s) {
			t.Fatalf("%s: %q: foldS %q, canonical %q", r.pack.Code, w.s, f.foldS(w), f.canonical(w))
		}
		for _, c := range []struct {
			name      string
			fast, ref bool
		}{
			{"stop", r.lowIn(w, lexStop), r.pack.IsStopword(w.low)},
			{"particle", r.lowIn(w, lexParticle), r.particles[w.low]},
			{"connector", r.lowIn(w, lexConnector), r.connectors[w.low]},
			{"determiner", r.lowIn(w, lexDeterminer), r.determiners[w.low]},
			{"comp", r.lowIn(w, lexComp), r.comps[w.low]},
			{"title", r.sIn(w, lexTitle), r.titles[w.s]},
			{"orgSuffix", r.sIn(w, lexOrgSuffix), r.orgSuffix[w.s]},
			{"placePrep", r.sIn(w, lexPlacePrep), r.placePrep[w.s]},
			{"notName", r.lexOf(w)&lexNotName != 0, r.notNames[w.f]},
			{"pronoun", r.lexOf(w)&lexPronoun != 0, r.pronouns[w.f]},
			{"role", r.lexOf(w)&lexRole != 0, r.roles[w.f]},
			{"orgWord", r.lexOf(w)&lexOrgWord != 0, r.orgWords[w.f]},
			{"locWord", r.lexOf(w)&lexLocWord != 0, r.locWords[w.f]},
		} {
			if c.fast != c.ref {
				t.Fatalf("%s: %q (low %q, f %q): %s is %v, the list says %v", r.pack.Code, w.s, w.low, w.f, c.name, c.fast, c.ref)
			}
		}
	}
}

// Recognizer.lex answers as the lists do for the words of the bundled
// articles and for every list word of every pack, as listed, lower-cased,
// capitalised and in capitals; suffixesOf leaves out no case ending they
// end in.
func TestLexMatchesLists(t *testing.T) {
	rs := lexRecognizers(t)
	var words []string
	for _, r := range rs {
		for _, m := range []map[string]bool{r.particles, r.titles, r.roles, r.orgWords, r.locWords, r.orgSuffix,
			r.pronouns, r.notNames, r.placePrep, r.connectors, r.determiners, r.comps} {
			for w := range m {
				words = append(words, w)
			}
		}
		words = append(words, r.pack.Stopwords...)
	}
	var b strings.Builder
	for _, w := range words {
		up, n := utf8.DecodeRuneInString(w)
		for _, v := range []string{w, strings.ToLower(w), strings.ToUpper(w), string(unicode.ToUpper(up)) + w[n:], fold(w)} {
			b.WriteString(v)
			b.WriteString(" ")
		}
	}
	// Word shapes appendWord reads: hyphens, apostrophes, non-ASCII.
	all := b.String() + " McDonald's McDonald-werke McKinsey-Zentrale eBay-Chef iPhone’s Über-McKay ÓlafurÞór AB-CD U.S.-Army @foo-bar İstanbul İSTANBUL Peskow Teneff Pieskoff Wladimir Vladimír Jürgen JÜRGEN ǅemal ΣΊΣΥΦΟΣ KELVIN\u212a\n"
	// Every rune of latinRunes and past it, alone, in a word, after a
	// capital, and after "Mc", and invalid two-byte sequences.
	for c := rune(0x80); c < 0x300; c++ {
		r := string(c)
		all += " " + r + " a" + r + "b A" + r + "B Mc" + r + "x X" + r + "Y-z o'" + r
	}
	all += " a\xc3b \xc3\xa9\xc3 \xdf\xffx \xc0\x80 é\xe2\x80"
	articles, err := bundled.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		all += a.Text
	}
	for _, r := range rs {
		checkLex(t, r, all)
		checkSuffixes(t, r, all)
	}
}

// checkSuffixes compares, for each word of src, the case endings
// suffixesOf gives that it ends in with those of all the suffixes.
func checkSuffixes(t testing.TB, r *Recognizer, src string) {
	var want, got []string
	for _, f := range strings.Fields(fold(src)) {
		want, got = want[:0], got[:0]
		for _, s := range r.suffixes {
			if strings.HasSuffix(f, s) {
				want = append(want, s)
			}
		}
		for _, s := range r.suffixesOf(f) {
			if strings.HasSuffix(f, s) {
				got = append(got, s)
			}
		}
		if !slices.Equal(want, got) {
			t.Fatalf("%s: %q ends in %q, suffixesOf gives %q", r.pack.Code, f, want, got)
		}
	}
}

// camelRef reports a capital after a lower-case letter, not the third
// rune of a word starting "Mc".
func camelRef(s string) bool {
	prevLower := false
	for i, c := range []rune(s) {
		if unicode.IsUpper(c) && prevLower && !(i == 2 && strings.HasPrefix(s, "Mc")) {
			return true
		}
		prevLower = unicode.IsLower(c)
	}
	return false
}

func FuzzLex(f *testing.F) {
	for _, s := range []string{"Für die Dr. DR dr. für FÜR", "Straße STRASSE strasse", "McDonald MćDonald eBay iPhone TecnologiaIl U.S.A. A&B-C", "İstanbul ǅemal ǆ", "\xff\xfeÀ"} {
		f.Add(s)
	}
	rs := lexRecognizers(f)
	f.Fuzz(func(t *testing.T, src string) {
		for _, r := range rs {
			checkLex(t, r, src)
			checkSuffixes(t, r, src)
		}
	})
}
