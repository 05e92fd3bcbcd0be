package entities

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

// Recognizer finds entities in the text of one language. Build it once per
// language; it is immutable and safe for concurrent use.
type Recognizer struct {
	pack        *lang.Pack
	gaz         *Gazetteer
	prose       bool
	particles   map[string]bool
	titles      map[string]bool // as written
	roles       map[string]bool // folded
	orgWords    map[string]bool // folded
	locWords    map[string]bool // folded
	orgSuffix   map[string]bool // as written
	pronouns    map[string]bool // folded
	suffixes    []string        // case endings, folded, longest first
	surnameCase [][2]string     // inflected surname ending → base, folded
	notNames    map[string]bool // folded: months, days, common capitalised nouns
	placePrep   map[string]bool // lower case
	connectors  map[string]bool // lower case: "of", "di", "de la"
	determiners map[string]bool // lower case
	comps       map[string]bool // complementizers, lower case: "that" is no article there
	nounCase    bool
	roleLens    []int // the lengths in bytes of the roles, of five or more
	// roleEnds has bit b1<<8|b2 set for the last two bytes of those roles:
	// a word ending otherwise ends in none of them.
	roleEnds *[1 << 16 / 64]uint64
	// lex says which of the word lists above (and the pack's stopwords)
	// hold a word, by its fold: one look-up for them all (lexicon.go).
	lex map[string]lexBits
	// sufEnds holds, by last byte, the suffixes that end in it (in the
	// order of suffixes): a word need try only those (suffixesOf).
	sufEnds *[256][]string
}

// Option configures a Recognizer.
type Option func(*Recognizer)

// WithProse turns prose/v2's English part-of-speech and entity signals on
// or off (default off). It has an effect on English packs only; the model
// is loaded once per process, on first use.
func WithProse(on bool) Option { return func(r *Recognizer) { r.prose = on } }

// WithNotNames adds words never taken for names on their own, such as the
// months and days of every language a corpus mixes ("February" in an
// Icelandic article).
func WithNotNames(words ...string) Option {
	return func(r *Recognizer) {
		for _, w := range words {
			r.notNames[fold(w)] = true
		}
	}
}

// NewRecognizer returns a recognizer for the language of p with the names
// of g. p may be nil (structure alone); g nil means no gazetteer.
func NewRecognizer(p *lang.Pack, g *Gazetteer, opts ...Option) *Recognizer {
	if p == nil {
		p = &lang.Pack{}
	}
	if g == nil {
		g = NewGazetteer(GazetteerData{})
	}
	r := &Recognizer{
		pack:        p,
		gaz:         g,
		particles:   set(p.NameParticles, strings.ToLower),
		titles:      set(p.Titles, nil),
		roles:       set(p.Roles, fold),
		orgWords:    set(p.OrgWords, fold),
		locWords:    set(p.LocWords, fold),
		orgSuffix:   set(p.OrgSuffixes, nil),
		pronouns:    set(append(append(append([]string(nil), p.Pronouns...), p.ObjectPronouns...), p.ThingPronouns...), fold),
		notNames:    set(p.NotNames, fold),
		placePrep:   set(p.PlacePrepositions, strings.ToLower),
		connectors:  set(p.Connectors, strings.ToLower),
		determiners: set(p.Determiners, strings.ToLower),
		comps:       set(p.Complementizers, strings.ToLower),
		nounCase:    p.CapitalizedNouns,
	}
	for _, w := range append(append([]string(nil), p.Months...), p.Days...) {
		r.notNames[fold(w)] = true
	}
	for _, s := range p.CaseSuffixes {
		r.suffixes = append(r.suffixes, fold(s))
	}
	if len(r.suffixes) > 0 {
		r.sufEnds = new([256][]string)
		for b := range r.sufEnds {
			for _, s := range r.suffixes {
				if s == "" || s[len(s)-1] == byte(b) {
					r.sufEnds[b] = append(r.sufEnds[b], s)
				}
			}
		}
	}
	for _, c := range p.SurnameCases {
		r.surnameCase = append(r.surnameCase, [2]string{fold(c[0]), fold(c[1])})
	}
	for _, o := range opts {
		o(r)
	}
	for role := range r.roles {
		if n := len(role); n >= 5 {
			if !slices.Contains(r.roleLens, n) {
				r.roleLens = append(r.roleLens, n)
			}
			if r.roleEnds == nil {
				r.roleEnds = new([1 << 16 / 64]uint64)
			}
			e := uint16(role[n-2])<<8 | uint16(role[n-1])
			r.roleEnds[e/64] |= 1 << (e % 64)
		}
	}
	r.lex = r.buildLex()
	if p.Code != "en" {
		r.prose = false
	}
	return r
}

func set(words []string, f func(string) string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		if f != nil {
			w = f(w)
		}
		m[w] = true
	}
	return m
}

