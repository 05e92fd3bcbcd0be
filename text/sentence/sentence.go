package sentence

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

// Limits of the look-arounds at a candidate sentence end. They keep the
// segmenter linear on pathological input (a megabyte without spaces).
const (
	maxWord      = 48  // bytes of the next word read for a stopword or month check
	maxBack      = 64  // runes read back when matching an abbreviation
	maxToken     = 128 // bytes of a token read when looking for a URL
	maxCitation  = 24  // bytes of a bracketed citation such as "[1 - 3]"
	maxSpaceSkip = 4   // runes of white space inside an abbreviation ("z.  B.")
)

// Segmenter splits text into sentences with the rules of one language.
// Immutable; safe for concurrent use.
type Segmenter struct {
	abbr       trie // abbreviations, reversed
	fwd        trie // abbreviations with inner dots, forwards
	ordinalDot bool
	months     wordSet
	stop       wordSet
	// spacedClose are the closing quotation marks of the language's norm
	// that never open a quotation: they may follow the final mark after a
	// space (French « … »).
	spacedClose []rune
	// nounCase: the language capitalises its nouns, so a capitalised word
	// after an ordinal continues the sentence ("der 2. Weltkrieg").
	nounCase bool
	// polite are the function words capitalised inside a sentence ("Sie").
	polite map[string]struct{}
	// headline: function words are lower case inside a sentence, so a
	// capitalised one after a lower-case word starts a new sentence (the
	// one before, a headline, had no final mark). Needs stopwords.
	headline bool
}

// New returns a segmenter for the language of p; p == nil gives
// language-neutral rules (initials, acronyms, numbers, quotes, but no
// abbreviation list).
func New(p *lang.Pack) *Segmenter {
	s := &Segmenter{abbr: newTrie(), fwd: newTrie()}
	if p == nil {
		return s
	}
	s.ordinalDot = p.OrdinalDot
	s.months = lowerSet(p.Months)
	s.stop = lowerSet(p.Stopwords)
	for _, a := range p.Abbreviations {
		s.abbr.add(a, true)
		s.fwd.add(a, false)
	}
	s.nounCase = p.CapitalizedNouns
	s.polite = make(map[string]struct{}, len(p.Polite))
	for _, w := range p.Polite {
		s.polite[w] = struct{}{}
	}
	s.headline = s.stop.len() > 0
	norm := append(append([]lang.QuotePair(nil), p.Quotes.Primary...), p.Quotes.Alternate...)
	for _, q := range norm {
		c, _ := utf8.DecodeRuneInString(q.Close)
		opens := false
		for _, o := range norm {
			if o.Open == q.Close {
				opens = true
			}
		}
		if !opens && isCloser(c) {
			s.spacedClose = append(s.spacedClose, c)
		}
	}
	return s
}

// wordSet is a set of lower-cased words. Most words looked up are not in
// it, and a bit per first byte and length answers for most of them
// without hashing.
type wordSet struct {
	m     map[string]struct{}
	shape [256]uint64 // bit min(len, 63) of shape[w[0]] is set for every word w
	max   int         // bytes of the longest word
}

func lowerSet(words []string) wordSet {
	s := wordSet{m: make(map[string]struct{}, len(words))}
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			w = strings.ToLower(w)
			s.m[w] = struct{}{}
			s.shape[w[0]] |= 1 << min(len(w), 63)
			s.max = max(s.max, len(w))
		}
	}
	return s
}

func (s *wordSet) len() int { return len(s.m) }

// has reports whether w is in the set.
func (s *wordSet) has(w []byte) bool {
	if len(w) == 0 || len(w) > s.max || s.shape[w[0]]&(1<<min(len(w), 63)) == 0 {
		return false
	}
	_, ok := s.m[string(w)]
	return ok
}

// All iterates over the sentences of the whole src.
func (s *Segmenter) All(src string) iter.Seq[text.Span] {
	return func(yield func(text.Span) bool) {
		var pbuf [64]text.Span
		var sbuf [64]text.Span
		whole := text.Span{Start: 0, End: len(src)}.Trim(src)
		paras := text.AppendParagraphs(pbuf[:0], src[whole.Start:whole.End])
		sents := sbuf[:0]
		for _, p := range paras {
			p.Start += whole.Start
			p.End += whole.Start
			sents = s.appendParagraph(sents[:0], src, p.Start, p.End)
			for _, x := range sents {
				if !yield(x) {
					return
				}
			}
		}
	}
}

