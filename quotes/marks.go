package quotes

import (
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

// quote is a stretch of text between quotation marks.
type quote struct {
	open, close text.Span // the marks; close is empty when unclosed
	inner       text.Span // between the marks, trimmed
	para        int
	nested      bool // inside another quote
	strayClose  bool // closed by a mark with no opening one ("…: Si unirebbe …?“")
}

// marks knows which characters open and close quotations in a language.
type marks struct {
	// closes maps an opening mark to the marks that may close it.
	closes map[rune]map[rune]bool
	opens  map[rune]bool
	closer map[rune]bool
	// lead holds the bytes a mark's encoding starts with: a paragraph is
	// scanned byte by byte, and only these are decoded and looked up.
	lead [256]bool
}

// universalPairs are pairs found in scraped text of every language, on top
// of a pack's own.
var universalPairs = [][2]rune{
	{'“', '”'}, {'„', '“'}, {'„', '”'}, {'«', '»'}, {'»', '«'}, {'‹', '›'}, {'‚', '‘'}, {'‘', '’'},
	{'"', '"'}, {'“', '“'}, {'"', '“'}, {'“', '"'}, {'"', '”'}, {'„', '"'}, {'”', '”'},
}

func newMarks(p *lang.Pack) *marks {
	m := &marks{closes: map[rune]map[rune]bool{}, opens: map[rune]bool{}, closer: map[rune]bool{}}
	add := func(o, c rune) {
		if m.closes[o] == nil {
			m.closes[o] = map[rune]bool{}
		}
		m.closes[o][c] = true
		m.opens[o] = true
		m.closer[c] = true
	}
	for _, q := range p.Quotes.All() {
		o, _ := utf8.DecodeRuneInString(q.Open)
		c, _ := utf8.DecodeRuneInString(q.Close)
		add(o, c)
	}
	for _, q := range universalPairs {
		add(q[0], q[1])
	}
	for _, set := range []map[rune]bool{m.opens, m.closer} {
		for r := range set {
			var buf [utf8.UTFMax]byte
			utf8.EncodeRune(buf[:], r)
			m.lead[buf[0]] = true
			if r == utf8.RuneError {
				// Invalid bytes decode to it too.
				for b := utf8.RuneSelf; b < 256; b++ {
					m.lead[b] = true
				}
			}
		}
	}
	return m
}

// isApostrophe reports marks that are also apostrophes: they quote only
// at word edges.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// find pairs the quotation marks of one paragraph src[p.Start:p.End].
func (m *marks) find(dst []quote, src string, p text.Span, para int) []quote {
	type open struct {
		r    rune
		span text.Span
	}
	var buf [8]open // quotations seldom nest deeper
	stack := buf[:0]
	for i := p.Start; i < p.End; {
		// Every ASCII byte and every leading byte starts a rune where the
		// text is decoded rune by rune, so skipping the other bytes one
		// at a time stops at the same runes.
		if !m.lead[src[i]] {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:p.End])
		if !m.opens[r] && !m.closer[r] {
			i += n
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(src[p.Start:i])
		next, _ := utf8.DecodeRuneInString(src[i+n : p.End])
		if i == p.Start {
			prev = ' '
		}
		if i+n >= p.End {
			next = ' '
		}
		span := text.Span{Start: i, End: i + n}
		canOpen := m.opens[r] && opensHere(r, prev, next)
		canClose := m.closer[r] && closesHere(r, prev, next)
		// The innermost open quotation this mark may close.
		k := len(stack) - 1
		for k >= 0 && !m.closes[stack[k].r][r] {
			k--
		}
		switch {
		case canClose && k >= 0 && (!canOpen || k == len(stack)-1 && stack[k].r == r || !isApostrophe(r)):
			o := stack[k]
			inner := text.Span{Start: o.span.End, End: span.Start}.Trim(src)
			if !inner.Empty() {
				dst = append(dst, quote{open: o.span, close: span, inner: inner, para: para, nested: k > 0})
			}
			stack = stack[:k]
		case canOpen:
			stack = append(stack, open{r, span})
		case canClose && len(stack) == 0 && !isApostrophe(r) && r != '"':
			// A closing mark with nothing open: the quote ran from the
			// last colon or from the paragraph start ("scrivendo: Si …?“").
			start := lastColon(src, p.Start, i)
			inner := text.Span{Start: start, End: span.Start}.Trim(src)
			if !inner.Empty() {
				dst = append(dst, quote{close: span, inner: inner, para: para, strayClose: true})
			}
		}
		i += n
	}
	// Unclosed quotations end with the paragraph; the outermost one is kept.
	if len(stack) > 0 && !isApostrophe(stack[0].r) {
		o := stack[0]
		inner := text.Span{Start: o.span.End, End: p.End}.Trim(src)
		if !inner.Empty() {
			dst = append(dst, quote{open: o.span, inner: inner, para: para})
		}
	}
	return dst
}

// closeIn finds, in paragraph p, the mark that closes the quotation
// opened by open, when p does not start by reopening it and opens no
// other quotation before it.
func (m *marks) closeIn(src string, open text.Span, p text.Span) (text.Span, bool) {
	o, _ := utf8.DecodeRuneInString(src[open.Start:open.End])
	if first, _ := utf8.DecodeRuneInString(src[p.Start:p.End]); m.opens[first] {
		return text.Span{}, false
	}
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(src[i:p.End])
		if m.closes[o][r] {
			prev, _ := utf8.DecodeLastRuneInString(src[p.Start:i])
			next, _ := utf8.DecodeRuneInString(src[i+n : p.End])
			if i+n >= p.End {
				next = ' '
			}
			if closesHere(r, prev, next) {
				return text.Span{Start: i, End: i + n}, true
			}
		}
		if r == o && m.opens[r] && !m.closes[o][r] {
			return text.Span{}, false
		}
		i += n
	}
	return text.Span{}, false
}