// word is a token, or the name part of one ("Kreml" of "Kreml-Sprechers",
// "Elysée" of "dell'Elysée"), with what capitalisation says of it.
type word struct {
	text.Span
	s        string
	low      string // s lower-cased, computed once
	f        string // s folded (fold), computed once
	sentence int
	first    bool // first word of its sentence
	upper    bool // starts with a capital
	acronym  bool // two or more letters, all capitals
	camel    bool // a capital after a lower-case letter inside: SpaceX, eBay
	handle   bool // @name
	part     bool // cut from a compound: weak evidence
	gapAfter bool // punctuation follows before the next word
	dotAfter bool // the punctuation after is one full stop
	owner    bool // a possessive ending was cut off: "Russia('s)"
	shouting bool // in a sentence written in capitals
	used     bool // taken by a mention
	// proseType is prose's entity type for the word (English, WithProse);
	// proseTagged says prose gave one.
	proseType   Type
	proseTagged bool
	// proseLower: prose tags the word as a common word (not NNP/NNPS).
	proseLower bool
	ascii      bool // all ASCII: fold(s) is f
	caps       bool // ASCII, and its letters capitals (isAllUpper)
	// fIsFold: fold(s) is f (fold of the lower-cased word), as for almost
	// every word (memoFoldS).
	fIsFold bool
	// memo says which look-ups of the word (facts, given, lex, role,
	// alias) have been made: the rules ask of a word several times, and
	// each look-up is a hash and often a cache miss in a large map.
	memo  uint8
	facts wordFacts // the gazetteer's facts about f
	given bool      // a given name
	lex   bool      // a function word, pronoun, month or demonym by spelling
	role  bool
	lexb  lexBits // Recognizer.lex[f]
	// lowIsF and sIsF say that low, and s, are f: then the bits of lexb
	// for the lists of lower-cased and written words are exact (lowIn).
	lowIsF, sIsF bool
	// aliasN and alias are the match of the word alone in the gazetteer
	// (lookupOne).
	aliasN int8
	alias  *Entry
}

const (
	memoFacts uint8 = 1 << iota
	memoGiven
	memoLex
	memoRole
	memoAlias
	memoLexBits
	memoFoldS
)

// foldOfS says whether fold(w.s) is w.f, worked out once: then the
// look-ups by fold(w.s) can use the facts already fetched for w.f.
func foldOfS(w *word) bool {
	if w.memo&memoFoldS == 0 {
		w.memo |= memoFoldS
		var buf [64]byte
		w.fIsFold = w.ascii || string(appendFold(buf[:0], w.s)) == w.f
	}
	return w.fIsFold
}

// keyIsF says whether w.f is the alias key of w.s (aliasKey): fold(w.s)
// is w.f and has no space (no ASCII space is part of a token).
func keyIsF(w *word) bool {
	return w.ascii || foldOfS(w) && !strings.ContainsFunc(w.f, unicode.IsSpace)
}

// factsOf returns r.gaz.facts[w.f], looked up once.
func (r *Recognizer) factsOf(w *word) *wordFacts {
	if w.memo&memoFacts == 0 {
		w.memo |= memoFacts
		w.facts = r.gaz.facts[w.f]
	}
	return &w.facts
}

// lexOf returns r.lex[w.f], looked up once.
func (r *Recognizer) lexOf(w *word) lexBits {
	if w.memo&memoLexBits == 0 {
		w.memo |= memoLexBits
		w.lexb = r.lex[w.f]
	}
	return w.lexb
}

// typeHint is r.gaz.TypeHint of the words ws[i:j] joined by spaces. The
// facts of a word whose alias key is f hold the hint.
func (r *Recognizer) typeHint(ws []word, i, j int) (Type, bool) {
	if j-i == 1 {
		if keyIsF(&ws[i]) {
			f := r.factsOf(&ws[i])
			return f.hint, f.hinted
		}
	}
	// The key is the words' folds joined by spaces when each is its word's
	// alias key and not empty (fields would drop it), as almost always.
	var buf [128]byte
	key := buf[:0]
	for k := i; k < j; k++ {
		w := &ws[k]
		if w.f == "" || !keyIsF(w) {
			return r.gaz.typeHintWords(ws[i:j])
		}
		if k > i {
			key = append(key, ' ')
		}
		key = append(key, w.f...)
	}
	t, ok := r.gaz.hints[string(key)]
	return t, ok
}

// aliasOf is r.gaz.Lookup(w.s): the facts of a word whose alias key is
// f hold the entry.
func (r *Recognizer) aliasOf(w *word) (*Entry, bool) {
	if keyIsF(w) {
		e := r.factsOf(w).alias
		return e, e != nil
	}
	return r.gaz.Lookup(w.s)
}

// isGiven is r.gaz.IsGivenName(w.s), looked up once.
func (r *Recognizer) isGiven(w *word) bool {
	if w.memo&memoGiven == 0 {
		w.memo |= memoGiven
		if foldOfS(w) {
			w.given = r.factsOf(w).given
		} else {
			w.given = r.gaz.IsGivenName(w.s)
		}
	}
	return w.given
}

// candidate is a proposed mention before clustering.
type candidate struct {
	text.Span
	words    []word // the name's words, case endings not yet stripped
	sentence int
	typ      Type
	typed    bool // the type comes from evidence, not a default
	entry    *Entry
	weak     bool // needs support from elsewhere in the article
}

// Find returns the entities mentioned in the given sentences of src (the
// article body's sentences), mentions in text order, entities in order of
// first mention.
func (r *Recognizer) Find(src string, sentences []text.Span) []Entity {
	ents, _ := r.FindContext(context.Background(), src, sentences)
	return ents
}

// checkEvery is how many sentences FindContext reads between looks at its
// context.
const checkEvery = 64

// FindContext is Find that stops, with the context's error and no
// entities, when ctx is done.
func (r *Recognizer) FindContext(ctx context.Context, src string, sentences []text.Span) ([]Entity, error) {
	return r.FindTokens(ctx, src, sentences, nil)
}

// FindTokens is FindContext given each sentence's tokens, the ones
// text.AppendTokens gives (as article.Page.Tokens holds them), so that the
// sentences are not tokenized again; tokens may be nil.
func (r *Recognizer) FindTokens(ctx context.Context, src string, sentences []text.Span, tokens [][]text.Token) ([]Entity, error) {
	if tokens != nil && len(tokens) != len(sentences) {
		return nil, fmt.Errorf("entities: tokens for %d sentences, not %d", len(tokens), len(sentences))
	}
	f := getFinder(r)
	defer f.release()
	return f.find(ctx, src, sentences, tokens)
}