// Append appends to dst the sentences of src[within.Start:within.End] and
// returns dst. Spans are trimmed of white space, ordered, non-overlapping,
// non-empty, on rune boundaries, and never cross a paragraph
// (text.Paragraphs) boundary. A within that reaches outside src is clipped;
// one that cuts a character in two is narrowed to whole characters.
func (s *Segmenter) Append(dst []text.Span, src string, within text.Span) []text.Span {
	within = align(src, within)
	if within.Empty() {
		return dst
	}
	// Trimmed first: text.Paragraphs rescans leading white space of its
	// input once per line.
	within = within.Trim(src)
	var pbuf [64]text.Span
	paras := text.AppendParagraphs(pbuf[:0], src[within.Start:within.End])
	for _, p := range paras {
		dst = s.appendParagraph(dst, src, p.Start+within.Start, p.End+within.Start)
	}
	return dst
}

// align clips w to src and moves its ends out of the middle of a valid
// multi-byte character.
func align(src string, w text.Span) text.Span {
	w.Start = max(0, min(w.Start, len(src)))
	w.End = max(w.Start, min(w.End, len(src)))
	w.Start = runeStart(src, w.Start, true)
	w.End = runeStart(src, w.End, false)
	if w.End < w.Start {
		w.End = w.Start
	}
	return w
}

// runeStart returns i when it starts a character (or a stray byte), else the
// end (forward) or start (!forward) of the valid character around i.
func runeStart(src string, i int, forward bool) int {
	if i <= 0 || i >= len(src) || utf8.RuneStart(src[i]) {
		return i
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(src[j]) {
			r, n := utf8.DecodeRuneInString(src[j:])
			if r == utf8.RuneError && n <= 1 || j+n <= i {
				return i // i is a stray continuation byte
			}
			if forward {
				return j + n
			}
			return j
		}
	}
	return i
}

// appendParagraph segments the paragraph src[ps:pe], which is trimmed.
func (s *Segmenter) appendParagraph(dst []text.Span, src string, ps, pe int) []text.Span {
	start := ps
	hasLetter := false
	cut := func(end, next int) {
		if sp := (text.Span{Start: start, End: end}).Trim(src); !sp.Empty() {
			dst = append(dst, sp)
		}
		start = next
		hasLetter = false
	}
	for i := ps; i < pe; {
		c := src[i]
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(src[i:pe])
		}
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			hasLetter = true
			// The rest of an ASCII word decides nothing: skip it at once.
			for i++; i < pe && asciiAlnum[src[i]]; i++ {
			}
			continue
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			// The end of a token (white space comes next most often, and
			// no case below is white space): sentence ends without a final
			// mark. Most spaces are plain: then the lower-case ASCII word
			// after is skipped at once, as the first case would.
			if i > ps && plainSpace(src, i, pe) {
				hasLetter = true
				for i += 2; i < pe && asciiAlnum[src[i]]; i++ {
				}
				continue
			}
			if i > ps && !isSpaceByte(src[i-1]) {
				u := i
				if hasLetter {
					if s.headline {
						u = s.headlineAt(src, ps, pe, i)
					}
					if u == i {
						u = afterLink(src, ps, pe, i)
					}
					if u == i {
						u = afterClock(src, ps, pe, i)
					}
				}
				if u == i {
					u = aroundRule(src, ps, pe, i, start, hasLetter)
				}
				if u > i {
					cut(i, u)
					i = u
					continue
				}
			}
		case isTerminal(r):
			end, resume, split := s.candidate(src, ps, pe, i, hasLetter)
			if split {
				cut(end, end)
				resume = end
			}
			i = resume
			continue
		case c == ':' && hasLetter && i+1 < pe && isSpaceByte(src[i+1]) && isLink(src, skipSpace(src, i+1, pe), pe):
			// A bare link after a colon stands alone: "See: http://…".
			cut(i+1, i+1)
		case (c == ';' || c == ':' && s.nounCase) && hasLetter && s.capitalAfterColon(src, i+1, pe):
			// A capitalised function word after a semicolon starts a new
			// sentence ("… 2 enfants ; Il y eut …"); after a colon too where
			// nouns are capitalised, as the orthography asks for a whole
			// sentence ("… bleibt groß: Der EGB hebt …").
			cut(i+1, i+1)
		case (c == ':' || c == ';') && i > ps && isSpaceByte(src[i-1]):
			// An emoticon ends a sentence: "Danke! :-) Dann", "cher ;) Un".
			if e := emoticon(src, i, pe); e > i {
				if j := skipSpace(src, e, pe); j < pe && j > e && hasLetter {
					if f, _ := firstAfterOpeners(src, j, pe); unicode.IsUpper(f) {
						cut(e, e)
					}
				}
				i = e
				continue
			}
		case c >= utf8.RuneSelf && unicode.IsLetter(r):
			hasLetter = true
		}
		i += n
	}
	if sp := (text.Span{Start: start, End: pe}).Trim(src); !sp.Empty() {
		dst = append(dst, sp)
	}
	return dst
}

