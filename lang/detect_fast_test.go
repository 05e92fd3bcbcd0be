package lang

// This file keeps the Detect of before the speed work (commit 1b40a53) as a
// reference, renamed with a ref prefix and with its own detector, and checks
// that Detect gives exactly the same Detection: the same code and the same
// float64 confidence, bit for bit.

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/internal/bundled"
)

// Weights of the three kinds of evidence. Each occurrence of a function word
// scores 1 and each occurrence of a letter hint refLetterWeight, split evenly
// among the packs that list it. Each character trigram of a word that is not
// a function word scores refGramWeight, split among the packs in proportion to
// its frequency in their vocabularies: trigrams decide only texts with
// little other evidence.
const (
	refLetterWeight = 0.5
	refGramWeight   = 0.05
)

// refMaxGramWords bounds the words scored by their trigrams: the trigrams
// decide short texts, and in a long text the function words outweigh them.
const refMaxGramWords = 256

// refMaxWordBytes bounds the bytes of a word kept for look-ups; no function
// word is longer, and longer words are scored by their trigrams only.
const refMaxWordBytes = 64

// refDetector scores text against the function-word profiles, letter hints and
// character trigram profiles of the installed packs.
type refDetector struct {
	codes []string
	// words holds the weight a lower-cased function word gives each pack
	// (indexed like codes).
	words refWordTable
	// elided holds the function words that end in an apostrophe (French
	// l', Italian dell'): a word is split after such a prefix.
	elided map[string]struct{}
	// letters maps a lower-cased letter hint to its weight per pack;
	// ascii holds the hints below utf8.RuneSelf, in both cases.
	letters map[rune][]float64
	ascii   [utf8.RuneSelf][]float64
	// grams holds the weight per pack of a packed trigram of lower-cased
	// runes, a space marking the word boundaries. The profiles are built
	// from the words of the packs themselves: stopwords, month names and
	// the words of the page phrases.
	grams refGramTable
}

// refWordTable is an open-addressing hash table from function words to their
// weights per pack; looking a byte slice up does not allocate.
type refWordTable struct {
	hashes  []uint64
	words   []string // "" marks an empty slot
	offsets []int32  // start of the slot's weights in weights
	weights []float64
	n       int  // packs
	shift   uint // 64 - log2(len(words))
	maxLen  int  // bytes of the longest word
}

func refNewWordTable(n int, words map[string][]float64) refWordTable {
	size, bits := 8, uint(3)
	for size < 2*len(words) {
		size, bits = size*2, bits+1
	}
	t := refWordTable{hashes: make([]uint64, size), words: make([]string, size), offsets: make([]int32, size), n: n, shift: 64 - bits}
	for w, v := range words {
		if w == "" {
			continue
		}
		h := refHashBytes([]byte(w))
		i := int(h >> t.shift)
		for t.words[i] != "" {
			i = (i + 1) & (size - 1)
		}
		t.hashes[i], t.words[i] = h, w
		t.offsets[i] = int32(len(t.weights))
		t.weights = append(t.weights, v...)
		t.maxLen = max(t.maxLen, len(w))
	}
	return t
}

// get returns the weights of word w, nil when no pack has it.
func (t *refWordTable) get(w []byte) []float64 {
	if len(w) > t.maxLen || len(t.words) == 0 {
		return nil
	}
	h := refHashBytes(w)
	mask := len(t.words) - 1
	for i := int(h >> t.shift); ; i = (i + 1) & mask {
		if t.words[i] == "" {
			return nil
		}
		if t.hashes[i] == h && t.words[i] == string(w) {
			o := int(t.offsets[i])
			return t.weights[o : o+t.n : o+t.n]
		}
	}
}

// refHashBytes is 64-bit FNV-1a, spread by a final multiplication.
func refHashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h * 0x9E3779B97F4A7C15
}

// refGramTable is an open-addressing hash table from packed trigrams to their
// weights per pack, faster than a map on the hot path.
type refGramTable struct {
	keys    []uint64 // 0 marks an empty slot; no packed trigram is 0
	offsets []int32  // start of the slot's weights in weights
	weights []float64
	n       int  // packs
	shift   uint // 64 - log2(len(keys))
}

func refNewGramTable(n int, grams map[uint64][]float64) refGramTable {
	size, bits := 8, uint(3)
	for size < 2*len(grams) {
		size, bits = size*2, bits+1
	}
	t := refGramTable{keys: make([]uint64, size), offsets: make([]int32, size), n: n, shift: 64 - bits}
	for g, w := range grams {
		i := t.slot(g)
		for t.keys[i] != 0 {
			i = (i + 1) & (size - 1)
		}
		t.keys[i] = g
		t.offsets[i] = int32(len(t.weights))
		t.weights = append(t.weights, w...)
	}
	return t
}