// find is FindTokens with f.
func (f *finder) find(ctx context.Context, src string, sentences []text.Span, tokens [][]text.Token) ([]Entity, error) {
	r := f.Recognizer
	for si, s := range sentences {
		if si%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		toks := f.toks
		if tokens != nil {
			toks = tokens[si]
		} else {
			toks = text.AppendTokens(toks[:0], src, s)
			f.toks = toks
		}
		f.toksUsed = max(f.toksUsed, len(f.toks))
		f.sent = f.words(f.sent[:0], src, toks, si)
		f.sentUsed = max(f.sentUsed, len(f.sent))
		if r.prose {
			r.proseSignals(src, s, f.sent)
		}
		f.cands = f.sentenceCandidates(f.cands, src, f.sent)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return f.cluster(src, f.cands), nil
}

// words turns a sentence's tokens into words.
func (r *finder) words(dst []word, src string, toks []text.Token, si int) []word {
	start := len(dst)
	caps, letters := 0, 0
	opens := false // a colon or an opening quote starts a new clause
	for k, t := range toks {
		if !t.Word {
			if n := len(dst); n > start && !dst[n-1].gapAfter {
				dst[n-1].gapAfter = true
				dst[n-1].dotAfter = t.Text(src) == "." && k+1 < len(toks) && toks[k+1].Word
			}
			opens = opens || isOpening(t.Text(src))
			continue
		}
		s := t.Text(src)
		// "U.S." keeps its final dot, which the tokenizer leaves out.
		if isDottedAcronym(s) && t.End < len(src) && src[t.End] == '.' {
			t.End++
			s = t.Text(src)
		}
		n := len(dst)
		var ascii bool
		if dst, ascii = r.appendASCIIWord(dst, t, s, si); !ascii {
			dst = r.appendWordParts(dst, t, s, si)
		}
		if t.Letter {
			letters++
			// An ASCII word was read whole (a dot added to the token is no
			// letter): it knows.
			if w := &dst[n]; w.ascii && w.caps || !w.ascii && isAllUpper(s) {
				caps++
			}
		}
		if opens && len(dst) > n {
			dst[n].first = true
		}
		opens = false
	}
	if len(dst) > start {
		dst[start].first = true
		// A headline in capitals, or in title case, says nothing by its
		// capitals: only known names count there.
		shouting := letters >= 3 && caps*10 >= letters*6
		if !shouting && !r.nounCase {
			// Title case: five capitalised words and no lower-case word
			// but function words; the stopword look-ups only when it can be.
			titled := 0
			for k := start; k < len(dst); k++ {
				if dst[k].upper {
					titled++
				}
			}
			shouting = titled >= 5
			for k := start; shouting && k < len(dst); k++ {
				if !dst[k].upper && !r.lowIn(&dst[k], lexStop) {
					shouting = false
				}
			}
		}
		if shouting {
			for k := start; k < len(dst); k++ {
				dst[k].shouting = true
			}
		}
	}
	return dst
}

// appendWordParts appends the word parts of a token appendASCIIWord does
// not take.
func (r *finder) appendWordParts(dst []word, t text.Token, s string, si int) []word {
	apos := indexApostrophe(s)
	if apos >= 0 {
		// A possessive ending is not part of the name, and the name ends
		// there: "Russia's Tass" is two names.
		var buf [64]byte
		fs := appendFold(buf[:0], s)
		for _, suf := range r.suffixes {
			if suf[0] != '\'' {
				continue
			}
			if len(s) > len(suf)+1 && strings.EqualFold(s[len(s)-len(suf):], suf) {
				dst = r.appendWord(dst, t, 0, s[:len(s)-len(suf)], false, si)
				dst[len(dst)-1].owner = true
				return dst
			}
			if bytes.HasSuffix(fs, []byte(suf)) {
				// A typographic apostrophe is longer in bytes than the folded one.
				cut := strings.LastIndexAny(s, "'’")
				if cut > 0 {
					dst = r.appendWord(dst, t, 0, s[:cut], false, si)
					dst[len(dst)-1].owner = true
					return dst
				}
			}
		}
	}
	// Elision: "l'ipotesi", "dell’Elysée", "d'Italia".
	if k := apos; k > 0 && k <= 6 {
		_, n := utf8.DecodeRuneInString(s[k:])
		var buf [32]byte
		prefix := append(appendLower(buf[:0], s[:k]), '\'')
		if r.pack.IsStopword(string(prefix)) && k+n < len(s) {
			return r.appendWord(dst, t, k+n, s[k+n:], false, si)
		}
	}
	if h := strings.IndexByte(s, '-'); h > 0 {
		// The parts between hyphens: the first and the last count.
		head, last := s[:h], s[strings.LastIndexByte(s, '-')+1:]
		lastUpper := startsUpper(last)
		// "Park Geun-hye", "Kim Jong-un": a short lower-case syllable
		// after a name is part of a given name, not an adjective's head.
		prev := len(dst) - 1
		syllable := isSyllableName(s) && prev >= 0 && dst[prev].upper && !dst[prev].gapAfter && t.Start-dst[prev].End == 1 &&
			!r.lowIn(&dst[prev], lexStop)
		if startsUpper(head) && !syllable && (!lastUpper || r.nounCase && !isAcronymWord(last) && len(last) > 3) {
			// "Kreml-Sprechers", "GameStop-Aktie", "US-amerikanisch": the
			// head is a noun or adjective; the first part may be a name.
			return r.appendWord(dst, t, 0, head, true, si)
		}
	}
	return r.appendWord(dst, t, 0, s, false, si)
}

// appendWord appends the word part of token t that starts off bytes into
// it. (Words are made in place: a word is a large struct.)
func (r *finder) appendWord(dst []word, t text.Token, off int, part string, isPart bool, si int) []word {
	// One pass over the runes gives the word lower-cased (as
	// strings.ToLower), the fold of that (fold works rune by rune), whether
	// it is an acronym (isAcronymWord) and whether a capital follows a
	// lower-case letter (SpaceX, eBay; not McDonald, a name's ordinary
	// shape).
	var lowBuf, foldBuf [64]byte
	low, f := lowBuf[:0], foldBuf[:0]
	var first rune
	if part != "" {
		first, _ = utf8.DecodeRuneInString(part)
	}
	// A capital at byte 2 after "Mc" is the third rune: no camel case.
	mc := strings.HasPrefix(part, "Mc")
	uppers := 0
	acronym := true // every rune so far a capital, digit, '.' or '&'
	camel, prevLower := false, false
	// Every rune folds as its lower case: then fold(part) is f (foldOfS).
	// An ASCII capital does.
	runesFoldAlike := true
	for k := 0; k < len(part); {
		if c := part[k]; c < utf8.RuneSelf {
			// An ASCII byte, as the Unicode tables below would have it.
			cl := asciiClass[c]
			if cl&chUpper != 0 {
				c += 'a' - 'A'
				uppers++
				if prevLower && !(k == 2 && mc) {
					camel = true
				}
			} else if cl != 0 {
				acronym = false // a lower-case letter or other punctuation
			}
			low, f = append(low, c), append(f, c)
			prevLower = cl&chLower != 0
			k++
			continue
		}
		c, n := decodeRune(part[k:])
		if c < rune(len(latinRunes)) {
			// Latin-1 and Latin Extended: what the Unicode tables below say
			// of the rune, from a table.
			lr := &latinRunes[c]
			low, f = append(low, lr.low...), append(f, lr.fold...)
			if lr.flags&lrFoldAlike == 0 {
				runesFoldAlike = false
			}
			if lr.flags&lrUpper != 0 {
				uppers++
				if prevLower && !(k == 2 && mc) {
					camel = true
				}
			} else if lr.flags&lrDigit == 0 {
				acronym = false
			}
			prevLower = lr.flags&lrLower != 0
			k += n
			continue
		}
		lc := unicode.ToLower(c)
		low = utf8.AppendRune(low, lc)
		if lc < rune(len(foldTable)) {
			f = append(f, foldTable[lc]...)
		} else {
			f = appendFoldRune(f, lc)
		}
		if c != lc && runesFoldAlike {
			runesFoldAlike = sameRuneFold(c, lc)
		}
		if unicode.IsUpper(c) {
			uppers++
			if prevLower && !(k == 2 && mc) {
				camel = true
			}
		} else if !(c == '.' || c == '&' || unicode.IsDigit(c)) {
			acronym = false
		}
		prevLower = unicode.IsLower(c)
		k += n
	}
	dst = append(dst, word{})
	w := &dst[len(dst)-1]
	w.Span = text.Span{Start: t.Start + off, End: t.Start + off + len(part)}
	w.s, w.low, w.sentence, w.part = part, part, si, isPart
	w.sIsF = string(low) == part
	if !w.sIsF {
		w.low = r.strs.str(low)
	}
	w.f = w.low
	w.lowIsF = string(f) == w.low
	if !w.lowIsF {
		w.f = r.strs.str(f)
		w.sIsF = false
	}
	if runesFoldAlike {
		// Else foldOfS compares the whole strings when asked.
		w.memo |= memoFoldS
		w.fIsFold = true
	}
	w.handle = first == '@'
	if w.handle {
		return dst
	}
	w.upper = unicode.IsUpper(first)
	w.acronym = acronym && uppers >= 2
	w.camel = camel && !r.glued(part)
	return dst
}

// latinRune is what appendWord reads of a rune of Latin-1 or Latin
// Extended.
type latinRune struct {
	low   string // the rune lower-cased, UTF-8
	fold  string // the fold of that
	flags uint8
}

const (
	lrUpper     = 1 << iota // unicode.IsUpper
	lrLower                 // unicode.IsLower
	lrDigit                 // unicode.IsDigit
	lrFoldAlike             // folds as its lower case (sameRuneFold)
)

// latinRunes holds the non-ASCII runes of foldTable (ASCII has its own
// path): most non-ASCII runes of European text.
var latinRunes = func() (t [len(foldTable)]latinRune) {
	for c := range t {
		r := rune(c)
		lc := unicode.ToLower(r)
		t[c].low = string(lc)
		t[c].fold = string(appendRuneFold(nil, lc))
		if unicode.IsUpper(r) {
			t[c].flags |= lrUpper
		}
		if unicode.IsLower(r) {
			t[c].flags |= lrLower
		}
		if unicode.IsDigit(r) {
			t[c].flags |= lrDigit
		}
		if r == lc || sameRuneFold(r, lc) {
			t[c].flags |= lrFoldAlike
		}
	}
	return t
}()

// decodeRune is utf8.DecodeRuneInString with two-byte runes (Latin,
// Greek, Cyrillic) decoded inline.
func decodeRune(s string) (rune, int) {
	if len(s) >= 2 && 0xC2 <= s[0] && s[0] <= 0xDF && s[1]&0xC0 == 0x80 {
		return rune(s[0]&0x1F)<<6 | rune(s[1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s)
}

// appendASCIIWord appends the word of a token of ASCII letters, digits and
// punctuation other than apostrophes and hyphens, as appendWord does, in
// one pass over its bytes. Most words of European text are such, and most
// of those are in lower case and need no string of their own. It reports
// false for other tokens.
func (r *finder) appendASCIIWord(dst []word, t text.Token, s string, si int) ([]word, bool) {
	var seen uint8 // the classes of the bytes
	for i := 0; i < len(s); i++ {
		seen |= asciiClass[s[i]]
	}
	if seen&chStop != 0 {
		return dst, false
	}
	// The capitals, read again only in a word that has some.
	uppers := 0
	camel, prevLower := false, false
	for i := 0; seen&chUpper != 0 && i < len(s); i++ {
		cl := asciiClass[s[i]]
		if cl&chUpper != 0 {
			uppers++
			// As appendWord: not McDonald.
			if prevLower && !(i == 2 && s[0] == 'M' && s[1] == 'c') {
				camel = true
			}
		}
		prevLower = cl&chLower != 0
	}
	low := s
	if uppers > 0 {
		low = r.strs.lowerASCII(s)
	}
	dst = append(dst, word{})
	w := &dst[len(dst)-1]
	// fold of an ASCII word in lower case is the word.
	w.Span, w.s, w.low, w.f, w.sentence, w.ascii = t.Span, s, low, low, si, true
	w.lowIsF, w.sIsF = true, uppers == 0
	w.caps = uppers > 0 && seen&chLower == 0
	if len(s) > 0 && s[0] == '@' {
		w.handle = true
		return dst, true
	}
	w.upper = len(s) > 0 && 'A' <= s[0] && s[0] <= 'Z'
	w.acronym = seen&(chLower|chOther) == 0 && uppers >= 2
	w.camel = camel && !r.glued(s)
	return dst, true
}

// The classes of bytes appendASCIIWord tells apart.
const (
	chUpper = 1 << iota // A-Z
	chLower             // a-z
	chOther             // not a letter, digit, '.' or '&': no acronym holds it
	chStop              // not for appendASCIIWord: non-ASCII, apostrophe, hyphen
)

var asciiClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf || c == '\'' || c == '-':
			t[c] = chStop
		case 'A' <= c && c <= 'Z':
			t[c] = chUpper
		case 'a' <= c && c <= 'z':
			t[c] = chLower
		case c == '.' || c == '&' || '0' <= c && c <= '9':
		default:
			t[c] = chOther
		}
	}
	return t
}()