// lastColon returns the position after the last colon in src[from:to],
// or from.
func lastColon(src string, from, to int) int {
	for i := to - 1; i >= from; i-- {
		if src[i] == ':' {
			return i + 1
		}
	}
	return from
}

// opensHere: an opening mark stands before a word, after space, an
// opening bracket or a dash. French « may be followed by a space.
func opensHere(r, prev, next rune) bool {
	if unicode.IsSpace(next) && r != '«' && r != '»' && r != '‹' {
		return false
	}
	if isApostrophe(r) {
		return (unicode.IsSpace(prev) || prev == '(' || prev == '[') && unicode.IsLetter(next)
	}
	// Something to quote follows: a word, a number, an ellipsis, another
	// mark; not the punctuation that ends a sentence.
	if !unicode.IsSpace(next) && !unicode.IsLetter(next) && !unicode.IsDigit(next) && !isQuoteRune(next) &&
		next != '…' && next != '.' && next != '@' && next != '#' && next != '(' && next != '¿' && next != '¡' && next != '-' && next != '—' {
		return false
	}
	if next == '.' && !unicode.IsSpace(prev) {
		return false
	}
	return unicode.IsSpace(prev) || unicode.IsPunct(prev) || prev == utf8.RuneError || isQuoteRune(prev)
}

// closesHere: a closing mark follows a word or punctuation and stands
// before space or punctuation. French » may follow a space.
func closesHere(r, prev, next rune) bool {
	if unicode.IsSpace(prev) && r != '»' && r != '«' && r != '›' {
		// A mark alone between spaces cannot open: it closes ("… 'outreach,' " he told").
		return !isApostrophe(r) && (unicode.IsSpace(next) || next == utf8.RuneError)
	}
	if isApostrophe(r) {
		return !unicode.IsLetter(next) && !unicode.IsDigit(next)
	}
	return !unicode.IsLetter(next) && !unicode.IsDigit(next)
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‹', '›', '‚', '‘', '’', '\'':
		return true
	}
	return false
}