func (t *refGramTable) slot(g uint64) int {
	return int((g * 0x9E3779B97F4A7C15) >> t.shift)
}

// get returns the weights of trigram g, nil when no pack has it.
func (t *refGramTable) get(g uint64) []float64 {
	if len(t.keys) == 0 {
		return nil
	}
	mask := len(t.keys) - 1
	for i := t.slot(g); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case g:
			o := int(t.offsets[i])
			return t.weights[o : o+t.n : o+t.n]
		case 0:
			return nil
		}
	}
}

func refNewDetector(packs []*Pack) *refDetector {
	d := &refDetector{
		elided:  map[string]struct{}{},
		letters: map[rune][]float64{},
	}
	n := len(packs)
	wordOwners := map[string][]int{}
	letterOwners := map[rune][]int{}
	gramCount := map[uint64][]float64{}
	for i, p := range packs {
		d.codes = append(d.codes, p.Code)
		for w := range p.stop {
			w = refNormApostrophe(w)
			if strings.ContainsRune(w, ' ') {
				continue // the refDetector sees single words only
			}
			wordOwners[w] = refAddOwner(wordOwners[w], i)
			if strings.HasSuffix(w, "'") {
				d.elided[w] = struct{}{}
			}
		}
		seen := map[rune]bool{}
		for _, r := range p.Letters {
			r = unicode.ToLower(r)
			if !seen[r] {
				seen[r] = true
				letterOwners[r] = append(letterOwners[r], i)
			}
		}
		for _, w := range refVocabulary(p) {
			refForTrigrams(w, func(g uint64) {
				if gramCount[g] == nil {
					gramCount[g] = make([]float64, n)
				}
				gramCount[g][i]++
			})
		}
	}
	words := make(map[string][]float64, len(wordOwners))
	for w, idx := range wordOwners {
		words[w] = refShares(n, idx, 1)
	}
	d.words = refNewWordTable(n, words)
	for r, idx := range letterOwners {
		v := refShares(n, idx, refLetterWeight)
		if r < utf8.RuneSelf {
			d.ascii[r] = v
			d.ascii[unicode.ToUpper(r)] = v
		} else {
			d.letters[r] = v
		}
	}
	// A trigram's weight is split among the packs in proportion to its
	// frequency in each pack's refVocabulary.
	total := make([]float64, n)
	for _, v := range gramCount {
		for i, c := range v {
			total[i] += c
		}
	}
	grams := make(map[uint64][]float64, len(gramCount))
	for g, v := range gramCount {
		w := make([]float64, n)
		sum := 0.0
		for i, c := range v {
			w[i] = c / total[i]
			sum += w[i]
		}
		for i := range w {
			w[i] *= refGramWeight / sum
		}
		grams[g] = w
	}
	d.grams = refNewGramTable(n, grams)
	return d
}

// refAddOwner appends pack index i unless it is already the last owner.
func refAddOwner(owners []int, i int) []int {
	if len(owners) > 0 && owners[len(owners)-1] == i {
		return owners
	}
	return append(owners, i)
}

// refShares splits weight among the owning packs.
func refShares(n int, owners []int, weight float64) []float64 {
	v := make([]float64, n)
	for _, i := range owners {
		v[i] = weight / float64(len(owners))
	}
	return v
}