// isSyllableName reports a given name of two syllables joined by a hyphen,
// the second in lower case: "Geun-hye", "Jong-un".
func isSyllableName(s string) bool {
	head, tail, ok := strings.Cut(s, "-")
	return ok && startsUpper(head) && len(tail) > 0 && len(tail) <= 3 && !startsUpper(tail) && !strings.Contains(tail, "-")
}

// isOpening reports punctuation after which a word is capitalised as at a
// sentence start: a colon, an opening quotation mark, a dash.
func isOpening(p string) bool {
	switch p {
	case ":", "“", "„", "«", "\"", "‚", "‹", "»", "—", "–":
		return true
	}
	return false
}

// isDottedAcronym matches "U.S", "U.K", "E.U" (capitals between dots).
func isDottedAcronym(s string) bool {
	// The second byte is a dot in every one: most words fail here.
	if len(s) < 3 || s[1] != '.' {
		return false
	}
	for i, c := range s {
		if i%2 == 0 && !(c >= 'A' && c <= 'Z') || i%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func isAllUpper(s string) bool {
	// ASCII first: letters are A-Z and a-z.
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return isAllUpperRunes(s)
		case 'a' <= c && c <= 'z':
			return false
		case 'A' <= c && c <= 'Z':
			n++
		}
	}
	return n > 0
}

