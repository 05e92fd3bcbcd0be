package lang

import (
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Detection is the result of language identification.
type Detection struct {
	// Code is the best pack's language code, "" when nothing matched.
	Code string
	// Confidence is the best score's share of all scores, in [0, 1].
	Confidence float64
}

// Weights of the three kinds of evidence. Each occurrence of a function word
// scores 1 and each occurrence of a letter hint letterWeight, split evenly
// among the packs that list it. Each character trigram of a word that is not
// a function word scores gramWeight, split among the packs in proportion to
// its frequency in their vocabularies: trigrams decide only texts with
// little other evidence.
const (
	letterWeight = 0.5
	gramWeight   = 0.05
)

// maxGramWords bounds the words scored by their trigrams: the trigrams
// decide short texts, and in a long text the function words outweigh them.
const maxGramWords = 256

// maxWordBytes bounds the bytes of a word kept for look-ups; no function
// word is longer, and longer words are scored by their trigrams only.
const maxWordBytes = 64

// detector scores text against the function-word profiles, letter hints and
// character trigram profiles of the installed packs.
type detector struct {
	codes []string
	// The weights per pack of the function words, letter hints and
	// trigrams are vectors numbered in order: the tables below give their
	// numbers. With eight packs or fewer they are in narrow, padded with
	// zeros (see sums); with more in wide, one after the other. vectors
	// numbers them by their bits while the detector is built.
	narrow  [][8]float64
	wide    []float64
	vectors map[string]int32
	// words holds the lower-cased function words.
	words wordTable
	// letters maps a lower-cased non-ASCII letter hint to its weights
	// (the ASCII ones are in runes).
	letters map[rune]int32
	// runes caches the runeInfo of the runes below cachedRunes, punct
	// those of the General Punctuation block.
	runes []runeInfo
	punct []runeInfo
	// plain holds, for the bytes that are ASCII letters without a letter
	// hint, the trigram symbol of the lower-case letter shifted left by 8
	// bits, ORed with the letter; 0 for the other bytes.
	plain [256]uint32
	// syms numbers the runes of the trigrams from 2 on, the space 1. The
	// trigram profiles are built from the words of the packs themselves:
	// stopwords, month names and the words of the page phrases. grams
	// holds the trigrams' weights.
	syms  map[rune]uint32
	grams gramTable
}

// wordTable is an open-addressing hash table from function words to their
// weights (a vector number, see detector). Detect looks a word up where
// it builds it, in a maxWordBytes buffer: the word's first 16 bytes are read
// as two integers, which the slots hold too, so that a look-up compares no
// strings unless the word is longer.
type wordTable struct {
	slots  []wordSlot
	tails  []string // by slot, the bytes after the 16th; nil when no word has any
	shift  uint     // 64 - log2(len(slots))
	maxLen int      // bytes of the longest word
}

type wordSlot struct {
	lo, hi uint64 // the word's first 16 bytes (see wordKey)
	w      int32  // the word's weights
	n      uint8  // bytes of the word; 0 marks an empty slot
	// elided is set for the words that end in an apostrophe (French
	// l', Italian dell'): a word is split after such a prefix.
	elided bool
}

func newWordTable(words map[string]int32) wordTable {
	size, bits := 8, uint(3)
	for size < 2*len(words) {
		size, bits = size*2, bits+1
	}
	t := wordTable{slots: make([]wordSlot, size), shift: 64 - bits}
	for w, v := range words {
		if w == "" || len(w) > maxWordBytes {
			continue // Detect never looks such a word up
		}
		var buf [maxWordBytes]byte
		copy(buf[:], w)
		lo, hi := wordKey(&buf, len(w))
		i := t.slot(lo, hi, len(w))
		for t.slots[i].n != 0 {
			i = (i + 1) & (size - 1)
		}
		t.slots[i] = wordSlot{lo: lo, hi: hi, w: v, n: uint8(len(w)), elided: strings.HasSuffix(w, "'")}
		if len(w) > 16 {
			if t.tails == nil {
				t.tails = make([]string, size)
			}
			t.tails[i] = w[16:]
		}
		t.maxLen = max(t.maxLen, len(w))
	}
	return t
}

// wordKey returns the first 16 bytes of the word buf[:n] as two
// little-endian integers, the bytes after the word zeroed.
func wordKey(buf *[maxWordBytes]byte, n int) (lo, hi uint64) {
	m := &keyMasks[n]
	return binary.LittleEndian.Uint64(buf[0:8]) & m[0], binary.LittleEndian.Uint64(buf[8:16]) & m[1]
}

// keyMasks holds, by word length, the masks of the word's bytes in the two
// integers of wordKey.
var keyMasks = func() (m [maxWordBytes + 1][2]uint64) {
	for n := range m {
		for i := range min(n, 16) {
			m[n][i/8] |= 0xff << (8 * (i % 8))
		}
	}
	return m
}()

func (t *wordTable) slot(lo, hi uint64, n int) int {
	return int(((lo*0x9E3779B97F4A7C15 ^ hi ^ uint64(n)) * 0xD6E8FEB86659FD93) >> t.shift)
}

// find returns the slot of the word buf[:n], nil when no pack has it.
func (t *wordTable) find(buf *[maxWordBytes]byte, n int) *wordSlot {
	if n > t.maxLen {
		return nil
	}
	lo, hi := wordKey(buf, n)
	mask := len(t.slots) - 1
	for i := t.slot(lo, hi, n); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return nil
		}
		if s.lo == lo && s.hi == hi && int(s.n) == n && (n <= 16 || t.tails[i] == string(buf[16:n])) {
			return s
		}
	}
}