// plainSpace reports a single white space byte at i between a token that
// ends in no rule mark or '>' and a lower-case ASCII letter other than the
// 'h' and 'w' that start links: most spaces of running text. There
// headlineAt, afterLink, afterClock and aroundRule all return i (each
// needs a capital, a digit, a link or a rule after the space, or a rule or
// an address in angle brackets before it), so none need be asked.
func plainSpace(src string, i, pe int) bool {
	if i+1 >= pe {
		return false
	}
	next, prev := src[i+1], src[i-1]
	return 'a' <= next && next <= 'z' && next != 'h' && next != 'w' && prev != '>' && !isRuleMark[prev]
}

// afterLink decides the white space at i after a token: a URL or an e-mail
// address followed by a capitalised word, a number or another link ends a
// sentence that has no final mark ("… at www.example.org The next one"). It
// returns where the next sentence starts, or i.
func afterLink(src string, ps, pe, i int) int {
	lo := max(ps, i-2*maxToken)
	t := i
	marked := false // a link holds a '.' or ':', an address an '@'
	for t > lo && !isSpaceByte(src[t-1]) {
		t--
		marked = marked || src[t] == '.' || src[t] == ':' || src[t] == '@'
	}
	if !marked || !isLink(src, t, i) && !isEmail(src, t, i) {
		return i
	}
	j := skipSpace(src, i, pe)
	if j >= pe || j-i > maxSpaceSkip {
		return i
	}
	if r, _ := utf8.DecodeRuneInString(src[j:pe]); unicode.IsUpper(r) || unicode.IsDigit(r) || isLink(src, j, pe) {
		return j
	}
	// An address in angle brackets ends a header line: "Name <a@b.org>".
	if src[t] == '<' && src[i-1] == '>' {
		return j
	}
	return i
}

// afterClock decides the white space at i after "AM" or "PM" that follows a
// clock time: a capitalised word after it starts a sentence, as in the
// headers of mails and posts ("06/02/2001 10:53 AM I have settled…").
func afterClock(src string, ps, pe, i int) int {
	if i-ps < 7 || src[i-1] != 'M' || src[i-2] != 'A' && src[i-2] != 'P' || src[i-3] != ' ' {
		return i
	}
	// "h:mm" or "hh:mm" before.
	k := i - 3
	if !isDigitByte(src[k-1]) || !isDigitByte(src[k-2]) || src[k-3] != ':' || !isDigitByte(src[k-4]) {
		return i
	}
	j := skipSpace(src, i, pe)
	if j >= pe || j-i > maxSpaceSkip {
		return i
	}
	if r, _ := utf8.DecodeRuneInString(src[j:pe]); !unicode.IsUpper(r) {
		return i
	}
	return j
}

// aroundRule decides the white space at i after a token: a horizontal rule
// ("-----", "_____", "=====", "***") separates sentences, before and after.
func aroundRule(src string, ps, pe, i, start int, hasLetter bool) int {
	j := skipSpace(src, i, pe)
	if j >= pe || j-i > maxSpaceSkip {
		return i
	}
	if hasLetter && isRule(src, j, pe) {
		return j
	}
	// The token before ends at i-1: unless that is a mark of a rule, it is
	// no rule, and looking for its start is wasted.
	if !isRuleMark[src[i-1]] {
		return i
	}
	lo := max(ps, i-maxToken)
	t := i
	for t > lo && !isSpaceByte(src[t-1]) {
		t--
	}
	// A rule, or the "--" that opens a signature.
	if t == start && (isRule(src, t, i) || t == ps && src[t:i] == "--") {
		return j
	}
	return i
}