func isAllUpperRunes(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 0
}

func isAcronymWord(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '&' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return n >= 2
}

// glued reports two words run together by a lost space, the second a
// function word: "TecnologiaIl".
func (r *Recognizer) glued(s string) bool {
	prevLower := false
	for i, c := range s {
		if unicode.IsUpper(c) && prevLower {
			var buf [64]byte
			return r.pack.IsStopword(string(appendLower(buf[:0], s[i:])))
		}
		prevLower = unicode.IsLower(c)
	}
	return false
}

// proseSignals marks the words prose's entities cover with their type,
// and the capitalised words prose tags as common words.
func (r *Recognizer) proseSignals(src string, sent text.Span, ws []word) {
	toks, ents := proseAnalyzeAll(src, sent)
	for _, e := range ents {
		t, ok := proseType(e.Label)
		if !ok {
			continue
		}
		for k := range ws {
			if ws[k].Start >= e.Start && ws[k].End <= e.End {
				ws[k].proseType, ws[k].proseTagged = t, true
			}
		}
	}
	for _, t := range toks {
		for k := range ws {
			if ws[k].Start == t.Start && !strings.HasPrefix(t.Tag, "NNP") {
				ws[k].proseLower = true
			}
		}
	}
}

func proseType(label string) (Type, bool) {
	switch label {
	case "PERSON":
		return Person, true
	case "GPE", "LOCATION", "GSP":
		return Loc, true
	case "ORGANIZATION", "FACILITY":
		return Org, true
	}
	return Misc, false
}

// nameWord reports whether w can be part of a name.
func (r *Recognizer) nameWord(w *word) bool {
	if w.handle {
		return false
	}
	if w.shouting {
		return false
	}
	return w.upper || w.camel
}

// functionWord reports capitalised words that start sentences but not
// names: function words, pronouns, months.
func (r *Recognizer) functionWord(w *word) bool {
	if w.acronym && !w.shouting && !w.first {
		return false // "US", "WHO" inside a sentence are names, not "us", "who"
	}
	if w.memo&memoLex == 0 {
		w.memo |= memoLex
		w.lex = r.lowIn(w, lexStop) || r.lexOf(w)&(lexNotName|lexPronoun) != 0 || r.factsOf(w).demonym
	}
	return w.lex
}