// gramTable maps a trigram of symbols (see detector.syms) to its weights, -1
// when no pack has it. When the symbols and weight vectors are few, as with
// the built-in packs, the table is a dense array indexed by the three
// symbols; otherwise an open-addressing hash table.
type gramTable struct {
	k     uint32   // symbols, 0 included
	dense []uint16 // by (a*k+b)*k+c, the weights plus 1, 0 for none; nil for the hash table
	keys  []uint64 // packGram of the symbols; 0 marks an empty slot
	offs  []int32
	shift uint // 64 - log2(len(keys))
}

// maxDenseGrams bounds the entries of a dense gramTable (512 KiB).
const maxDenseGrams = 1 << 18

// newGramTable returns the table of the trigrams of k symbols, whose weights
// are below vectors.
func newGramTable(k uint32, grams map[[3]uint32]int32, vectors int) gramTable {
	t := gramTable{k: k}
	if uint64(k)*uint64(k)*uint64(k) <= maxDenseGrams && vectors < math.MaxUint16 {
		t.dense = make([]uint16, k*k*k)
		for g, v := range grams {
			t.dense[(g[0]*k+g[1])*k+g[2]] = uint16(v + 1)
		}
		return t
	}
	size, bits := 8, uint(3)
	for size < 2*len(grams) {
		size, bits = size*2, bits+1
	}
	t.keys, t.offs, t.shift = make([]uint64, size), make([]int32, size), 64-bits
	for g, o := range grams {
		key := packGram(rune(g[0]), rune(g[1]), rune(g[2]))
		i := t.slot(key)
		for t.keys[i] != 0 {
			i = (i + 1) & (size - 1)
		}
		t.keys[i], t.offs[i] = key, o
	}
	return t
}

func (t *gramTable) slot(key uint64) int {
	return int((key * 0x9E3779B97F4A7C15) >> t.shift)
}

// getHashed returns the weights of the trigram of symbols a, b, c in a
// hashed table, -1 when no pack has it.
func (t *gramTable) getHashed(a, b, c uint32) int32 {
	key := packGram(rune(a), rune(b), rune(c))
	mask := len(t.keys) - 1
	for i := t.slot(key); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case 0: // first: a trigram of unknown letters packs as 0 too
			return -1
		case key:
			return t.offs[i]
		}
	}
}

// runeInfo is what Detect needs to know of a rune, cached for the common
// runes so that the text is read without unicode look-ups or map accesses.
type runeInfo struct {
	lower rune   // the lower-case form of a letter
	hint  int32  // the rune's letter-hint weights, -1 for none
	sym   uint32 // the trigram symbol of lower, 0 for none
	kind  uint8
}

// The kinds of rune.
const (
	kindOther      = iota // ends a word
	kindLetter            // part of a word
	kindMark              // a combining mark or format character, kept in a word
	kindApostrophe        // split or kept inside a word
)

// Trigram symbols: 0 stands for the letters of no trigram, symSpace for the
// word boundary; symApostrophe marks an apostrophe kept inside a word.
const (
	symSpace      = 1
	symApostrophe = ^uint32(0)
)

