package quantity

import (
	"math/rand"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/text"
)

// The scan's look-ups are indexed and take ASCII fast paths; these tests
// compare them with straightforward references on every rune and on
// random and fuzzed text.

// TestRuneClasses: the tables agree with the Unicode predicates on every
// rune.
func TestRuneClasses(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isWordRune(r) != text.IsWordRune(r) || isLetter(r) != isLetterSlow(r) || isSpace(r) != isSpaceSlow(r) {
			t.Fatalf("rune %U: word %v/%v letter %v/%v space %v/%v", r,
				isWordRune(r), text.IsWordRune(r), isLetter(r), isLetterSlow(r), isSpace(r), isSpaceSlow(r))
		}
	}
	for c := range rune(utf8.RuneSelf) {
		if rune(lowerASCII[c]) != unicode.ToLower(c) || asciiWord[c] != text.IsWordRune(c) || isASCIILetter(byte(c)) != isLetterSlow(c) {
			t.Fatalf("byte %q", c)
		}
	}
}

// matchRef tries every entry of a class in mask, longest first (ties in
// the order added), with no index.
func (l *lexicon) matchRef(src string, i, end int, mask class) (*entry, int, bool) {
	if i >= end {
		return nil, i, false
	}
	r, _ := utf8.DecodeRuneInString(src[i:end])
	for _, k := range l.longestFirst() {
		e := &l.entries[k]
		first, _ := utf8.DecodeRuneInString(e.text)
		if e.cls&mask == 0 || unicode.ToLower(first) != unicode.ToLower(r) {
			continue
		}
		if j, ok := e.atRef(src, i, end); ok {
			return e, j, true
		}
	}
	return nil, i, false
}

var orders sync.Map // *lexicon → []int

// longestFirst returns the entries' indexes, longest first and ties in
// the order added.
func (l *lexicon) longestFirst() []int {
	if v, ok := orders.Load(l); ok {
		return v.([]int)
	}
	idx := make([]int, len(l.entries))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(a, b int) bool { return len(l.entries[idx[a]].text) > len(l.entries[idx[b]].text) })
	orders.Store(l, idx)
	return idx
}

// atRef is entry.at comparing rune by rune.
func (e *entry) atRef(src string, i, end int) (int, bool) {
	j := i
	for _, er := range e.text {
		if j >= end {
			return 0, false
		}
		sr, n := utf8.DecodeRuneInString(src[j:end])
		switch er {
		case ' ':
			if !isSpaceSlow(sr) {
				return 0, false
			}
			for j < end {
				sr, n = utf8.DecodeRuneInString(src[j:end])
				if !isSpaceSlow(sr) {
					break
				}
				j += n
			}
			continue
		case '\'', '’':
			if !isApostrophe(sr) {
				return 0, false
			}
		case '-':
			if !isHyphen(sr) {
				return 0, false
			}
		default:
			if sr != er && (e.exact || unicode.ToLower(sr) != unicode.ToLower(er)) {
				return 0, false
			}
		}
		j += n
	}
	if e.word && !wordEnds(src, j, end) {
		return 0, false
	}
	return j, true
}

// monthAtRef reads the letters at i and looks them up.
func (s *scan) monthAtRef(i int) (int, int) {
	src, end := s.src, s.end
	var b []byte
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(src[j:end])
		if !isLetterSlow(r) {
			break
		}
		if len(b)+utf8.UTFMax > 48 { // monthAt's buffer
			return 0, i
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
		j += n
	}
	if j == i || !wordEnds(src, j, end) {
		return 0, i
	}
	m := s.f.months[string(b)]
	if m == 0 {
		return 0, i
	}
	if j < end && src[j] == '.' {
		if k := skipSpaces(src, j+1, end); k > j+1 && k < end && isDigit(src[k]) {
			j++
		}
	}
	return m, j
}

// skipTokenRef decodes every rune.
func (s *scan) skipTokenRef(i int) int {
	src, end := s.src, s.end
	for i < end {
		r, n := utf8.DecodeRuneInString(src[i:end])
		if text.IsWordRune(r) {
			i += n
			continue
		}
		switch r {
		case '.', ',', ':', '/', '\'', '’', '-', '_', '‐':
			if i+n < end {
				if next, _ := utf8.DecodeRuneInString(src[i+n : end]); text.IsWordRune(next) {
					i += n
					continue
				}
			}
		}
		break
	}
	return i
}

var allMasks = []class{
	clsCurrency, clsApprox | clsYearPrep | clsNumberWord, clsScale, clsUnit, clsPercent | clsCurrency | clsUnit,
	clsConnector, clsCurrency | clsUnit, clsDaySuffix, clsDateConnector, clsScale | clsPercent | clsCurrency | clsUnit,
	1<<16 - 1,
}