// sentenceCandidates finds the mentions one sentence proposes.
func (r *finder) sentenceCandidates(dst []candidate, src string, ws []word) []candidate {
	for i := 0; i < len(ws); i++ {
		w := &ws[i]
		if w.handle {
			dst = append(dst, candidate{Span: w.Span, words: r.clone(ws[i : i+1]), sentence: w.sentence, typ: Misc, weak: true})
			continue
		}
		if !r.nameWord(w) || r.functionWord(w) || r.isRole(w) || r.sIn(w, lexTitle) {
			// Known names may start with a function word: "La Paz",
			// "The Hague", "Los Angeles".
			if !r.nameWord(w) {
				continue
			}
			if n, e := r.lookupAt(ws, i, len(ws)); n > 1 {
				dst = append(dst, r.known(ws, i, i+n, e))
				i += n - 1
			}
			continue
		}
		j := r.runEnd(ws, i)
		// The whole run is a known name: "Silicon Valley", "Rússlands".
		if n, e := r.lookupAt(ws, i, j); n == j-i {
			dst = append(dst, r.known(ws, i, j, e))
			i = j - 1
			continue
		}
		// A given name after another name starts a second one:
		// "Repubblica Giorgio Napolitano", "PD Pier Luigi Bersani".
		for k := i + 1; k < j; k++ {
			// "Park Geun-hye": a family name before the given name.
			familyFirst := k == i+1 && k == j-1 && isSyllableName(ws[k].s)
			if r.isGiven(&ws[k]) && !r.isGiven(&ws[k-1]) && !isInitial(&ws[k-1]) &&
				!r.joiner(&ws[k-1]) && !ws[k].acronym && !familyFirst {
				dst = r.appendRun(dst, src, ws, i, k)
				i = k
				break
			}
		}
		dst = r.appendRun(dst, src, ws, i, j)
		i = j - 1
	}
	return dst
}

// appendRun adds the run ws[i:j]: a known name if the gazetteer has it
// whole, else a new name classified by its words and neighbours.
func (r *finder) appendRun(dst []candidate, src string, ws []word, i, j int) []candidate {
	if i >= j {
		return dst
	}
	if n, e := r.lookupAt(ws, i, j); n == j-i {
		return append(dst, r.known(ws, i, j, e))
	}
	if r.nounCase {
		// Capitalised nouns run into names ("Hauptstadt Berlin"): the
		// known names inside stand alone.
		for k := i; k < j; k++ {
			if n, e := r.lookupAt(ws, k, j); n > 0 {
				if k > i {
					dst = append(dst, r.classify(src, ws, i, k))
				}
				dst = append(dst, r.known(ws, k, k+n, e))
				return r.appendRun(dst, src, ws, k+n, j)
			}
		}
	}
	if i >= j {
		return dst
	}
	return append(dst, r.classify(src, ws, i, j))
}

// known is a mention of a gazetteer entry.
func (r *finder) known(ws []word, i, j int, e *Entry) candidate {
	return candidate{Span: text.Span{Start: ws[i].Start, End: ws[j-1].End}, words: r.clone(ws[i:j]), sentence: ws[i].sentence, typ: e.Type, typed: true, entry: e}
}

// joiner reports a particle or connector inside a name.
func (r *Recognizer) joiner(w *word) bool {
	return r.lowIn(w, lexParticle) || r.lowIn(w, lexConnector)
}

// joiners reports whether the words ws, lower-cased and joined by spaces,
// are a name particle and a connector.
func (r *Recognizer) joiners(ws []word) (particle, connector bool) {
	if len(ws) == 1 {
		return r.lowIn(&ws[0], lexParticle), r.lowIn(&ws[0], lexConnector)
	}
	// Built on the stack: the look-ups by string(phrase) need no copy.
	var buf [64]byte
	phrase := buf[:0]
	for k := range ws {
		if k > 0 {
			phrase = append(phrase, ' ')
		}
		phrase = append(phrase, ws[k].low...)
	}
	return r.particles[string(phrase)], r.connectors[string(phrase)]
}

// runEnd returns the end of the run of name words that starts at i:
// capitalised words, initials ("B. Young"), particles inside personal
// names ("Leonardo da Vinci", "Ursula von der Leyen") and connectors inside
// the names of organisations and places ("Bank of America", "Guardia di
// Finanza", "Universidad de Barcelona").
func (r *Recognizer) runEnd(ws []word, i int) int {
	j := i + 1
	for j < len(ws) && (!ws[j-1].gapAfter || isInitial(&ws[j-1])) && !r.possessive(&ws[j-1]) {
		if r.nameWord(&ws[j]) && !r.functionWord(&ws[j]) && !r.isRole(&ws[j]) {
			j++
			continue
		}
		// A capitalised article or preposition inside a surname, after a
		// given name: "Marine Le Pen", "Yannick Le Bihan", "Charles De Gaulle".
		if ws[j].upper && j == i+1 && j+1 < len(ws) && !ws[j].gapAfter && r.isGiven(&ws[i]) &&
			utf8.RuneCountInString(ws[j].s) <= 3 && r.nameWord(&ws[j+1]) && !r.functionWord(&ws[j+1]) {
			j += 2
			continue
		}
		// One or two joining words, then a name word.
		joined := 0
		for n := 1; n <= 2 && j+n < len(ws); n++ {
			if ws[j+n-1].gapAfter {
				break
			}
			next := &ws[j+n]
			if !r.nameWord(next) || r.functionWord(next) || r.isGiven(next) {
				continue
			}
			particle, connector := r.joiners(ws[j : j+n])
			// A particle opens a surname right after the given names;
			// after a surname it opens a phrase of its own ("Florian
			// Steidl von der Hochschule Kempten").
			surname := j == i+1 || j == i+2 && r.isGiven(&ws[i+1])
			switch {
			case particle && surname && r.isGiven(&ws[i]):
				joined = n // "Ursula von der Leyen"
			case particle && surname && !r.nounCase && !connector:
				joined = n // "Leonardo da Vinci"
			case connector && r.headsCompound(&ws[i], next):
				joined = n // "Bank of America"
			}
			if joined > 0 {
				break
			}
		}
		if joined == 0 {
			break
		}
		j += joined + 1
	}
	return j
}

