package worthy

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/quantity"
	"github.com/hearsay-go/hearsay/text"
)

// Reason is a set of the signals a score rests on.
type Reason uint16

const (
	// Quantity: money, a percentage, a measure, or a number with a scale
	// word, of 1000 or more, or with a fraction.
	Quantity Reason = 1 << iota
	// Comparison: a comparison or a change ("more than", "doubled",
	// "grown rapidly").
	Comparison
	// Superlative: "the world's richest man", "le plus riche", "record".
	Superlative
	// Date: a date or a year; weak evidence alone.
	Date
	// Count: a small number ("two", "13"); weak evidence alone.
	Count
	// Question: the sentence asks.
	Question
	// Opinion: a first-person view ("I think") or a modal of obligation
	// ("should", "must").
	Opinion
	// Hedge: the statement is uncertain ("may", "reportedly").
	Hedge
)

var reasonNames = [...]string{"quantity", "comparison", "superlative", "date", "count", "question", "opinion", "hedge"}

// String lists the reasons' names joined by "+" ("quantity+superlative"),
// or "none".
func (r Reason) String() string {
	if r == 0 {
		return "none"
	}
	var b strings.Builder
	for i, name := range reasonNames {
		if r&(1<<i) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('+')
		}
		b.WriteString(name)
	}
	if rest := r &^ (1<<len(reasonNames) - 1); rest != 0 {
		if b.Len() > 0 {
			b.WriteByte('+')
		}
		b.WriteString("0x" + strconv.FormatUint(uint64(rest), 16))
	}
	return b.String()
}

// MarshalText writes String, so JSON carries "quantity+superlative".
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// Weights of the evidence for a claim; they combine as independent
// chances (1 - Π(1-w)), so two weak signals stay weak and one strong
// signal is enough.
const (
	wQuantity    = 0.6
	wComparison  = 0.5
	wSuperlative = 0.5
	wDate        = 0.15
	wCount       = 0.2
	// base is the score of a sentence with no evidence.
	base = 0.05
)

// Factors that scale the score down. Each is at most 0.5, and the most the
// evidence gives is below 1, so a question, an opinion or a hedge keeps a
// sentence under 0.5.
const (
	fQuestion = 0.3
	fOpinion  = 0.5
	fHedge    = 0.5
)

// phrase is a pack entry split into words as the text is tokenized.
type phrase struct {
	words  []string // lower case, ASCII apostrophes
	reason Reason
	// lower: the entry is written in lower case, so it matches only text
	// in lower case, except as the sentence's first word ("may" is not
	// "May").
	lower bool
}

// Scorer scores how worth checking a sentence is. It is immutable after
// New and safe for concurrent use.
type Scorer struct {
	byFirst map[string][]phrase
	// firsts has the bit hashWord(w)%firstBits set for every key w of
	// byFirst, so that most words of a text need no map look-up.
	firsts [firstBits / 64]uint64
	// pairs has a bit set for the first two bytes of every key of
	// byFirst that begins with two ASCII bytes.
	pairs    [utf8.RuneSelf * utf8.RuneSelf / 64]uint64
	suffixes []string // lower case, in the pack's order
	// lastBytes has a bit set for the last byte of every suffix.
	lastBytes [256 / 64]uint64
	notSup    map[string]struct{}
}

// firstBits is the size of the filter of first words: a few hundred
// words set few of its bits.
const firstBits = 1 << 14

// New prepares a Scorer for the pack's language ([claims] in
// lang/FORMAT.md). With a nil pack it scores by the quantities and
// question marks only.
func New(p *lang.Pack) *Scorer {
	s := &Scorer{byFirst: map[string][]phrase{}, notSup: map[string]struct{}{}}
	if p == nil {
		return s
	}
	for _, set := range []struct {
		words  []string
		reason Reason
	}{
		{p.Superlatives, Superlative},
		{p.Comparatives, Comparison},
		{p.Opinion, Opinion},
		{p.Hedges, Hedge},
	} {
		for _, w := range set.words {
			s.add(w, set.reason)
		}
	}
	for _, suf := range p.SuperlativeSuffixes {
		if suf = strings.ToLower(strings.TrimSpace(suf)); suf != "" {
			s.suffixes = append(s.suffixes, suf)
			c := suf[len(suf)-1]
			s.lastBytes[c/64] |= 1 << (c % 64)
		}
	}
	for _, w := range p.NotSuperlatives {
		s.notSup[fold(w)] = struct{}{}
	}
	return s
}