// isRuleMark marks the bytes horizontal rules are drawn with: "-_=*~#".
// A table, as isRule runs at every space.
var isRuleMark = func() (t [256]bool) {
	for _, c := range []byte("-_=*~#") {
		t[c] = true
	}
	return t
}()

// isRule reports whether the token at i is a line of at least three marks
// from isRuleMark.
func isRule(src string, i, pe int) bool {
	n := 0
	for ; i < pe && !isSpaceByte(src[i]); i++ {
		if !isRuleMark[src[i]] {
			return false
		}
		n++
	}
	return n >= 3
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// isLink reports whether a URL starts at i: "http://", "https://", "www.".
func isLink(src string, i, pe int) bool {
	if i < pe && src[i] == '<' || i < pe && src[i] == '(' {
		i++
	}
	rest := src[i:min(pe, i+8)]
	return strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "https://") ||
		strings.HasPrefix(rest, "www.") || strings.HasPrefix(rest, "WWW.")
}

// isEmail reports whether src[t:i] holds an e-mail address: an @ between
// word characters.
func isEmail(src string, t, i int) bool {
	for k := t + 1; k < i-1; k++ {
		if src[k] == '@' && isWordByte(src[k-1]) && isWordByte(src[k+1]) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c >= utf8.RuneSelf
}

// closesParen reports whether the ")" at i closes a "(" not far before it,
// as in "(Space.com)" but not the list label "iii)".
func closesParen(src string, ps, i int) bool {
	for k := i - 1; k >= ps && i-k < 4*maxToken; k-- {
		switch src[k] {
		case '(':
			return true
		case ')':
			return false
		}
	}
	return false
}

// emoticon returns the end of a smiley at i (":-)", ";)", ":D"), or i. It
// must stand alone, followed by white space or the paragraph's end.
func emoticon(src string, i, pe int) int {
	j := i + 1
	if j < pe && (src[j] == '-' || src[j] == '\'') {
		j++
	}
	if j >= pe {
		return i
	}
	switch src[j] {
	case ')', '(', 'D', 'P', 'p', ']', '[', '/':
	default:
		return i
	}
	j++
	for j < pe && (src[j] == ')' || src[j] == '(') && j-i < 8 {
		j++
	}
	if j < pe && !isSpaceByte(src[j]) {
		return i
	}
	return j
}

// headlineAt decides the white space at i, after a word: in a language that
// writes function words in lower case inside a sentence, a capitalised one
// after a lower-case word starts a new sentence, the one before having had
// no final mark (a headline: "Le voyage d'Arturo le corbeau Le comédien a
// fait…"). It returns where the new sentence starts, or i.
func (s *Segmenter) headlineAt(src string, ps, pe, i int) int {
	// The word before ends in two lower-case letters, or a parenthesis
	// closes after a word: "(Space.com) It looks like…".
	wordEnd, paren := i, false
	if src[i-1] == ')' && closesParen(src, ps, i-1) {
		wordEnd, paren = i-1, true
	}
	p := wordEnd
	for range 2 {
		if p <= ps {
			return i
		}
		r, n := rune(src[p-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(src[ps:p])
		}
		if paren && !isWordRune(r) || !paren && !unicode.IsLower(r) {
			return i
		}
		p -= n
	}
	u := i
	for u < pe && u-i < maxSpaceSkip && isSpaceByte(src[u]) {
		u++
	}
	if u >= pe || u-i >= maxSpaceSkip {
		return i
	}
	r, n := utf8.DecodeRuneInString(src[u:pe])
	if !unicode.IsUpper(r) {
		return i
	}
	e := u + n
	for e < pe {
		// A word longer than every function word is none: no need to
		// read the rest of it.
		if e-u > s.stop.max+utf8.UTFMax {
			return i
		}
		if c := src[e]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				e++
				continue
			}
			if 'A' <= c && c <= 'Z' {
				return i // "US", "McCain"
			}
			break
		}
		r, n := utf8.DecodeRuneInString(src[e:pe])
		if !unicode.IsLetter(r) {
			break
		}
		if !unicode.IsLower(r) {
			return i // "US", "McCain"
		}
		e += n
	}
	var next rune
	elided := false
	if r, n := utf8.DecodeRuneInString(src[e:pe]); e < pe && (r == '\'' || r == '’') {
		elided = true // "L'étude"
		next = firstRune(src, e+n, pe)
	} else {
		if e >= pe || src[e] != ' ' {
			return i
		}
		next = firstRune(src, e+1, pe)
	}
	// In a language that capitalises nouns the word after may be a noun
	// ("… knapp Das Flugzeug"); a number may follow anywhere ("Le 4 octobre").
	if !unicode.IsLower(next) && !(s.nounCase && unicode.IsUpper(next)) && !unicode.IsDigit(next) {
		return i
	}
	// Lower-casing the capital shortens the word by at most
	// utf8.UTFMax-1 bytes (the rest is lower case): a longer word is no
	// function word.
	if e-u > s.stop.max+utf8.UTFMax {
		return i
	}
	// The word is lower-cased only now that the cheaper tests passed.
	var buf [maxWord + utf8.UTFMax]byte
	w, ok := lowerWord(buf[:0], src, u, pe)
	if !ok || !elided && len(w) < 2 {
		return i
	}
	if elided {
		w = append(w, '\'')
	}
	if !s.stop.has(w) {
		return i
	}
	if _, polite := s.polite[src[u:e]]; polite {
		return i
	}
	if s.months.has(w) {
		return i
	}
	// Neither side may be a function word: a sentence does not end in one
	// ("dallo Stato da spendere"), and a capitalised function word followed
	// by another is rather a noun or a name ("del Estado se", "Est de").
	if s.stopwordBefore(src, ps, wordEnd) || s.startsWithStopword(src, e+1, pe) {
		return i
	}
	return u
}