// classify returns the runeInfo of c. Its letter hint is that of a
// non-ASCII rune: newDetector sets those of ASCII.
func (d *detector) classify(c rune) runeInfo {
	e := runeInfo{hint: -1}
	if o, ok := d.letters[unicode.ToLower(c)]; ok {
		e.hint = o
	}
	// In the order Detect always tested them: a letter that is also an
	// apostrophe (ʼ) is a letter.
	switch {
	case unicode.IsLetter(c):
		e.kind, e.lower = kindLetter, unicode.ToLower(c)
		e.sym = d.syms[e.lower]
	case unicode.In(c, unicode.Mn, unicode.Cf):
		e.kind = kindMark
	case isApostrophe(c):
		e.kind = kindApostrophe
	}
	return e
}

// info returns the runeInfo of c, from the caches when it is there.
func (d *detector) info(c rune) runeInfo {
	if uint(c) < uint(len(d.runes)) {
		return d.runes[c]
	}
	if i := uint(c - punctStart); i < uint(len(d.punct)) {
		return d.punct[i]
	}
	return d.classify(c)
}

// The runes whose runeInfo is cached: the alphabets up to Arabic, and the
// General Punctuation block (quotation marks, dashes, ’).
const (
	cachedRunes = 0x800
	punctStart  = 0x2000
	punctEnd    = 0x2070
)

func newDetector(packs []*Pack) *detector {
	d := &detector{
		letters: map[rune]int32{},
		syms:    map[rune]uint32{},
		vectors: map[string]int32{},
	}
	n := len(packs)
	wordOwners := map[string][]int{}
	letterOwners := map[rune][]int{}
	gramCount := map[uint64][]float64{}
	for i, p := range packs {
		d.codes = append(d.codes, p.Code)
		for w := range p.stop {
			w = normApostrophe(w)
			if strings.ContainsRune(w, ' ') {
				continue // the detector sees single words only
			}
			wordOwners[w] = addOwner(wordOwners[w], i)
		}
		seen := map[rune]bool{}
		for _, r := range p.Letters {
			r = unicode.ToLower(r)
			if !seen[r] {
				seen[r] = true
				letterOwners[r] = append(letterOwners[r], i)
			}
		}
		for _, w := range vocabulary(p) {
			forTrigrams(w, func(g uint64) {
				if gramCount[g] == nil {
					gramCount[g] = make([]float64, n)
				}
				gramCount[g][i]++
			})
		}
	}
	words := make(map[string]int32, len(wordOwners))
	for w, idx := range wordOwners {
		words[w] = d.vector(shares(n, idx, 1))
	}
	d.words = newWordTable(words)
	var asciiHint [utf8.RuneSelf]int32
	for i := range asciiHint {
		asciiHint[i] = -1
	}
	for r, idx := range letterOwners {
		o := d.vector(shares(n, idx, letterWeight))
		if r < utf8.RuneSelf {
			asciiHint[r] = o
			asciiHint[unicode.ToUpper(r)] = o
		} else {
			d.letters[r] = o
		}
	}
	// A trigram's weight is split among the packs in proportion to its
	// frequency in each pack's vocabulary.
	total := make([]float64, n)
	for _, v := range gramCount {
		for i, c := range v {
			total[i] += c
		}
	}
	// The runes of the trigrams are numbered in order, after 0 and the
	// space.
	seen := map[rune]bool{' ': true}
	var alphabet []rune
	for g := range gramCount {
		for _, r := range unpackGram(g) {
			if !seen[r] {
				seen[r] = true
				alphabet = append(alphabet, r)
			}
		}
	}
	slices.Sort(alphabet)
	d.syms[' '] = symSpace
	for i, r := range alphabet {
		d.syms[r] = uint32(symSpace + 1 + i)
	}
	grams := make(map[[3]uint32]int32, len(gramCount))
	for g, v := range gramCount {
		w := make([]float64, n)
		sum := 0.0
		for i, c := range v {
			w[i] = c / total[i]
			sum += w[i]
		}
		for i := range w {
			w[i] *= gramWeight / sum
		}
		r := unpackGram(g)
		grams[[3]uint32{d.syms[r[0]], d.syms[r[1]], d.syms[r[2]]}] = d.vector(w)
	}
	d.grams = newGramTable(uint32(symSpace+1+len(alphabet)), grams, len(d.vectors))
	d.runes = make([]runeInfo, cachedRunes)
	for c := range d.runes {
		d.runes[c] = d.classify(rune(c))
		if c < utf8.RuneSelf {
			d.runes[c].hint = asciiHint[c]
		}
	}
	for c, e := range d.runes[:utf8.RuneSelf] {
		if e.kind == kindLetter && e.hint < 0 {
			d.plain[c] = e.sym<<8 | uint32(e.lower)
		}
	}
	d.punct = make([]runeInfo, punctEnd-punctStart)
	for i := range d.punct {
		d.punct[i] = d.classify(rune(punctStart + i))
	}
	d.vectors = nil
	return d
}

