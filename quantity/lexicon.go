package quantity

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/text"
)

// class says what a lexicon entry is; one text may have several entries
// ("m" is a scale and a unit in English).
type class uint16

const (
	clsScale class = 1 << iota
	clsCurrency
	clsPercent
	clsUnit
	clsApprox
	clsConnector
	clsNumberWord
	clsYearPrep
	clsDaySuffix
	clsDateConnector
)

// entry is one word, phrase or symbol of the pack.
type entry struct {
	text   string // as listed, white space runs made one space
	cls    class
	exact  bool    // written in capitals ("USD", "M"): matches capitals only
	prefix bool    // a currency that may stand before the number ("$", "kr.")
	word   bool    // ends in a letter or digit: a word boundary must follow
	val    float64 // multiplier or number
	sym    string  // ISO 4217 code or unit symbol
	second rune    // the second rune folded, or -1 when the text's is not compared (a space, apostrophe or hyphen)
}

// lexicon finds entries at a position of the text. Entries are bucketed by
// their first rune folded to lower case and sorted longest first, so the
// first entry that matches is the longest; matching compares runes in
// place and allocates nothing. Each bucket is split further by the second
// rune, so that a look-up tries only the few entries that may match.
type lexicon struct {
	entries []entry
	ascii   [utf8.RuneSelf]*bucket
	other   map[rune]*bucket
	// prefixes rules out most places where no currency that may stand
	// before a number (entry.prefix) begins, and words those where no
	// approximator, year preposition or number word does: Finder.Append
	// asks for them at every word (and mark), and most begin none.
	prefixes, words pairFilter
}

// wordClasses are the classes Finder.Append looks for at a word's start.
const wordClasses = clsApprox | clsYearPrep | clsNumberWord

// pairFilter holds how a set of entries begin. rows has bit b of row a
// when an entry may begin with the bytes a, b as written; other holds the
// folded first runes that are not ASCII.
type pairFilter struct {
	rows  [utf8.RuneSelf][4]uint64
	other []rune
}

// bucket holds the entries that begin with one rune and the union of
// their classes, so a lookup for other classes ends at once.
type bucket struct {
	cls   class
	items []item
	// lists[0] holds the items that match any second rune (item.second
	// is -1); lists[k] those and the items whose second rune is one
	// whose index is k, in the order of items. An ASCII second rune's
	// index is in ascii, another's in other; 0 when no item names it.
	lists [][]item
	ascii [utf8.RuneSelf]uint16
	other map[rune]int
}

// item is an entry's index with what rules it out cheaply, kept together
// for the cache.
type item struct {
	idx    int32
	cls    class
	second rune
	// pre holds the entry's first bytes folded, one a byte from the
	// lowest, as far as they are ASCII and no space, apostrophe or
	// hyphen (at most four); mask has 0xff where pre holds one.
	pre, mask uint32
}

// prefixOf returns an entry's item.pre and item.mask.
func prefixOf(t string) (pre, mask uint32) {
	for k := 0; k < 4 && k < len(t); k++ {
		c := t[k]
		if c >= utf8.RuneSelf || c == ' ' || c == '\'' || c == '-' {
			break
		}
		pre |= uint32(lowerASCII[c]) << (8 * k)
		mask |= 0xff << (8 * k)
	}
	return pre, mask
}

// prefixAt returns the first four bytes at src[i:end] folded, as
// prefixOf lays them out, and a mask of those known: ASCII bytes, and
// the zeros past end, where no entry byte matches. A byte at or after
// the first non-ASCII one is unknown, since a rune of several bytes may
// fold to an ASCII letter ("K" to "k").
func prefixAt(src string, i, end int) (pre, known uint32) {
	if i+4 <= end {
		w := uint32(src[i]) | uint32(src[i+1])<<8 | uint32(src[i+2])<<16 | uint32(src[i+3])<<24
		if w&0x80808080 == 0 {
			// Four ASCII bytes folded at once: a byte's high bit is
			// set in w+0x3f from 'A' up and in w+0x25 past 'Z', with
			// no carry between bytes below 0x80.
			upper := (w + 0x3f3f3f3f) &^ (w + 0x25252525) & 0x80808080
			return w | upper>>2, ^uint32(0)
		}
	}
	known = ^uint32(0)
	for k := 0; k < 4; k++ {
		if i+k >= end {
			break
		}
		c := src[i+k]
		if c >= utf8.RuneSelf {
			known = 1<<(8*k) - 1
			break
		}
		pre |= uint32(lowerASCII[c]) << (8 * k)
	}
	return pre, known
}