// refVocabulary returns the lower-cased words of a pack that show its
// orthography: function words, month names and the words of its page
// phrases.
func refVocabulary(p *Pack) []string {
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

// refForTrigrams calls fn with every trigram of a lower-case word padded with
// one space on each side.
func refForTrigrams(word string, fn func(uint64)) {
	a, b := rune(' '), rune(-1)
	for _, c := range word {
		if b >= 0 {
			fn(refPackGram(a, b, c))
			a = b
		}
		b = c
	}
	if b >= 0 {
		fn(refPackGram(a, b, ' '))
	}
}

func refPackGram(a, b, c rune) uint64 {
	return uint64(a)<<42 | uint64(b)<<21 | uint64(c)
}

// refIsApostrophe reports whether c is one of the apostrophes found in text.
func refIsApostrophe(c rune) bool { return c == '\'' || c == '’' || c == 'ʼ' }

// refNormApostrophe writes every apostrophe as '.
func refNormApostrophe(w string) string {
	return strings.Map(func(c rune) rune {
		if refIsApostrophe(c) {
			return '\''
		}
		return c
	}, w)
}

// refComposable lists, for the combining accents of the Latin languages, the
// lower-case letters they combine with and the precomposed results.
var refComposable = map[rune][2]string{
	'\u0300': {"aeiou", "àèìòù"},   // grave
	'\u0301': {"aeiouy", "áéíóúý"}, // acute
	'\u0302': {"aeiou", "âêîôû"},   // circumflex
	'\u0303': {"ano", "ãñõ"},       // tilde
	'\u0308': {"aeiouy", "äëïöüÿ"}, // diaeresis
	'\u030a': {"a", "å"},           // ring
	'\u0327': {"c", "ç"},           // cedilla
}

// refCompose returns the precomposed form of a lower-case letter followed by a
// combining mark, 0 when there is none.
func refCompose(letter, mark rune) rune {
	m, ok := refComposable[mark]
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

// refMaxDetectBytes bounds the work spent on long documents: the first
// paragraphs decide the language.
const refMaxDetectBytes = 16 << 10

// Detect identifies the language of text among the registry's packs. It
// scores the function words of each language (words shared by several
// languages count less), letters that are strong evidence for a language,
// and, with a small weight, the character trigrams of the other words. Only
// the first 16 KiB of text are read. Any string is accepted, invalid UTF-8
// included; a text without evidence for any pack gives the zero Detection.
func referenceDetect(d *refDetector, text string) Detection {
	if len(text) > refMaxDetectBytes {
		cut := refMaxDetectBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var stack [8]float64 // the scores of up to 8 packs, not allocated
	scores := stack[:0]
	if len(d.codes) <= len(stack) {
		scores = stack[:len(d.codes)]
	} else {
		scores = make([]float64, len(d.codes))
	}
	var buf [refMaxWordBytes]byte
	n := 0        // bytes of the current word in buf
	long := false // the current word did not fit in buf
	letters := 0  // letters in the current word
	grams := 0    // words scored by their trigrams
	flush := func() {
		if letters == 0 {
			n, long = 0, false
			return
		}
		if !long {
			if v := d.words.get(buf[:n]); v != nil {
				refAdd(scores, v)
				n, long, letters = 0, false, 0
				return
			}
		}
		if grams < refMaxGramWords {
			grams++
			d.scoreGrams(scores, buf[:n])
		}
		n, long, letters = 0, false, 0
	}
	for _, c := range text {
		if c < utf8.RuneSelf {
			// ASCII fast path: letters and the apostrophe.
			if v := d.ascii[c]; v != nil {
				refAdd(scores, v)
			}
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				if n < refMaxWordBytes {
					buf[n] = byte(c) | 0x20
					n++
				} else {
					long = true
				}
				letters++
				continue
			case c != '\'':
				flush()
				continue
			}
		} else if v, ok := d.letters[unicode.ToLower(c)]; ok {
			refAdd(scores, v)
		}
		switch {
		case unicode.IsLetter(c):
			c = unicode.ToLower(c)
			if n+utf8.RuneLen(c) <= refMaxWordBytes {
				n += utf8.EncodeRune(buf[n:], c)
			} else {
				long = true
			}
			letters++
		case unicode.In(c, unicode.Mn, unicode.Cf):
			// Combining marks (decomposed accents) and format
			// characters (soft hyphens) do not break a word; the
			// common accents are composed with their letter.
			if letters > 0 && !long && n > 0 {
				prev, size := utf8.DecodeLastRune(buf[:n])
				if comp := refCompose(prev, c); comp != 0 && n-size+utf8.RuneLen(comp) <= refMaxWordBytes {
					n -= size
					n += utf8.EncodeRune(buf[n:], comp)
					if v, ok := d.letters[comp]; ok {
						refAdd(scores, v)
					}
				}
			}
		case refIsApostrophe(c) && letters > 0:
			// An apostrophe inside a word: split after an elided
			// function word (l'uomo, qu'il), keep it otherwise
			// (don't, aujourd'hui).
			if !long && n < refMaxWordBytes {
				buf[n] = '\''
				if _, ok := d.elided[string(buf[:n+1])]; ok {
					n++
					flush()
					continue
				}
				n++
			}
		default:
			flush()
		}
	}
	flush()
	best, total := -1, 0.0
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

// scoreGrams adds the trigram evidence of one lower-cased word that is not a
// function word. A word cut at refMaxWordBytes is scored on its first part.
func (d *refDetector) scoreGrams(scores []float64, word []byte) {
	a, b := rune(' '), rune(-1)
	for len(word) > 0 {
		c, size := utf8.DecodeRune(word)
		word = word[size:]
		if c == '\'' {
			// An apostrophe kept inside a word (don't) splits it in
			// two, as in the profiles.
			if b >= 0 {
				refAdd(scores, d.grams.get(refPackGram(a, b, ' ')))
			}
			a, b = ' ', -1
			continue
		}
		if b >= 0 {
			refAdd(scores, d.grams.get(refPackGram(a, b, c)))
			a = b
		}
		b = c
	}
	if b >= 0 {
		refAdd(scores, d.grams.get(refPackGram(a, b, ' ')))
	}
}

func refAdd(scores, v []float64) {
	for i, s := range v {
		scores[i] += s
	}
}

// sameDetection reports whether two detections are equal bit for bit.
func sameDetection(a, b Detection) bool {
	return a.Code == b.Code && math.Float64bits(a.Confidence) == math.Float64bits(b.Confidence)
}

// referenceRegistry pairs a registry with the reference detector of the
// same packs.
type referenceRegistry struct {
	reg *Registry
	ref *refDetector
}

func newReferenceRegistry(t testing.TB, packs ...*Pack) referenceRegistry {
	reg, err := NewRegistry(packs...)
	require.NoError(t, err)
	ordered := make([]*Pack, len(reg.codes))
	for i, c := range reg.codes {
		ordered[i] = reg.packs[c]
	}
	return referenceRegistry{reg, refNewDetector(ordered)}
}

// referenceRegistries returns the built-in packs; ten packs (more than
// Detect keeps on the stack) with odd letter hints and function words:
// upper-case, non-letter, combining and ASCII hints, letters whose case
// mapping changes their length, apostrophes; and a single pack.
func referenceRegistries(t testing.TB) []referenceRegistry {
	builtin, err := BuiltinPacks()
	require.NoError(t, err)
	odd := append([]*Pack(nil), builtin...)
	for i, extra := range []struct{ letters, words string }{
		{"AÀǅǄİıΣσςK\u212a'’ʼ\u0301\u00ad1 ßẞ", "l' x’y ǆ ab\u0301c über k ς σ ı i̇ ǅ don't"},
		{"zZþÞ\u0308\u200bé", "zz þá é e\u0301 qu' -- 1 \u00ad ȿ ɐ ⱥ"},
		{"\xff\U0010ffff\uFFFDaa", "\xff \ufffd \U0010ffff ab ba"},
		// Function words longer than the 16 bytes of a word table key,
		// and than a word Detect looks up.
		{"", "abcdefghijklmnopqrstu abcdefghijklmnopqrstv über'ünterschiedlich " + strings.Repeat("x", maxWordBytes) + " " + strings.Repeat("y", maxWordBytes+1)},
		// More letters than a dense trigram table takes.
		{"ωЖ", "αβγδεζηθικλμνξοπρστυφχψω абвгдежзийклмнопрстуфхцчшщъыьэюя אבגדהוזחטיכלמנסעפצקרשת"},
	} {
		q := *builtin[i]
		q.Code = "x" + string(rune('a'+i))
		q.Letters = extra.letters
		q.stop = map[string]struct{}{}
		for w := range builtin[i].stop {
			q.stop[w] = struct{}{}
		}
		q.Stopwords = append(q.Stopwords[:len(q.Stopwords):len(q.Stopwords)], strings.Fields(extra.words)...)
		for _, w := range strings.Fields(extra.words) {
			q.stop[w] = struct{}{}
		}
		odd = append(odd, &q)
	}
	require.Greater(t, len(odd), 8)
	return []referenceRegistry{
		newReferenceRegistry(t, builtin...),
		newReferenceRegistry(t, odd...),
		newReferenceRegistry(t, builtin[1]),
	}
}

// referenceTexts returns the bundled texts: the seed articles, the quote
// test articles and the fuzz corpus of FuzzDetect.
func referenceTexts(t testing.TB) []string {
	var texts []string
	articles, err := bundled.Articles()
	require.NoError(t, err)
	require.NotEmpty(t, articles)
	for _, a := range articles {
		texts = append(texts, a.Text)
	}
	for _, dir := range []string{"testdata/fuzz/FuzzDetect", "testdata/fuzz/FuzzDetectReference"} {
		files, err := filepath.Glob(filepath.Join(dir, "*"))
		require.NoError(t, err)
		for _, name := range files {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			for _, line := range strings.Split(string(data), "\n") {
				if v, ok := strings.CutPrefix(line, "string("); ok {
					s, err := strconv.Unquote(strings.TrimSuffix(v, ")"))
					require.NoError(t, err, name)
					texts = append(texts, s)
				}
			}
		}
	}
	return texts
}

// variants returns forms of text that reach the other paths of Detect.
func variants(text string) []string {
	decomposed := strings.NewReplacer("é", "e\u0301", "è", "e\u0300", "à", "a\u0300", "ü", "u\u0308", "ç", "c\u0327", "ñ", "n\u0303", "á", "a\u0301", "ó", "o\u0301", "Ö", "O\u0308").Replace(text)
	apostrophes := strings.NewReplacer("'", "’", "’", "ʼ", "ʼ", "'").Replace(text)
	out := []string{
		text, strings.ToUpper(text), strings.ToLower(text), decomposed, apostrophes,
		strings.Repeat(text, 1+maxDetectBytes/(len(text)+1)) + "x", // over 16 KiB
		strings.ReplaceAll(text, " ", ""),                          // long words
		strings.ReplaceAll(text, " ", "\u00ad"),
		strings.ReplaceAll(text, "e", "\xe9"), // invalid UTF-8
	}
	// Cuts anywhere, inside runes too.
	for i := 1; i < len(text); i += 1 + len(text)/7 {
		out = append(out, text[i:], text[:i])
	}
	return out
}

func checkReference(t *testing.T, regs []referenceRegistry, text string) {
	t.Helper()
	for i, r := range regs {
		want := referenceDetect(r.ref, text)
		if got := r.reg.Detect(text); !sameDetection(got, want) {
			t.Fatalf("registry %d: Detect(%.200q) = %v (%x), want %v (%x)", i, text,
				got, math.Float64bits(got.Confidence), want, math.Float64bits(want.Confidence))
		}
	}
}

func TestDetectReference(t *testing.T) {
	regs := referenceRegistries(t)
	extra := []string{
		"", " ", "'", "a'", "'a", "l'", "l'homme", "l’", "qu'il", "x'y'z", "don't",
		"ǅ ǆ Ǆ", "İstanbul ıi", "ΣΑΣ σας", "K\u212a", "Straße STRASSE ẞ",
		strings.Repeat("a", maxWordBytes-1) + "é", strings.Repeat("a", maxWordBytes) + "é",
		strings.Repeat("a", maxWordBytes-1) + "e\u0301", strings.Repeat("a", maxWordBytes-2) + "é\u0301",
		strings.Repeat("é", maxWordBytes/2) + "'", strings.Repeat("a", maxWordBytes-1) + "'",
		strings.Repeat("l'", 100), "e\u0301\u0301\u0301", "\u0301e", "1\u0301", "A\u0301 Y\u0308",
		"\xff\xfe", "\xc3", "a\xc3b", "\xe2\x80\x99", "a\xe2\x80", "🙂 a🙂b",
		strings.Repeat("the ", 300), strings.Repeat("und die der ", 2000),
		"abcdefghijklmnopqrstu abcdefghijklmnopqrstv abcdefghijklmnopqrstw abcdefghijklmnopq abcdefghijklmnop",
		"ABCDEFGHIJKLMNOPQRSTU über'ünterschiedlich über’Ünterschiedlich über'ünterschiedlichkeit",
		strings.Repeat("x", maxWordBytes) + " " + strings.Repeat("y", maxWordBytes+1) + " " + strings.Repeat("x", maxWordBytes+1),
	}
	for i := range 8 {
		// The 16 KiB cut at each byte of a rune.
		extra = append(extra, strings.Repeat("a", maxDetectBytes-i)+"þæ€🙂 le la")
	}
	for _, text := range append(extra, referenceTexts(t)...) {
		for _, v := range variants(text) {
			checkReference(t, regs, v)
		}
	}
}

func FuzzDetectReference(f *testing.F) {
	regs := referenceRegistries(f)
	for _, s := range []string{"", "l'homme d’affaires", "Straße", "\xff\xfe", "a'b'c", "þetta er", "¿Qué?",
		"e\u0301te\u0301", "Bundes\u00adregierung", "ǅ İ K", strings.Repeat("ö", 70), "x'" + strings.Repeat("é", 40) + "'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkReference(t, regs, s)
		// Across the 16 KiB cut, after spaces that are quick to read.
		checkReference(t, regs, strings.Repeat(" ", max(maxDetectBytes-len(s)/2, 0))+s)
	})
}

func TestReferenceRegistries(t *testing.T) {
	regs := referenceRegistries(t)
	require.True(t, regs[0].reg.det.grams.dense != nil, "the built-in packs have a dense trigram table")
	require.True(t, regs[1].reg.det.grams.dense == nil, "the odd packs have a hashed trigram table")
	require.True(t, regs[0].reg.det.narrow != nil && regs[2].reg.det.narrow != nil, "up to eight packs have narrow weights")
	require.True(t, regs[1].reg.det.narrow == nil, "ten packs have wide weights")
}
