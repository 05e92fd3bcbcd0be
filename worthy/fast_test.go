package worthy

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/quantity"
	"github.com/hearsay-go/hearsay/text"
)

// Scorer.words reads tokens one at a time and filters the first words by
// a hash; wordsRef is the straightforward version it must agree with.

// wordsRef tokenizes the whole sentence and looks every word up.
func (s *Scorer) wordsRef(src string, sp text.Span, qs []quantity.Quantity) Reason {
	if len(s.byFirst) == 0 && len(s.suffixes) == 0 {
		return 0
	}
	toks := text.AppendTokens(nil, src, sp)
	var why Reason
	first := true
	for i, t := range toks {
		if !t.Word {
			continue
		}
		isFirst := first
		first = false
		if inQuantity(t.Span, qs) {
			continue
		}
		low, ok := foldIntoRef(make([]byte, 0, 64), t.Text(src))
		if !ok {
			continue
		}
		for _, ph := range s.byFirst[string(low)] {
			if ph.reason&why != 0 || (ph.lower && t.Upper && !isFirst) {
				continue
			}
			if matchFromRef(src, toks, i, ph.words, qs) {
				why |= ph.reason
			}
		}
		if why&Superlative == 0 && t.Lower && !t.Digits && s.superlativeWord(t.Text(src)) {
			why |= Superlative
		}
	}
	return why
}

func matchFromRef(src string, toks []text.Token, i int, words []string, qs []quantity.Quantity) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k := 1; k < len(words); k++ {
		t := toks[i+k]
		if !equalFold(t.Text(src), words[k]) || inQuantity(t.Span, qs) {
			return false
		}
	}
	return true
}

// foldIntoRef lower-cases w rune by rune; ok is false when a rune finds
// fewer than utf8.UTFMax bytes free in dst.
func foldIntoRef(dst []byte, w string) ([]byte, bool) {
	for _, r := range w {
		if r == '’' || r == 'ʼ' {
			r = '\''
		}
		if len(dst)+utf8.UTFMax > cap(dst) {
			return dst, false
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst, true
}

func compareWords(t *testing.T, tl tools, src string, start, end int) {
	t.Helper()
	sp := text.Span{Start: start, End: end}.Clip(src)
	qs := tl.f.Append(nil, src, sp)
	// The whole text's quantities: some outside sp, some across its ends.
	all := tl.f.Append(nil, src, text.Span{End: len(src)})
	toks := text.AppendTokens(nil, src, sp)
	for _, q := range [][]quantity.Quantity{nil, qs, all} {
		want := tl.s.wordsRef(src, sp, q)
		if got := tl.s.words(&tokens{src: src, end: sp.End, next: sp.Start}, sp, q); got != want {
			t.Fatalf("words(%q) = %s, want %s", src[sp.Start:sp.End], got, want)
		}
		if got := tl.s.words(&tokens{src: src, list: toks, listed: true}, sp, q); got != want {
			t.Fatalf("words(%q) on its tokens = %s, want %s", src[sp.Start:sp.End], got, want)
		}
	}
	for i := sp.Start; i < sp.End; {
		tok, ok := text.NextToken(src, i, sp.End)
		if !ok {
			break
		}
		i = tok.End
		w := tok.Text(src)
		var buf [64]byte
		low, h, ok := foldHash(buf[:0], w)
		low2, ok2 := foldIntoRef(make([]byte, 0, 64), w)
		if ok != ok2 || ok && (string(low) != string(low2) || h != hashWord(low2)) {
			t.Fatalf("foldHash(%q) = %q %v, want %q %v", w, low, ok, low2, ok2)
		}
	}
}

// phraseText strings the pack's phrases, superlatives and noise together.
func phraseText(s *Scorer, rnd *rand.Rand, n int) string {
	var words []string
	for _, phs := range s.byFirst {
		for _, ph := range phs {
			words = append(words, strings.Join(ph.words, " "))
		}
	}
	for _, suf := range s.suffixes {
		words = append(words, "abcd"+suf, "Abcd"+suf, "ab"+suf)
	}
	for w := range s.notSup {
		words = append(words, w)
	}
	words = append(words, "5 %", "$ 1 billion", "two", strings.Repeat("é", 40), strings.Repeat("a", 70))
	noise := []string{" ", ", ", ". ", "’", "'", "-", "\xff", "?", " 12 ", "İ", "\u212a"}
	var b strings.Builder
	for range n {
		w := words[rnd.Intn(len(words))]
		switch rnd.Intn(4) {
		case 0:
			w = strings.ToUpper(w)
		case 1:
			if r, size := utf8.DecodeRuneInString(w); size > 0 {
				w = string(unicode.ToUpper(r)) + w[size:]
			}
		case 2:
			w = strings.ReplaceAll(w, "'", "’")
		}
		b.WriteString(w)
		b.WriteString(noise[rnd.Intn(len(noise))])
	}
	return b.String()
}

func TestWordsMatchReference(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	for _, code := range []string{"", "de", "en", "es", "fr", "is", "it"} {
		tl := get(t, code)
		seen := Reason(0)
		for range 300 {
			src := phraseText(tl.s, rnd, 1+rnd.Intn(12))
			compareWords(t, tl, src, 0, len(src))
			compareWords(t, tl, src, rnd.Intn(len(src)+1), rnd.Intn(len(src)+1))
			seen |= tl.s.words(&tokens{src: src, end: len(src)}, text.Span{End: len(src)}, nil)
		}
		if code != "" && seen&(Comparison|Superlative|Opinion|Hedge) != Comparison|Superlative|Opinion|Hedge {
			t.Errorf("%q: only %s found", code, seen)
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Elon Musk is the world's richest man.", "l’homme le plus riche", "more than", "\xff", "I THINK"} {
		f.Add(s, uint8(2))
	}
	codes := []string{"", "de", "en", "es", "fr", "is", "it"}
	f.Fuzz(func(t *testing.T, src string, which uint8) {
		compareWords(t, get(t, codes[int(which)%len(codes)]), src, 0, len(src))
	})
}

// TestTokensPeek: peeking past the ring and taking agree with
// text.AppendTokens.
func TestTokensPeek(t *testing.T) {
	src := strings.Repeat("The world’s richest man, U.S.-based, said 5 %. ", 8)
	want := text.AppendTokens(nil, src, text.Span{End: len(src)})
	ts := tokens{src: src, end: len(src)}
	for i := 0; ; i++ {
		for k := 0; k < 40; k++ {
			tok, ok := ts.peek(k)
			if ok != (i+k < len(want)) || ok && tok != want[i+k] {
				t.Fatalf("after %d taken, peek(%d) = %v %v", i, k, tok, ok)
			}
		}
		tok, ok := ts.take()
		if ok != (i < len(want)) || ok && tok != want[i] {
			t.Fatalf("take %d = %v %v", i, tok, ok)
		}
		if !ok {
			break
		}
	}
}

// inQuantity looks sp up in qs, in text order without overlaps.
func inQuantity(sp text.Span, qs []quantity.Quantity) bool {
	for _, q := range qs {
		if q.Span.Overlaps(sp) {
			return true
		}
	}
	return false
}