// capitalAfterColon reports whether white space and then a capitalised
// function word (not a polite form) followed by another word come at i.
func (s *Segmenter) capitalAfterColon(src string, i, pe int) bool {
	if i >= pe || !isSpaceByte(src[i]) || s.stop.len() == 0 {
		return false
	}
	u := skipSpace(src, i, pe)
	if u-i > maxSpaceSkip || u >= pe {
		return false
	}
	if r := firstRune(src, u, pe); !unicode.IsUpper(r) {
		return false
	}
	e := u + wordLen(src, u, pe)
	if e >= pe || src[e] != ' ' && src[e] != '\'' && !strings.HasPrefix(src[e:pe], "’") {
		return false
	}
	for _, r := range src[u+1 : e] {
		if unicode.IsUpper(r) {
			return false // "US", "EU"
		}
	}
	if _, polite := s.polite[src[u:e]]; polite {
		return false
	}
	var buf [maxWord + utf8.UTFMax]byte
	if w, ok := lowerWord(buf[:0], src, u, pe); ok {
		if s.months.has(w) {
			return false
		}
	}
	return s.startsWithStopword(src, u, pe)
}

// stopwordBefore reports whether the word ending at end is a function word.
func (s *Segmenter) stopwordBefore(src string, ps, end int) bool {
	w := end
	for w > ps && end-w < maxWord {
		r, n := utf8.DecodeLastRuneInString(src[ps:w])
		if !unicode.IsLetter(r) {
			break
		}
		w -= n
	}
	return s.startsWithStopword(src, w, end)
}

