package lang

import (
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
	// words holds the weight a lower-cased function word gives each pack
	// (indexed like codes).
	words wordTable
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
	grams gramTable
}

// wordTable is an open-addressing hash table from function words to their
// weights per pack; looking a byte slice up does not allocate.
type wordTable struct {
	hashes  []uint64
	words   []string // "" marks an empty slot
	offsets []int32  // start of the slot's weights in weights
	weights []float64
	n       int  // packs
	shift   uint // 64 - log2(len(words))
	maxLen  int  // bytes of the longest word
}

func newWordTable(n int, words map[string][]float64) wordTable {
	size, bits := 8, uint(3)
	for size < 2*len(words) {
		size, bits = size*2, bits+1
	}
	t := wordTable{hashes: make([]uint64, size), words: make([]string, size), offsets: make([]int32, size), n: n, shift: 64 - bits}
	for w, v := range words {
		if w == "" {
			continue
		}
		h := hashBytes([]byte(w))
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
func (t *wordTable) get(w []byte) []float64 {
	if len(w) > t.maxLen || len(t.words) == 0 {
		return nil
	}
	h := hashBytes(w)
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

// hashBytes is 64-bit FNV-1a, spread by a final multiplication.
func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h * 0x9E3779B97F4A7C15
}

// gramTable is an open-addressing hash table from packed trigrams to their
// weights per pack, faster than a map on the hot path.
type gramTable struct {
	keys    []uint64 // 0 marks an empty slot; no packed trigram is 0
	offsets []int32  // start of the slot's weights in weights
	weights []float64
	n       int  // packs
	shift   uint // 64 - log2(len(keys))
}

func newGramTable(n int, grams map[uint64][]float64) gramTable {
	size, bits := 8, uint(3)
	for size < 2*len(grams) {
		size, bits = size*2, bits+1
	}
	t := gramTable{keys: make([]uint64, size), offsets: make([]int32, size), n: n, shift: 64 - bits}
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

func (t *gramTable) slot(g uint64) int {
	return int((g * 0x9E3779B97F4A7C15) >> t.shift)
}

// get returns the weights of trigram g, nil when no pack has it.
func (t *gramTable) get(g uint64) []float64 {
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

func newDetector(packs []*Pack) *detector {
	d := &detector{
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
			w = normApostrophe(w)
			if strings.ContainsRune(w, ' ') {
				continue // the detector sees single words only
			}
			wordOwners[w] = addOwner(wordOwners[w], i)
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
		for _, w := range vocabulary(p) {
			forTrigrams(w, func(g uint64) {
				if gramCount[g] == nil {
					gramCount[g] = make([]float64, n)
				}
				gramCount[g][i]++
			})
		}
	}
	words := make(map[string][]float64, len(wordOwners))
	for w, idx := range wordOwners {
		words[w] = shares(n, idx, 1)
	}
	d.words = newWordTable(n, words)
	for r, idx := range letterOwners {
		v := shares(n, idx, letterWeight)
		if r < utf8.RuneSelf {
			d.ascii[r] = v
			d.ascii[unicode.ToUpper(r)] = v
		} else {
			d.letters[r] = v
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
	grams := make(map[uint64][]float64, len(gramCount))
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
		grams[g] = w
	}
	d.grams = newGramTable(n, grams)
	return d
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
	var stack [8]float64 // the scores of up to 8 packs, not allocated
	scores := stack[:0]
	if len(d.codes) <= len(stack) {
		scores = stack[:len(d.codes)]
	} else {
		scores = make([]float64, len(d.codes))
	}
	var buf [maxWordBytes]byte
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
				add(scores, v)
				n, long, letters = 0, false, 0
				return
			}
		}
		if grams < maxGramWords {
			grams++
			d.scoreGrams(scores, buf[:n])
		}
		n, long, letters = 0, false, 0
	}
	for _, c := range text {
		if c < utf8.RuneSelf {
			// ASCII fast path: letters and the apostrophe.
			if v := d.ascii[c]; v != nil {
				add(scores, v)
			}
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				if n < maxWordBytes {
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
			add(scores, v)
		}
		switch {
		case unicode.IsLetter(c):
			c = unicode.ToLower(c)
			if n+utf8.RuneLen(c) <= maxWordBytes {
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
				if comp := compose(prev, c); comp != 0 && n-size+utf8.RuneLen(comp) <= maxWordBytes {
					n -= size
					n += utf8.EncodeRune(buf[n:], comp)
					if v, ok := d.letters[comp]; ok {
						add(scores, v)
					}
				}
			}
		case isApostrophe(c) && letters > 0:
			// An apostrophe inside a word: split after an elided
			// function word (l'uomo, qu'il), keep it otherwise
			// (don't, aujourd'hui).
			if !long && n < maxWordBytes {
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
// function word. A word cut at maxWordBytes is scored on its first part.
func (d *detector) scoreGrams(scores []float64, word []byte) {
	a, b := rune(' '), rune(-1)
	for len(word) > 0 {
		c, size := utf8.DecodeRune(word)
		word = word[size:]
		if c == '\'' {
			// An apostrophe kept inside a word (don't) splits it in
			// two, as in the profiles.
			if b >= 0 {
				add(scores, d.grams.get(packGram(a, b, ' ')))
			}
			a, b = ' ', -1
			continue
		}
		if b >= 0 {
			add(scores, d.grams.get(packGram(a, b, c)))
			a = b
		}
		b = c
	}
	if b >= 0 {
		add(scores, d.grams.get(packGram(a, b, ' ')))
	}
}

func add(scores, v []float64) {
	for i, s := range v {
		scores[i] += s
	}
}