// headsCompound reports whether head and tail make one name across a
// connector: the head is an organisation or place word ("Banco de
// Inglaterra", "Lago di Como"), or the tail a known place ("Atlético de
// Madrid").
func (r *Recognizer) headsCompound(head, tail *word) bool {
	if r.lexOf(head)&(lexOrgWord|lexLocWord) != 0 {
		return true
	}
	e, ok := r.aliasOf(tail)
	return ok && e.Type == Loc && !r.isGiven(head)
}

// isInitial reports a capital letter with a full stop: "B. Young".
func isInitial(w *word) bool {
	return w.dotAfter && utf8.RuneCountInString(w.s) == 1 && w.upper
}

// lookupAt matches the longest gazetteer alias that starts at ws[i] with a
// capitalised word (or an acronym in any case: "Kgb", "Cia").
func (r *Recognizer) lookupAt(ws []word, i, end int) (int, *Entry) {
	w := &ws[i]
	if !w.upper && !w.camel {
		return 0, nil
	}
	// The word alone is looked up once: the rules try most capitalised
	// words two or three times.
	if w.memo&memoAlias == 0 {
		w.memo |= memoAlias
		n, e := r.lookupOne(w)
		w.aliasN, w.alias = int8(n), e
	}
	for n := min(int(r.factsOf(w).longest), end-i); n >= 2; n-- {
		if ws[i+n-2].gapAfter {
			continue
		}
		if n, e := r.lookupWords(ws, i, n); n > 0 {
			return n, e
		}
	}
	return int(w.aliasN), w.alias
}

// lookupWords matches the alias of the n words at ws[i], as written or
// inflected, and returns n and the entry, or 0 and nil.
func (r *Recognizer) lookupWords(ws []word, i, n int) (int, *Entry) {
	// The key is built in a buffer: a map index by string(key) does
	// not allocate, and this runs for every capitalised word.
	var buf [128]byte
	key := buf[:0]
	for k := i; k < i+n; k++ {
		if k > i {
			key = append(key, ' ')
		}
		key = append(key, ws[k].f...)
	}
	if e, ok := r.gaz.byAlias[string(key)]; ok && r.aliasFits(&ws[i+n-1], e) {
		return n, e
	}
	// Inflected: "Rússlands", "Sovétríkjanna", "Russlands".
	var sufs []string
	if len(key) > 0 {
		sufs = r.suffixesEnding(key[len(key)-1])
	}
	for _, suf := range sufs {
		if len(key) > len(suf)+2 && bytes.HasSuffix(key, []byte(suf)) {
			if e, ok := r.gaz.byAlias[string(key[:len(key)-len(suf)])]; ok && r.aliasFits(&ws[i+n-1], e) {
				return n, e
			}
		}
	}
	return 0, nil
}

// lookupOne is lookupWords of the word alone, then lookupSwapped.
func (r *Recognizer) lookupOne(w *word) (int, *Entry) {
	if e := r.factsOf(w).alias; e != nil && r.aliasFits(w, e) {
		return 1, e
	}
	// Inflected: "Rússlands", "Sovétríkjanna", "Russlands".
	key := w.f
	for _, suf := range r.suffixesOf(key) {
		if len(key) > len(suf)+2 && strings.HasSuffix(key, suf) {
			if e, ok := r.gaz.byAlias[key[:len(key)-len(suf)]]; ok && r.aliasFits(w, e) {
				return 1, e
			}
		}
	}
	return r.lookupSwapped(w)
}

// lookupSwapped matches an acronym with two letters swapped: "KBG" for
// KGB.
func (r *Recognizer) lookupSwapped(w *word) (int, *Entry) {
	if w.acronym && len(w.s) <= 5 {
		b := []byte(w.s)
		for k := 0; k+1 < len(b); k++ {
			b[k], b[k+1] = b[k+1], b[k]
			if e, ok := r.gaz.Lookup(string(b)); ok && e.Type != Person && isAcronymWord(string(b)) {
				return 1, e
			}
			b[k], b[k+1] = b[k+1], b[k]
		}
	}
	return 0, nil
}

// aliasFits rejects alias matches that capitalisation contradicts: a
// sentence-initial function word ("Is", "Chad"?) is left to the rules.
func (r *Recognizer) aliasFits(last *word, e *Entry) bool {
	return !(last.first && r.functionWord(last))
}

// suffixesOf returns the suffixes f may end in: those that end in its
// last byte, longest first.
func (r *Recognizer) suffixesOf(f string) []string {
	if f == "" {
		return nil
	}
	return r.suffixesEnding(f[len(f)-1])
}

// suffixesEnding returns the suffixes that end in b (or are empty).
func (r *Recognizer) suffixesEnding(b byte) []string {
	if r.sufEnds == nil {
		return nil
	}
	return r.sufEnds[b]
}

// appendStems appends the forms of a folded name without each case ending
// of the language that it ends in (longest ending first). lookupAt runs
// the same loop.
func (r *Recognizer) appendStems(dst []string, f string) []string {
	for _, s := range r.suffixesOf(f) {
		if len(f) > len(s)+2 && strings.HasSuffix(f, s) {
			dst = append(dst, f[:len(f)-len(s)])
		}
	}
	return dst
}