// compareLookups checks match, monthAt and skipToken against their
// references at every offset of src[start:end].
func compareLookups(t *testing.T, f *Finder, src string, start, end int) (matches int) {
	t.Helper()
	if start < 0 || end > len(src) || start > end {
		return 0
	}
	s := scan{f: f, src: src, start: start, end: end}
	for i := start; i < end; i++ {
		for _, mask := range allMasks {
			e, j, ok := f.lex.match(src, i, end, mask)
			e2, j2, ok2 := f.lex.matchRef(src, i, end, mask)
			if e != e2 || j != j2 || ok != ok2 {
				t.Fatalf("match(%q, %d, %#x) = %v %d %v, want %v %d %v", src[start:end], i-start, mask, e, j, ok, e2, j2, ok2)
			}
			if ok {
				matches++
			}
		}
		// The prefix filter never rules out a currency that may stand
		// before a number.
		if i < end {
			if e, _, ok := f.lex.matchRef(src, i, end, clsCurrency); ok && e.prefix && !f.lex.prefixes.may(src, i, end) {
				t.Fatalf("prefixes.may(%q, %d) rules out %q", src[start:end], i-start, e.text)
			}
			if e, _, ok := f.lex.matchRef(src, i, end, wordClasses); ok && !f.lex.words.may(src, i, end) {
				t.Fatalf("words.may(%q, %d) rules out %q", src[start:end], i-start, e.text)
			}
		}
		if len(f.months) > 0 {
			m, j := s.monthAt(i)
			m2, j2 := s.monthAtRef(i)
			if m != m2 || j != j2 {
				t.Fatalf("monthAt(%q, %d) = %d %d, want %d %d", src[start:end], i-start, m, j, m2, j2)
			}
		}
		if k, k2 := s.skipToken(i), s.skipTokenRef(i); k != k2 {
			t.Fatalf("skipToken(%q, %d) = %d, want %d", src[start:end], i-start, k, k2)
		}
	}
	return matches
}

// lexiconText strings the pack's entries and month names together in
// several cases, with noise between them.
func lexiconText(f *Finder, rnd *rand.Rand, n int) string {
	var words []string
	for _, e := range f.lex.entries {
		words = append(words, e.text)
	}
	for m := range f.months {
		words = append(words, m, m+".")
	}
	noise := []string{" ", "  ", "\u00a0", "-", "’", "'", "5", "12", "k", "é", "\u212a", "İ", "\xff", ",", ".", "ß", "\u0301"}
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
			w = w[:rnd.Intn(len(w)+1)]
		}
		b.WriteString(w)
		b.WriteString(noise[rnd.Intn(len(noise))])
	}
	return b.String()
}

func TestLookupsMatchReference(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	for _, code := range []string{"", "de", "en", "es", "fr", "is", "it"} {
		f := finder(t, code)
		matches := 0
		for range 20 {
			src := lexiconText(f, rnd, 40)
			matches += compareLookups(t, f, src, 0, len(src))
			// A cut inside a rune or an entry.
			compareLookups(t, f, src, 0, rnd.Intn(len(src)+1))
		}
		if matches < 100 {
			t.Errorf("%q: only %d entries matched", code, matches)
		}
	}
}

func FuzzLookups(f *testing.F) {
	for _, s := range []string{"around 5 million dollars", "13. Februar 2021", "US$ 5", "Feb. 13", "KR. 5", "mars’", "\u212aR 5", "deux-tiers", "us$ 5", "Us$5", "uSD 5", "\u212aR. 5", "hk$ 5", "€5", "R$\u00a05"} {
		f.Add(s, uint8(0))
	}
	codes := []string{"", "de", "en", "es", "fr", "is", "it"}
	f.Fuzz(func(t *testing.T, src string, which uint8) {
		if len(src) > 256 {
			return
		}
		compareLookups(t, finder(t, codes[int(which)%len(codes)]), src, 0, len(src))
	})
}

// prefixAtRef reads the bytes one at a time.
func prefixAtRef(src string, i, end int) (pre, known uint32) {
	for k := 0; k < 4; k++ {
		if i+k >= end {
			known |= 0xff << (8 * k)
			continue
		}
		c := src[i+k]
		if c >= utf8.RuneSelf {
			break
		}
		pre |= uint32(unicode.ToLower(rune(c))) << (8 * k)
		known |= 0xff << (8 * k)
	}
	return pre, known
}

// TestPrefixAt: the four bytes folded at once agree with folding them one
// by one, for every byte in every place and every end.
func TestPrefixAt(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	b := make([]byte, 6)
	for c := range 256 {
		for at := range 4 {
			for range 8 {
				for k := range b {
					b[k] = byte(rnd.Intn(256))
					if rnd.Intn(2) == 0 {
						b[k] &= 0x7f
					}
				}
				b[1+at] = byte(c)
				src := string(b)
				for end := 1; end <= len(src); end++ {
					pre, known := prefixAt(src, 1, end)
					pre2, known2 := prefixAtRef(src, 1, end)
					if pre != pre2 || known != known2 {
						t.Fatalf("prefixAt(%q, 1, %d) = %#x %#x, want %#x %#x", src, end, pre, known, pre2, known2)
					}
				}
			}
		}
	}
}