// vector adds the weights v, one per pack, and returns their number. Equal
// vectors (bit for bit) share a number: most function words and many
// trigrams belong to one pack or the same few, and fewer vectors take less
// cache.
func (d *detector) vector(v []float64) int32 {
	key := make([]byte, 0, 8*len(v))
	for _, w := range v {
		key = binary.LittleEndian.AppendUint64(key, math.Float64bits(w))
	}
	if i, ok := d.vectors[string(key)]; ok {
		return i
	}
	i := d.newVector(v)
	d.vectors[string(key)] = i
	return i
}

func (d *detector) newVector(v []float64) int32 {
	if len(d.codes) <= 8 {
		var w [8]float64
		copy(w[:], v)
		d.narrow = append(d.narrow, w)
		return int32(len(d.narrow) - 1)
	}
	d.wide = append(d.wide, v...)
	return int32(len(d.wide)/len(v) - 1)
}

// addOwner appends pack index i unless it is already the last owner.
func addOwner(owners []int, i int) []int {
	if len(owners) > 0 && owners[len(owners)-1] == i {
		return owners
	}
	return append(owners, i)
}

// shares splits weight among the owning packs.
func shares(n int, owners []int, weight float64) []float64 {
	v := make([]float64, n)
	for _, i := range owners {
		v[i] = weight / float64(len(owners))
	}
	return v
}

// vocabulary returns the lower-cased words of a pack that show its
// orthography: function words, month names and the words of its page
// phrases.
func vocabulary(p *Pack) []string {
	var out []string
	for _, list := range [][]string{p.Stopwords, p.Months, p.BylinePrefix, p.BylineSuffix, p.Footer, p.LinkLabels, p.Credits} {
		for _, phrase := range list {
			out = append(out, strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool {
				return !unicode.IsLetter(r)
			})...)
		}
	}
	return out
}

// forTrigrams calls fn with every trigram of a lower-case word padded with
// one space on each side.
func forTrigrams(word string, fn func(uint64)) {
	a, b := rune(' '), rune(-1)
	for _, c := range word {
		if b >= 0 {
			fn(packGram(a, b, c))
			a = b
		}
		b = c
	}
	if b >= 0 {
		fn(packGram(a, b, ' '))
	}
}

func packGram(a, b, c rune) uint64 {
	return uint64(a)<<42 | uint64(b)<<21 | uint64(c)
}

func unpackGram(g uint64) [3]rune {
	const mask = 1<<21 - 1
	return [3]rune{rune(g >> 42), rune(g >> 21 & mask), rune(g & mask)}
}

// isApostrophe reports whether c is one of the apostrophes found in text.
func isApostrophe(c rune) bool { return c == '\'' || c == '’' || c == 'ʼ' }

// normApostrophe writes every apostrophe as '.
func normApostrophe(w string) string {
	return strings.Map(func(c rune) rune {
		if isApostrophe(c) {
			return '\''
		}
		return c
	}, w)
}

// composable lists, for the combining accents of the Latin languages, the
// lower-case letters they combine with and the precomposed results.
var composable = map[rune][2]string{
	'\u0300': {"aeiou", "àèìòù"},   // grave
	'\u0301': {"aeiouy", "áéíóúý"}, // acute
	'\u0302': {"aeiou", "âêîôû"},   // circumflex
	'\u0303': {"ano", "ãñõ"},       // tilde
	'\u0308': {"aeiouy", "äëïöüÿ"}, // diaeresis
	'\u030a': {"a", "å"},           // ring
	'\u0327': {"c", "ç"},           // cedilla
}