func (r *Recognizer) isRole(w *word) bool {
	if w.memo&memoRole == 0 {
		w.memo |= memoRole
		// German compounds end in the role: "Bundesinnenminister",
		// "Regierungssprecher", "BKA-Präsident".
		w.role = r.lexOf(w)&lexRole != 0 || r.nounCase && r.compoundRole(w.f)
	}
	return w.role
}

// compoundRole reports a folded word that ends in a role of at least five
// bytes after a head of at least three ("regierungssprecher"). It tries
// only the endings as long as some role, not every ending.
func (r *Recognizer) compoundRole(f string) bool {
	if i := strings.LastIndexByte(f, '-'); i > 0 && r.roles[f[i+1:]] {
		return true
	}
	if len(f) < 8 || r.roleEnds == nil {
		return false // too short for a head of three and a role of five
	}
	if e := uint16(f[len(f)-2])<<8 | uint16(f[len(f)-1]); r.roleEnds[e/64]&(1<<(e%64)) == 0 {
		return false
	}
	for _, n := range r.roleLens {
		if i := len(f) - n; i >= 3 && r.roles[f[i:]] {
			return true
		}
	}
	return false
}

// possessive reports a word whose possessive ending was cut off: the
// owner's name ends there.
func (r *Recognizer) possessive(w *word) bool { return w.owner }

// classify types the run ws[i:j] from its words and its neighbours.
func (r *finder) classify(src string, ws []word, i, j int) candidate {
	// A capitalised common word at a sentence start before a name:
	// "Defender Hassan Abbas", "Centre Jason Little".
	familyFirst := j-i == 2 && isSyllableName(ws[i+1].s) && r.isGiven(&ws[i+1]) // "Park Geun-hye"
	if j-i >= 2 && ws[i].first && !r.isGiven(&ws[i]) && r.isGiven(&ws[i+1]) && !familyFirst {
		i++
	}
	run := r.clone(ws[i:j])
	c := candidate{Span: text.Span{Start: run[0].Start, End: run[len(run)-1].End}, words: run, sentence: run[0].sentence, typ: Org}
	// The word before the run, when no punctuation parts them.
	var p *word
	if i-1 >= 0 && !ws[i-1].gapAfter {
		p = &ws[i-1]
	}
	// An organisation's legal form after it: "Volkswagen AG".
	if j < len(ws) && !run[len(run)-1].gapAfter && r.sIn(&ws[j], lexOrgSuffix) {
		c.End = ws[j].End
		c.typ, c.typed = Org, true
		return c
	}
	if p != nil && (r.sIn(p, lexTitle) || r.isRole(p)) || familyFirst {
		c.typ, c.typed = Person, true
	}
	// Organisation and place words type a longer name; alone they are
	// common nouns ("Regierung", "Piazza"). A title before it has made it
	// a person's ("President Park Geun-hye").
	for k := range run {
		if c.typ == Person && c.typed {
			break
		}
		switch {
		case len(run) < 2:
		case r.lexOf(&run[k])&lexOrgWord != 0:
			c.typ, c.typed = Org, true
		case r.lexOf(&run[k])&lexLocWord != 0:
			c.typ, c.typed = Loc, true
		}
	}
	if p != nil && !c.typed && len(run) == 1 && r.sIn(p, lexPlacePrep) {
		c.typ = Loc
	}
	// An article before a name that does not decline: an institution
	// ("the Pentagon", "il Cremlino"), not a person.
	if p != nil && !c.typed && !r.nounCase && r.lowIn(p, lexDeterminer) && !r.lowIn(p, lexComp) && !r.isGiven(&ws[i]) {
		c.typ, c.typed = Org, true
	}
	// The lexicon knows the whole name (a city, a company) or, for a lone
	// word, a surname.
	if !c.typed {
		if t, ok := r.typeHint(ws, i, j); ok {
			c.typ, c.typed = t, true
		}
	}
	if !c.typed && len(run) >= 2 && isInitial(&run[0]) {
		c.typ, c.typed = Person, true
	}
	// A known place inside a longer name makes it an organisation named
	// after the place: "Manchester United", "Dynamo Moscow".
	if !c.typed && len(run) >= 2 && !r.isGiven(&ws[i]) {
		for k := range run {
			if e, ok := r.aliasOf(&run[k]); ok && e.Type == Loc {
				c.typ, c.typed = Org, true
				break
			}
		}
	}
	if !c.typed {
		switch {
		case len(run) >= 2 && r.isGiven(&ws[i]):
			c.typ, c.typed = Person, true
		case len(run) >= 2 && !run[0].acronym:
			c.typ = Person
		case len(run) == 1 && r.isGiven(&ws[i]) && !run[0].acronym:
			c.typ = Person
		}
	}
	// prose's entity types decide what the rules left open.
	if !c.typed && run[0].proseTagged && run[len(run)-1].proseTagged {
		c.typ = run[0].proseType
		if c.typ == Person || len(run) == 1 {
			c.typed = true
		}
	}
	// Little evidence: a single capitalised word at a sentence start, or
	// any single capitalised word where every noun is capitalised.
	if len(run) == 1 && !run[0].acronym && !run[0].camel && !c.typed {
		w := run[0]
		c.weak = w.first || w.part || r.nounCase
	}
	// Where nouns are capitalised, two capitalised words are as often
	// nouns ("Metern Länge", "das Original Tweet"): without a given name or
	// a title they need support from elsewhere in the article.
	if r.nounCase && len(run) >= 2 && !c.typed {
		c.weak = true
	}
	return c
}