// candidate decides whether the terminal mark at ti ends the sentence begun
// at start. It returns where the sentence ends, where the scan resumes when
// it does not, and the decision.
func (s *Segmenter) candidate(src string, ps, pe, ti int, hasLetter bool) (end, resume int, split bool) {
	// The run of terminal marks: "?!", "...", "…".
	dots, strong, ellipsis, question := 0, false, false, false
	tj := ti
	for tj < pe {
		r, n := utf8.DecodeRuneInString(src[tj:pe])
		if !isTerminal(r) {
			break
		}
		switch r {
		case '.':
			dots++
		case '…':
			ellipsis = true
		case '?', '？', '⁇', '⁈', '⁉':
			question = true
			strong = true
		default:
			strong = true
		}
		tj += n
	}
	if dots > 1 {
		ellipsis = true
	}
	// Closing marks and further terminal marks: `?”`, `.)`, `!”.`.
	k := tj
	for k < pe {
		r, n := utf8.DecodeRuneInString(src[k:pe])
		if isTerminal(r) {
			if r != '.' {
				strong = true
			}
			k += n
			continue
		}
		if !isCloser(r) {
			break
		}
		if isOpener(r) && k+n < pe {
			// An ambiguous quote touching the next word opens it.
			if nr, _ := utf8.DecodeRuneInString(src[k+n : pe]); isWordRune(nr) {
				break
			}
		}
		k += n
	}
	end, resume = k, k
	if k >= pe {
		return end, resume, true
	}
	if r, _ := utf8.DecodeRuneInString(src[k:pe]); !isSpace(r) {
		return end, resume, s.missingSpace(src, ps, pe, ti, tj, k)
	}
	j := skipSpace(src, k, pe)
	// A closing quote set off by a space, French style: `fin. »`.
	if j < pe {
		if r, n := utf8.DecodeRuneInString(src[j:pe]); s.isSpacedClose(r) && (j+n >= pe || !isWordRune(firstRune(src, j+n, pe))) {
			k = j + n
			for k < pe {
				r, n := utf8.DecodeRuneInString(src[k:pe])
				if !isCloser(r) || isOpener(r) && k+n < pe && isWordRune(firstRune(src, k+n, pe)) {
					break
				}
				k += n
			}
			end, resume = k, k
			j = skipSpace(src, k, pe)
		}
	}
	// A citation after the full stop belongs to the sentence: "end. [12] Next".
	if c := citation(src, j, pe); c > j {
		end = c
		j = skipSpace(src, c, pe)
	}
	// So does an emoticon: "Danke Rosemarie! :-) Dann".
	if j < pe && (src[j] == ':' || src[j] == ';') {
		if e := emoticon(src, j, pe); e > j {
			end, resume = e, e
			j = skipSpace(src, e, pe)
		}
	}
	if j >= pe {
		return end, resume, true
	}
	// The first letter of the next sentence, behind opening marks.
	f, fi := firstAfterOpeners(src, j, pe)
	closed := k > tj // closing marks follow the terminal ones
	switch {
	case f == utf8.RuneError && fi >= pe:
		return end, resume, true
	case strings.ContainsRune(",;:)]}%", f) || isTerminal(f):
		return end, resume, false
	case ellipsis && !strong:
		// "[…]" and "(...)" mark an omission, and so does a spaced one:
		// "credit … While".
		if ti > ps {
			if r, _ := utf8.DecodeLastRuneInString(src[ps:ti]); r == '[' || r == '(' || isSpace(r) {
				return end, resume, false
			}
		}
		return end, resume, !unicode.IsLower(f)
	case strong:
		// “Would you…?” he asked. A lower-case word after "!" rather
		// continues a name ("Yahoo! has").
		return end, resume, !unicode.IsLower(f) || !closed && question
	}
	return end, resume, s.fullStop(src, ps, pe, ti, fi, f, closed, hasLetter)
}

// fullStop decides a single full stop at ti followed by white space and the
// rune f at fi.
func (s *Segmenter) fullStop(src string, ps, pe, ti, fi int, f rune, closed, hasLetter bool) bool {
	if !hasLetter {
		return false // "1. Introduction"
	}
	if s.fwd.internal(src, ps, pe, ti) {
		return false // the first dot of "z. B."
	}
	lower, digit := unicode.IsLower(f), unicode.IsDigit(f)
	if s.abbr.matchBefore(src, ps, ti+1) || initial(src, ps, ti) || acronym(src, ps, ti) {
		if lower || digit {
			return false
		}
		// "etc. The next sentence" but "Dr. Smith".
		return s.startsWithStopword(src, fi, pe)
	}
	if s.ordinalDot && ordinal(src, ps, ti) {
		// "am 3. Mai", "15. febrúar", "Paul VI. wurde", "der 2. Weltkrieg".
		if lower || digit || s.isMonthAt(src, fi, pe) {
			return false
		}
		if s.nounCase && unicode.IsUpper(f) && !s.startsWithStopword(src, fi, pe) {
			return false
		}
		return true
	}
	if lower {
		// A lower-case word after a plain word: informal text ("ok. see
		// you"), unless a closing mark shows an embedded quotation.
		return !closed
	}
	return true
}