func (s *Scorer) add(entry string, r Reason) {
	toks := text.AppendTokens(nil, entry, text.Span{End: len(entry)})
	if len(toks) == 0 {
		return
	}
	ph := phrase{reason: r, lower: entry == strings.ToLower(entry)}
	for _, t := range toks {
		ph.words = append(ph.words, fold(t.Text(entry)))
	}
	s.byFirst[ph.words[0]] = append(s.byFirst[ph.words[0]], ph)
	h := hashWord([]byte(ph.words[0])) % firstBits
	s.firsts[h/64] |= 1 << (h % 64)
	if w := ph.words[0]; len(w) >= 2 && w[0] < utf8.RuneSelf && w[1] < utf8.RuneSelf {
		k := int(w[0])*utf8.RuneSelf + int(w[1])
		s.pairs[k/64] |= 1 << (k % 64)
	}
}

// pairStarts reports whether a phrase's first word begins with the ASCII
// letters a and b, in any case.
func (s *Scorer) pairStarts(a, b byte) bool {
	k := int(a|0x20)*utf8.RuneSelf + int(b|0x20)
	return s.pairs[k/64]&(1<<(k%64)) != 0
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// mayEndSuperlative reports whether w ends in the last byte of a
// superlative suffix: most words do not.
func (s *Scorer) mayEndSuperlative(w string) bool {
	c := w[len(w)-1]
	return s.lastBytes[c/64]&(1<<(c%64)) != 0
}

// mayStart reports whether a folded word may begin a phrase; false means
// it does not.
func (s *Scorer) mayStart(h uint32) bool {
	h %= firstBits
	return s.firsts[h/64]&(1<<(h%64)) != 0
}

// hashWord is 32-bit FNV-1a.
func hashWord(b []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range b {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return h
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// fold lower-cases a word and writes its apostrophes as ASCII.
func fold(w string) string {
	return strings.Map(func(r rune) rune {
		if r == '’' || r == 'ʼ' {
			return '\''
		}
		return unicode.ToLower(r)
	}, w)
}

// Score returns how worth checking the sentence src[sentence] is, from 0
// to 1, and why. qs are the quantities found in the text, in text order
// without overlaps as quantity.Finder.Append gives them (those outside
// the sentence are ignored). A sentence with a quantity (money, a
// percentage, a measure, a large number), a comparison or a superlative
// scores 0.5 or more; one with only a date or a small count, or with
// nothing, scores less; a question, an opinion or a hedge keeps any
// sentence below 0.5.
func (s *Scorer) Score(src string, sentence text.Span, qs []quantity.Quantity) (score float64, why Reason) {
	sp := sentence.Clip(src)
	return s.score(src, sp, qs, tokens{src: src, end: sp.End, next: sp.Start})
}

// ScoreTokens is Score for a sentence already tokenized: toks must be
// exactly the tokens text.AppendTokens gives for the sentence clipped to
// src, text.AppendTokens(nil, src, sentence.Clip(src)) (a run of
// article.Page.Tokens for a sentence of the page), so that the sentence
// is not read a second time. With other tokens the result is undefined.
func (s *Scorer) ScoreTokens(src string, sentence text.Span, toks []text.Token, qs []quantity.Quantity) (score float64, why Reason) {
	sp := sentence.Clip(src)
	return s.score(src, sp, qs, tokens{src: src, list: toks, listed: true})
}

// score is Score and ScoreTokens for the clipped sentence sp, whose
// tokens ts reads.
func (s *Scorer) score(src string, sp text.Span, qs []quantity.Quantity, ts tokens) (float64, Reason) {
	var why Reason
	for _, q := range qs {
		if q.Empty() || !sp.Contains(q.Span) {
			continue
		}
		why |= quantityReason(src, q)
	}
	if isQuestion(src, sp.Start, sp.End) {
		why |= Question
	}
	why |= s.words(&ts, sp, qs)
	return scoreOf(why), why
}

// quantityReason grades a quantity: money, percentages and measures are
// claims; a plain number is one when a scale word, its size or a fraction
// makes it more than a count, unless it looks like a year.
func quantityReason(src string, q quantity.Quantity) Reason {
	switch q.Kind {
	case quantity.Money, quantity.Percent, quantity.Measure:
		return Quantity
	case quantity.Date:
		return Date
	}
	t := q.Text(src)
	if len(t) == 4 && strings.Trim(t, "0123456789") == "" && q.Value >= 1900 && q.Value <= 2099 {
		return Date
	}
	v := q.Value
	if v < 0 {
		v = -v
	}
	scaled := v >= 100 && strings.IndexFunc(t, unicode.IsLetter) >= 0
	if scaled || v >= 1000 || v != float64(int64(v)) {
		return Quantity
	}
	return Count
}

// isQuestion reports a sentence that ends in a question mark, before any
// closing quotes or brackets.
func isQuestion(src string, start, end int) bool {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(src[start:end])
		switch {
		case r == '?' || r == '？' || r == '¿':
			return true
		case unicode.IsSpace(r) || unicode.Is(unicode.Pf, r) || unicode.Is(unicode.Pe, r) || r == '"' || r == '\'' || r == '»' || r == '›':
			end -= n
		default:
			return false
		}
	}
	return false
}

// words finds the pack's phrases and superlative endings in the sentence
// sp, whose tokens ts reads, outside the quantities. It reads one token at
// a time, and the tokens after a word only when a phrase begins with it.
func (s *Scorer) words(ts *tokens, sp text.Span, qs []quantity.Quantity) Reason {
	if len(s.byFirst) == 0 && len(s.suffixes) == 0 {
		return 0
	}
	src := ts.src
	var why Reason
	first := true // the sentence's first word
	var buf [64]byte
	inQ := quantitiesFrom(qs, sp.Start)
	for {
		t, ok := ts.take()
		if !ok {
			break
		}
		if !t.Word {
			continue
		}
		isFirst := first
		first = false
		if inQ.overlap(t.Span) {
			continue
		}
		w := t.Text(src)
		// A short word whose first two letters begin no phrase needs
		// no folding: it folds without fail (a rune's lower case is at
		// most 1.5 times as long) and starts nothing.
		if len(w) > 40 || len(w) < 2 || !isASCIILetter(w[0]) || !isASCIILetter(w[1]) || s.pairStarts(w[0], w[1]) {
			low, h, ok := foldHash(buf[:0], w)
			if !ok {
				continue
			}
			if s.mayStart(h) {
				for _, ph := range s.byFirst[string(low)] {
					if ph.reason&why != 0 || (ph.lower && t.Upper && !isFirst) {
						continue
					}
					if matchFrom(ts, ph.words, inQ) {
						why |= ph.reason
					}
				}
			}
		}
		if why&Superlative == 0 && t.Lower && !t.Digits && s.mayEndSuperlative(w) && s.superlativeWord(w) {
			why |= Superlative
		}
	}
	return why
}

// matchFrom reports whether the tokens after the one just taken are the
// phrase's words after the first, outside the quantities.
func matchFrom(ts *tokens, words []string, inQ quantities) bool {
	for k := 1; k < len(words); k++ {
		t, ok := ts.peek(k - 1)
		if !ok || !equalFold(t.Text(ts.src), words[k]) || inQ.overlap(t.Span) {
			return false
		}
	}
	return true
}

// tokens reads the tokens of src[next:end] one at a time and keeps those
// that phrase matching reads ahead, so that no token is read twice; or,
// when listed, hands out those of list, read before.
type tokens struct {
	src   string
	end   int
	next  int           // where the first token not read begins
	ahead [8]text.Token // ahead[head:n] are read and not taken
	head  int
	n     int

	listed bool
	list   []text.Token // when listed, the tokens not taken
}

// take returns the next token and moves past it.
func (ts *tokens) take() (text.Token, bool) {
	if ts.listed {
		if len(ts.list) == 0 {
			return text.Token{}, false
		}
		t := ts.list[0]
		ts.list = ts.list[1:]
		return t, true
	}
	if ts.head < ts.n {
		t := ts.ahead[ts.head]
		if ts.head++; ts.head == ts.n {
			ts.head, ts.n = 0, 0
		}
		return t, true
	}
	t, ok := text.NextToken(ts.src, ts.next, ts.end)
	if ok {
		ts.next = t.End
	}
	return t, ok
}

// peek returns the token k places after the next one (0: the next) and
// does not move.
func (ts *tokens) peek(k int) (text.Token, bool) {
	if ts.listed {
		if k >= len(ts.list) {
			return text.Token{}, false
		}
		return ts.list[k], true
	}
	if ts.head+k >= len(ts.ahead) && ts.head > 0 {
		ts.n = copy(ts.ahead[:], ts.ahead[ts.head:ts.n])
		ts.head = 0
	}
	for ts.head+k >= ts.n {
		if ts.n == len(ts.ahead) {
			// Past the buffer (a phrase of more words than it
			// holds): read on without keeping the tokens.
			i := ts.next
			for m := ts.n - ts.head; ; m++ {
				t, ok := text.NextToken(ts.src, i, ts.end)
				if !ok || m == k {
					return t, ok
				}
				i = t.End
			}
		}
		t, ok := text.NextToken(ts.src, ts.next, ts.end)
		if !ok {
			return t, false
		}
		ts.ahead[ts.n] = t
		ts.n++
		ts.next = t.End
	}
	return ts.ahead[ts.head+k], true
}

// superlativeWord reports a lower-case word with a superlative ending and
// at least three letters before it, that the pack does not list as none.
func (s *Scorer) superlativeWord(w string) bool {
	for _, suf := range s.suffixes {
		if !strings.HasSuffix(w, suf) || utf8.RuneCountInString(w)-utf8.RuneCountInString(suf) < 3 {
			continue
		}
		if strings.ContainsFunc(w, unicode.IsUpper) {
			return false
		}
		_, no := s.notSup[w]
		return !no
	}
	return false
}

// quantities answers which tokens of a sentence, asked in text order,
// lie in a quantity: qs is in text order without overlaps
// (quantity.Finder.Append), so a quantity that ends before one token
// starts ends before the next ones too and is dropped.
type quantities []quantity.Quantity

// quantitiesFrom returns the quantities of qs that end after off.
func quantitiesFrom(qs []quantity.Quantity, off int) quantities {
	if len(qs) == 0 {
		return nil
	}
	i, _ := slices.BinarySearchFunc(qs, off+1, func(q quantity.Quantity, off int) int { return q.End - off })
	return qs[i:]
}

// overlap reports whether a quantity overlaps sp, which starts no earlier
// than the spans asked before.
func (qs *quantities) overlap(sp text.Span) bool {
	for len(*qs) > 0 && (*qs)[0].End <= sp.Start {
		*qs = (*qs)[1:]
	}
	return len(*qs) > 0 && (*qs)[0].Start < sp.End
}

// foldHash lower-cases w into dst with ASCII apostrophes and returns it
// with its hashWord; ok is false when it does not fit (a rune is not
// appended unless utf8.UTFMax bytes are free), so that nothing is
// allocated. ASCII is folded without decoding.
func foldHash(dst []byte, w string) (low []byte, h uint32, ok bool) {
	h = fnvOffset
	for k := 0; k < len(w); {
		if len(dst)+utf8.UTFMax > cap(dst) {
			return dst, 0, false
		}
		if c := w[k]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			h = (h ^ uint32(c)) * fnvPrime
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[k:])
		k += n
		if r == '’' || r == 'ʼ' {
			r = '\''
		}
		m := len(dst)
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		for _, c := range dst[m:] {
			h = (h ^ uint32(c)) * fnvPrime
		}
	}
	return dst, h, true
}

// equalFold compares a word of the text with a folded entry word.
func equalFold(w, folded string) bool {
	for _, r := range w {
		if folded == "" {
			return false
		}
		f, n := utf8.DecodeRuneInString(folded)
		folded = folded[n:]
		if r == '’' || r == 'ʼ' {
			r = '\''
		}
		if unicode.ToLower(r) != f {
			return false
		}
	}
	return folded == ""
}

// scoreOf combines the reasons into a score.
func scoreOf(why Reason) float64 {
	miss := 1.0
	for _, e := range []struct {
		r Reason
		w float64
	}{{Quantity, wQuantity}, {Comparison, wComparison}, {Superlative, wSuperlative}, {Date, wDate}, {Count, wCount}} {
		if why&e.r != 0 {
			miss *= 1 - e.w
		}
	}
	score := base + (1-base)*(1-miss)
	if why&Question != 0 {
		score *= fQuestion
	}
	if why&Opinion != 0 {
		score *= fOpinion
	}
	if why&Hedge != 0 {
		score *= fHedge
	}
	return score
}