func (l *lexicon) add(text string, cls class, val float64, sym string) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return
	}
	e := entry{text: text, cls: cls, val: val, sym: sym}
	upper, letters := true, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				upper = false
			}
		}
	}
	e.exact = upper && letters > 0
	last, _ := utf8.DecodeLastRuneInString(text)
	e.word = isWordRune(last)
	e.second = -1
	if _, n := utf8.DecodeRuneInString(text); n < len(text) {
		r, _ := utf8.DecodeRuneInString(text[n:])
		// An exact entry's second rune must be the text's, so it must
		// fold to the same rune too.
		if r != ' ' && !isApostrophe(r) && !isHyphen(r) {
			e.second = unicode.ToLower(r)
		}
	}
	if cls == clsCurrency {
		// Before the number only symbols, codes and entries with a mark
		// ("US$", "kr."): a word there is rarely the amount's currency
		// ("Euro 2024" is a tournament).
		e.prefix = e.exact || strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != ' ' }) >= 0
	}
	l.entries = append(l.entries, e)
}

// build indexes the entries; entries added first win ties.
func (l *lexicon) build() {
	idx := make([]int32, len(l.entries))
	for i := range idx {
		idx[i] = int32(i)
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return len(l.entries[idx[a]].text) > len(l.entries[idx[b]].text)
	})
	l.other = map[rune]*bucket{}
	for _, i := range idx {
		e := &l.entries[i]
		r, _ := utf8.DecodeRuneInString(e.text)
		b := l.bucket(r)
		if b == nil {
			b = &bucket{}
			if r = unicode.ToLower(r); r >= 0 && r < utf8.RuneSelf {
				l.ascii[r] = b
			} else {
				l.other[r] = b
			}
		}
		b.cls |= e.cls
		if e.prefix {
			l.prefixes.add(e)
		}
		if e.cls&wordClasses != 0 {
			l.words.add(e)
		}
		pre, mask := prefixOf(e.text)
		b.items = append(b.items, item{idx: i, cls: e.cls, second: e.second, pre: pre, mask: mask})
	}
	for _, b := range l.ascii {
		if b != nil {
			b.index()
		}
	}
	for _, b := range l.other {
		b.index()
	}
}

// index splits the bucket's items by their second rune.
func (b *bucket) index() {
	var anyItems []item
	var seconds []rune
	for _, it := range b.items {
		if it.second < 0 {
			anyItems = append(anyItems, it)
		} else if !slices.Contains(seconds, it.second) {
			seconds = append(seconds, it.second)
		}
	}
	b.lists = [][]item{anyItems}
	for _, second := range seconds {
		var list []item
		for _, it := range b.items {
			if it.second < 0 || it.second == second {
				list = append(list, it)
			}
		}
		k := len(b.lists)
		b.lists = append(b.lists, list)
		if second < utf8.RuneSelf {
			b.ascii[second] = uint16(k)
		} else {
			if b.other == nil {
				b.other = map[rune]int{}
			}
			b.other[second] = k
		}
	}
}

// candidates returns the items that a folded second rune does not rule
// out; second is -2 when the text ends after the first rune.
func (b *bucket) candidates(second rune) []item {
	if second >= 0 && second < utf8.RuneSelf {
		return b.lists[b.ascii[second]]
	}
	return b.lists[b.other[second]]
}

func (l *lexicon) bucket(r rune) *bucket {
	r = unicode.ToLower(r)
	if r >= 0 && r < utf8.RuneSelf {
		return l.ascii[r]
	}
	return l.other[r]
}