// missingSpace decides a full stop followed directly by text: "end.Next"
// ends a sentence, "90.000", "Vísir.is", "www.example.com/A.Html" do not.
func (s *Segmenter) missingSpace(src string, ps, pe, ti, tj, k int) bool {
	f, fi := firstAfterOpeners(src, k, pe)
	if !unicode.IsUpper(f) {
		return false
	}
	if after := fi + utf8.RuneLen(f); after >= pe || !unicode.IsLower(firstRune(src, after, pe)) {
		return false
	}
	// Two lower-case letters before the mark.
	p := ti
	for range 2 {
		if p <= ps {
			return false
		}
		r, n := utf8.DecodeLastRuneInString(src[ps:p])
		if !unicode.IsLower(r) {
			return false
		}
		p -= n
	}
	if s.abbr.matchBefore(src, ps, tj) {
		return false
	}
	// Not inside a URL, path or e-mail address.
	lo := max(ps, ti-maxToken)
	for p := ti - 1; p >= lo; p-- {
		c := src[p]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		if c == '/' || c == '@' || c == '\\' || c == '.' || c == ':' || c == '_' || c == '=' {
			return false
		}
	}
	hi := min(pe, k+maxToken)
	for p := k; p < hi; p++ {
		c := src[p]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		if c == '/' || c == '@' || c == '\\' || c == '_' || c == '=' {
			return false
		}
	}
	return true
}

// startsWithStopword reports whether the word at i is a function word of the
// language ("The", "Die", "Il"): after an abbreviation or initial it starts
// a new sentence rather than continuing a name.
func (s *Segmenter) startsWithStopword(src string, i, pe int) bool {
	if s.stop.len() == 0 {
		return false
	}
	var buf [maxWord + utf8.UTFMax + 1]byte
	w, ok := lowerWord(buf[:0], src, i, pe)
	if !ok {
		return false
	}
	if e := i + wordLen(src, i, pe); e < pe && (src[e] == '\'' || strings.HasPrefix(src[e:pe], "’")) {
		w = append(w, '\'') // elided: "J'ai", "L’État"
	}
	return s.stop.has(w)
}