// compose returns the precomposed form of a lower-case letter followed by a
// combining mark, 0 when there is none.
func compose(letter, mark rune) rune {
	m, ok := composable[mark]
	if !ok {
		return 0
	}
	composed := m[1]
	for _, base := range m[0] {
		c, size := utf8.DecodeRuneInString(composed)
		if base == letter {
			return c
		}
		composed = composed[size:]
	}
	return 0
}

// maxDetectBytes bounds the work spent on long documents: the first
// paragraphs decide the language.
const maxDetectBytes = 16 << 10

// Detect identifies the language of text among the registry's packs. It
// scores the function words of each language (words shared by several
// languages count less), letters that are strong evidence for a language,
// and, with a small weight, the character trigrams of the other words. Only
// the first 16 KiB of text are read. Any string is accepted, invalid UTF-8
// included; a text without evidence for any pack gives the zero Detection.
func (r *Registry) Detect(text string) Detection {
	d := r.det
	if len(text) > maxDetectBytes {
		cut := maxDetectBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	sum := sums{narrow: d.narrow, wide: d.wide}
	sum.scores = sum.stack[:]
	if len(d.codes) > len(sum.stack) {
		sum.scores = make([]float64, len(d.codes))
	}
	// The current word: its lower-cased bytes in buf[:n], the trigram
	// symbols of its runes in syms[:m]. A word that did not fit is long;
	// a word has letters when n > 0 or it is long.
	var buf [maxWordBytes]byte
	var syms [maxWordBytes]uint32
	n, m, long := 0, 0, false
	grams := 0 // words scored by their trigrams
	for i := 0; i < len(text); {
		// Most bytes are plain ASCII letters, read here without the
		// general case's tests and calls.
		for ; i < len(text); i++ {
			p := d.plain[text[i]]
			if p == 0 {
				break
			}
			if n < maxWordBytes {
				buf[n] = byte(p)
				syms[m] = p >> 8
				n++
				m++
			} else {
				long = true
			}
		}
		if i == len(text) {
			break
		}
		var e runeInfo
		c := rune(text[i])
		if c < utf8.RuneSelf {
			e = d.runes[c]
			i++
		} else {
			var size int
			c, size = utf8.DecodeRuneInString(text[i:])
			e = d.info(c)
			i += size
		}
		if e.hint >= 0 {
			sum.add(e.hint)
		}
		switch e.kind {
		case kindLetter:
			size := 1
			if e.lower >= utf8.RuneSelf {
				size = utf8.RuneLen(e.lower)
			}
			if n+size > maxWordBytes {
				long = true
				continue
			}
			if size == 1 {
				buf[n] = byte(e.lower)
			} else {
				utf8.EncodeRune(buf[n:], e.lower)
			}
			n += size
			syms[m] = e.sym
			m++
		case kindMark:
			// Combining marks (decomposed accents) and format
			// characters (soft hyphens) do not break a word; the
			// common accents are composed with their letter.
			if n > 0 && !long {
				n = d.composeMark(&sum, &buf, syms[:m], n, c)
			}
		case kindApostrophe:
			// An apostrophe inside a word: split after an elided
			// function word (l'uomo, qu'il), keep it otherwise
			// (don't, aujourd'hui).
			if n > 0 && !long && n < maxWordBytes {
				buf[n] = '\''
				if s := d.words.find(&buf, n+1); s != nil && s.elided {
					sum.add(s.w)
					n, m = 0, 0
					continue
				}
				n++
				syms[m] = symApostrophe
				m++
			}
		default:
			if n > 0 || long {
				grams = d.endWord(&sum, &buf, n, long, syms[:m], grams)
				n, m, long = 0, 0, false
			}
		}
	}
	if n > 0 || long {
		d.endWord(&sum, &buf, n, long, syms[:m], grams)
	}
	sum.flush()
	best, total := -1, 0.0
	scores := sum.scores[:len(d.codes)]
	for i, s := range scores {
		total += s
		if s > 0 && (best < 0 || s > scores[best]) {
			best = i
		}
	}
	if best < 0 {
		return Detection{}
	}
	return Detection{Code: d.codes[best], Confidence: scores[best] / total}
}

// endWord scores the word buf[:n]: the weights of a function word, or else,
// for the first maxGramWords words, its trigrams. It returns the updated
// count of words scored by their trigrams.
func (d *detector) endWord(sum *sums, buf *[maxWordBytes]byte, n int, long bool, syms []uint32, grams int) int {
	if !long {
		if s := d.words.find(buf, n); s != nil {
			sum.add(s.w)
			return grams
		}
	}
	if grams < maxGramWords {
		d.scoreGrams(sum, syms)
		grams++
	}
	return grams
}

// composeMark replaces the last letter of buf[:n] with its composition with
// the combining mark c, if there is one that fits, and returns the new
// length. syms holds the symbols of the word's runes.
func (d *detector) composeMark(sum *sums, buf *[maxWordBytes]byte, syms []uint32, n int, c rune) int {
	prev, size := utf8.DecodeLastRune(buf[:n])
	comp := compose(prev, c)
	if comp == 0 || n-size+utf8.RuneLen(comp) > maxWordBytes {
		return n
	}
	n -= size
	n += utf8.EncodeRune(buf[n:], comp)
	syms[len(syms)-1] = d.syms[comp]
	if o, ok := d.letters[comp]; ok {
		sum.add(o)
	}
	return n
}

// scoreGrams adds the trigram evidence of one lower-cased word that is not a
// function word, given as the symbols of its runes. A word cut at
// maxWordBytes is scored on its first part. An apostrophe kept inside a word
// (don't) splits it in two, as in the profiles.
func (d *detector) scoreGrams(sum *sums, syms []uint32) {
	t := &d.grams
	if t.dense == nil {
		d.scoreGramsHashed(sum, syms)
		return
	}
	// ab is the index of the last two symbols in the dense table, b the
	// last one; start is set before the first letter of a part.
	k, ab, b, start := t.k, uint32(0), uint32(0), true
	for _, c := range syms {
		switch {
		case c == symApostrophe:
			if !start {
				if v := t.dense[ab*k+symSpace]; v != 0 {
					sum.add(int32(v) - 1)
				}
			}
			start = true
			continue
		case start:
			ab, start = symSpace*k+c, false
		default:
			if v := t.dense[ab*k+c]; v != 0 {
				sum.add(int32(v) - 1)
			}
			ab = b*k + c
		}
		b = c
	}
	if !start {
		if v := t.dense[ab*k+symSpace]; v != 0 {
			sum.add(int32(v) - 1)
		}
	}
}

// scoreGramsHashed is scoreGrams for a hashed trigram table.
func (d *detector) scoreGramsHashed(sum *sums, syms []uint32) {
	const none = ^uint32(0) - 1
	a, b := uint32(symSpace), uint32(none)
	// The word is read with an apostrophe added at its end.
	for i := 0; i <= len(syms); i++ {
		c, split := uint32(symSpace), true
		if i < len(syms) && syms[i] != symApostrophe {
			c, split = syms[i], false
		}
		if b != none {
			if o := d.grams.getHashed(a, b, c); o >= 0 {
				sum.add(o)
			}
			a = b
		}
		b = c
		if split {
			a, b = symSpace, none
		}
	}
}

// sums adds weight vectors to the scores of the packs, in the order they
// come (floating-point addition is not associative), a batch at a time: the
// batch's loop keeps eight scores in registers.
type sums struct {
	scores []float64
	narrow [][8]float64 // detector.narrow
	wide   []float64    // detector.wide
	queue  [128]int32   // the vectors to add
	n      int          // vectors in queue
	stack  [8]float64   // the scores of up to 8 packs, not allocated
}

// add queues the weights v.
func (s *sums) add(v int32) {
	if s.n == len(s.queue) {
		s.flush()
	}
	s.queue[s.n] = v
	s.n++
}

// flush adds the queued vectors to the scores.
func (s *sums) flush() {
	queue := s.queue[:s.n]
	s.n = 0
	if s.narrow == nil {
		n := len(s.scores)
		for _, v := range queue {
			for i, w := range s.wide[int(v)*n : int(v)*n+n] {
				s.scores[i] += w
			}
		}
		return
	}
	// Eight packs or fewer, the scores and vectors padded with zeros
	// (which leave the padding's scores 0).
	p, narrow := (*[8]float64)(s.scores), s.narrow
	s0, s1, s2, s3, s4, s5, s6, s7 := p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]
	for _, v := range queue {
		w := &narrow[v]
		s0, s1, s2, s3 = s0+w[0], s1+w[1], s2+w[2], s3+w[3]
		s4, s5, s6, s7 = s4+w[4], s5+w[5], s6+w[6], s7+w[7]
	}
	p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7] = s0, s1, s2, s3, s4, s5, s6, s7
}