// firstBucket returns the bucket of the folded first rune at src[i:end]
// (nil when no entry begins with it) and the rune's width, reading ASCII
// without decoding.
func (l *lexicon) firstBucket(src string, i, end int) (*bucket, int) {
	if c := src[i]; c < utf8.RuneSelf {
		return l.ascii[lowerASCII[c]], 1
	}
	r, n := utf8.DecodeRuneInString(src[i:end])
	return l.bucket(r), n
}

// add records how e begins. An ASCII first byte sets bits in its row
// (both cases unless the entry is exact): the entry's second byte, in both
// cases unless exact, or every byte where the second may match other
// bytes (a space, apostrophe or hyphen, a rune that is not ASCII, or none).
// A first rune that is not ASCII goes to other, folded.
func (pf *pairFilter) add(e *entry) {
	f, n := utf8.DecodeRuneInString(e.text)
	if f >= utf8.RuneSelf {
		if f = unicode.ToLower(f); f < utf8.RuneSelf {
			// It folds to an ASCII letter, which matches it.
			pf.rows[f] = allBytes
			pf.rows[upperASCII(byte(f))] = allBytes
		} else if !slices.Contains(pf.other, f) {
			pf.other = append(pf.other, f)
		}
		return
	}
	firsts := []byte{e.text[0]}
	if !e.exact {
		firsts = []byte{lowerASCII[e.text[0]], upperASCII(e.text[0])}
	}
	for _, a := range firsts {
		row := &pf.rows[a]
		// A second rune that is not ASCII may fold to an ASCII letter
		// (the Kelvin sign to k): those bytes always pass.
		row[2], row[3] = ^uint64(0), ^uint64(0)
		if n >= len(e.text) {
			*row = allBytes
			continue
		}
		b := e.text[n]
		if b >= utf8.RuneSelf || b == ' ' || b == '\'' || b == '-' {
			*row = allBytes
			continue
		}
		seconds := []byte{b}
		if !e.exact {
			seconds = []byte{lowerASCII[b], upperASCII(b)}
		}
		for _, c := range seconds {
			row[c>>6] |= 1 << (c & 63)
		}
	}
}

// allBytes is a row that lets every second byte pass.
var allBytes = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// may reports whether one of the entries may begin at src[i:end] (i <
// end); false rules them all out.
func (pf *pairFilter) may(src string, i, end int) bool {
	a := src[i]
	if a >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(src[i:end])
		// A rune that folds to an ASCII letter (the Kelvin sign) is
		// not ruled out.
		f := unicode.ToLower(r)
		return f < utf8.RuneSelf || slices.Contains(pf.other, f)
	}
	b := byte(0) // past the end: only rows that allow every byte pass
	if i+1 < end {
		b = src[i+1]
	}
	return pf.rows[a][b>>6]&(1<<(b&63)) != 0
}

// match returns the longest entry of a class in mask that starts at
// src[i:], and the offset after it; ok is false when none does.
func (l *lexicon) match(src string, i, end int, mask class) (e *entry, j int, ok bool) {
	if i >= end {
		return nil, i, false
	}
	b, n := l.firstBucket(src, i, end)
	if b == nil || b.cls&mask == 0 {
		return nil, i, false
	}
	// The second rune, folded, rules out most entries before a full
	// comparison.
	second := rune(-2)
	if i+n < end {
		if c := src[i+n]; c < utf8.RuneSelf {
			second = rune(lowerASCII[c])
		} else {
			r2, _ := utf8.DecodeRuneInString(src[i+n : end])
			second = unicode.ToLower(r2)
		}
	}
	// The first four bytes, folded, rule out most of the rest with no
	// call.
	pre, known := prefixAt(src, i, end)
	for _, it := range b.candidates(second) {
		if it.cls&mask == 0 || (pre^it.pre)&it.mask&known != 0 {
			continue
		}
		c := &l.entries[it.idx]
		if j, ok := c.at(src, i, end); ok {
			return c, j, true
		}
	}
	return nil, i, false
}