// wordLen returns the length in bytes of the letters at i.
func wordLen(src string, i, pe int) int {
	j := i
	for j < pe && j-i <= maxWord {
		r, n := utf8.DecodeRuneInString(src[j:pe])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return j - i
}

func (s *Segmenter) isMonthAt(src string, i, pe int) bool {
	if s.months.len() == 0 {
		return false
	}
	var buf [maxWord + utf8.UTFMax]byte
	w, ok := lowerWord(buf[:0], src, i, pe)
	if !ok {
		return false
	}
	return s.months.has(w)
}

// lowerWord appends the lower-cased letters of the word at i to buf; false
// when the word is longer than maxWord bytes.
func lowerWord(buf []byte, src string, i, pe int) ([]byte, bool) {
	for i < pe {
		if c := src[i]; c < utf8.RuneSelf {
			// ASCII without decoding.
			if c|0x20 < 'a' || c|0x20 > 'z' {
				break
			}
			if len(buf)+utf8.UTFMax > maxWord {
				return buf, false
			}
			buf = append(buf, c|0x20)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:pe])
		if !unicode.IsLetter(r) {
			break
		}
		if len(buf)+utf8.UTFMax > maxWord {
			return buf, false
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += n
	}
	return buf, len(buf) > 0
}

// initial reports whether the full stop at ti follows a single letter that
// stands alone: "J. R. R. Tolkien", "George W. Bush".
func initial(src string, ps, ti int) bool {
	if ti <= ps {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(src[ps:ti])
	if !unicode.IsLetter(r) {
		return false
	}
	if ti-n > ps {
		// Not "°C." (a unit) nor "l'a." (elision).
		if b, _ := utf8.DecodeLastRuneInString(src[ps : ti-n]); isWordRune(b) || b == '\'' || b == '’' || b == '°' {
			return false
		}
	}
	return unicode.IsUpper(r) || !unicode.IsLower(r) || lowerInitial(src, ps, ti-n)
}

// lowerInitial reports whether a lower-case single letter belongs to a
// spaced abbreviation: the letter before it also carries a dot ("d. h.").
func lowerInitial(src string, ps, i int) bool {
	j := i
	for j > ps {
		r, n := utf8.DecodeLastRuneInString(src[ps:j])
		if r != ' ' {
			break
		}
		j -= n
	}
	if j == i || j <= ps || src[j-1] != '.' {
		return false
	}
	return initial(src, ps, j-1)
}

// acronym reports whether the full stop at ti ends a dotted acronym of short
// letter groups: "U.S.", "e.g.", "o.s.frv.", "Ph.D." (but not "Vísir.is." or
// "J.Aron.").
func acronym(src string, ps, ti int) bool {
	groups, letters, first := 0, 0, true
	p := ti
	for p > ps && ti-p < maxBack {
		r, n := utf8.DecodeLastRuneInString(src[ps:p])
		switch {
		case unicode.IsLetter(r):
			letters++
			if first && letters > 3 || !first && letters > 2 {
				return false
			}
		case r == '.':
			if letters == 0 {
				return false
			}
			groups++
			letters, first = 0, false
		default:
			if isWordRune(r) {
				return false
			}
			return groups >= 1 && letters > 0 && letters <= 2
		}
		p -= n
	}
	return p <= ps && groups >= 1 && letters > 0 && letters <= 2
}

// ordinal reports whether the full stop at ti follows a number of at most
// three digits or a Roman numeral that stands alone: "am 3. Mai", "der 2.
// Weltkrieg", "Ramses II. ließ".
func ordinal(src string, ps, ti int) bool {
	p, digits, roman := ti, 0, 0
scan:
	for p > ps && digits+roman <= 6 {
		c := src[p-1]
		switch {
		case '0' <= c && c <= '9' && roman == 0:
			digits++
		case strings.IndexByte("IVXLC", c) >= 0 && digits == 0:
			roman++
		default:
			break scan
		}
		p--
	}
	if digits > 3 || digits == 0 && (roman == 0 || roman > 5) {
		return false
	}
	if p > ps {
		r, _ := utf8.DecodeLastRuneInString(src[ps:p])
		if isWordRune(r) || r == '.' || r == ',' {
			return false
		}
	}
	return true
}

// citation returns the end of a bracketed reference number at i ("[12]",
// "[1 - 3]", "[4, 7]"), or i.
func citation(src string, i, pe int) int {
	if i >= pe || src[i] != '[' {
		return i
	}
	digits := 0
	for j := i + 1; j < pe && j-i <= maxCitation; {
		r, n := utf8.DecodeRuneInString(src[j:pe])
		switch {
		case r == ']':
			if digits == 0 {
				return i
			}
			return j + n
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == ',' || r == '-' || r == '–' || r == ';':
		default:
			return i
		}
		j += n
	}
	return i
}

// firstAfterOpeners returns the first rune at or after i that is not an
// opening mark, or an ellipsis after one ("…to gaze"), and its offset;
// RuneError and pe at the end.
func firstAfterOpeners(src string, i, pe int) (rune, int) {
	opened := false
	for n := 0; i < pe && n < 8; n++ {
		r, size := utf8.DecodeRuneInString(src[i:pe])
		if !isOpener(r) && !(opened && (r == '…' || r == '.')) {
			return r, i
		}
		opened = true
		i += size
	}
	if i >= pe {
		return utf8.RuneError, pe
	}
	r, _ := utf8.DecodeRuneInString(src[i:pe])
	return r, i
}

func firstRune(src string, i, pe int) rune {
	if i >= pe {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeRuneInString(src[i:pe])
	return r
}

func skipSpace(src string, i, pe int) int {
	for i < pe {
		c := src[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:pe])
		if !isSpace(r) {
			break
		}
		i += n
	}
	return i
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。', '！', '？', '｡':
		return true
	}
	return false
}

// isCloser reports whether r can close a quotation or a bracket.
func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '”', '’', '»', '«', '“', '‘', '›', '‹', '」', '』':
		return true
	}
	return false
}

// isOpener reports whether r can open a quotation or a bracket, or a
// Spanish question or exclamation.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '“', '‘', '„', '‚', '«', '»', '‹', '›', '¿', '¡', '「', '『':
		return true
	}
	return false
}

func (s *Segmenter) isSpacedClose(r rune) bool {
	for _, c := range s.spacedClose {
		if c == r {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isSpace matches the white space that text.Span.Trim removes.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x200B, 0xFEFF:
		return true
	}
	return r > 0x7F && unicode.IsSpace(r)
}