// at matches the entry at src[i:end]: a space matches a run of white
// space, an apostrophe both ' and ’, a hyphen the Unicode hyphens; letters
// match ignoring case unless the entry is exact.
func (e *entry) at(src string, i, end int) (int, bool) {
	j := i
	t := e.text
	for k := 0; k < len(t); {
		if j >= end {
			return 0, false
		}
		// Two ASCII bytes, neither of them a space, apostrophe or
		// hyphen of the entry, compare without decoding.
		if ec, sc := t[k], src[j]; ec|sc < utf8.RuneSelf && ec != ' ' && ec != '\'' && ec != '-' {
			if ec != sc && (e.exact || lowerASCII[ec] != lowerASCII[sc]) {
				return 0, false
			}
			k++
			j++
			continue
		}
		er, en := utf8.DecodeRuneInString(t[k:])
		k += en
		sr, n := utf8.DecodeRuneInString(src[j:end])
		switch er {
		case ' ':
			if !isSpace(sr) {
				return 0, false
			}
			for j < end {
				sr, n = utf8.DecodeRuneInString(src[j:end])
				if !isSpace(sr) {
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

// wordEnds reports whether a word may end at j: no letter or digit follows,
// nor a hyphen or an apostrophe that joins one ("two-thirds", "l'an").
func wordEnds(src string, j, end int) bool {
	if j >= end {
		return true
	}
	r, n := utf8.DecodeRuneInString(src[j:end])
	if isWordRune(r) {
		return false
	}
	if isHyphen(r) || isApostrophe(r) {
		if j+n < end {
			next, _ := utf8.DecodeRuneInString(src[j+n : end])
			return !isWordRune(next)
		}
	}
	return true
}

// Rune classes of the runes below len(runeClasses), computed once from the
// Unicode tables: the scan asks them for every rune of the text, and most
// runes of news copy are Latin letters, digits and punctuation.
const (
	rcWord   uint8 = 1 << iota // isWordRune
	rcLetter                   // isLetter
	rcSpace                    // isSpace
)

// runeClasses covers the two-byte runes (Latin, Greek, Cyrillic) and the
// general punctuation (dashes, curly quotes, thin spaces).
var runeClasses [0x2100]uint8

// lowerASCII folds ASCII capitals as unicode.ToLower does; asciiWord
// holds the ASCII word runes (letters and digits).
var (
	lowerASCII [utf8.RuneSelf]byte
	asciiWord  [utf8.RuneSelf]bool
)

func init() {
	for r := range rune(len(runeClasses)) {
		var c uint8
		if text.IsWordRune(r) {
			c |= rcWord
		}
		if isLetterSlow(r) {
			c |= rcLetter
		}
		if isSpaceSlow(r) {
			c |= rcSpace
		}
		runeClasses[r] = c
	}
	for c := range byte(utf8.RuneSelf) {
		lowerASCII[c] = byte(unicode.ToLower(rune(c)))
		asciiWord[c] = text.IsWordRune(rune(c))
	}
}

// isWordRune is text.IsWordRune (letters, digits and combining marks)
// with a table for the common runes.
func isWordRune(r rune) bool {
	if uint32(r) < uint32(len(runeClasses)) {
		return runeClasses[r]&rcWord != 0
	}
	return text.IsWordRune(r)
}

func isLetter(r rune) bool {
	if uint32(r) < uint32(len(runeClasses)) {
		return runeClasses[r]&rcLetter != 0
	}
	return isLetterSlow(r)
}

// isLetterSlow asks the Unicode tables; it is kept out of line so that
// isLetter inlines.
//
//go:noinline
func isLetterSlow(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// isSpace is white space including the no-break spaces of typeset copy.
func isSpace(r rune) bool {
	if uint32(r) < uint32(len(runeClasses)) {
		return runeClasses[r]&rcSpace != 0
	}
	return isSpaceSlow(r)
}

// isSpaceSlow asks the Unicode tables; it is kept out of line so that
// isSpace inlines.
//
//go:noinline
func isSpaceSlow(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x202F, 0x2009, 0x2007:
		return true
	}
	return r > 0x7F && unicode.IsSpace(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
