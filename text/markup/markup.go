// Package markup masks what scraped text keeps of HTML (tags, comments,
// scripts, character references) and control characters such as NUL.
//
// Mask returns a copy of the same length in bytes, so that the rest of the
// pipeline reads clean text while every offset it reports still points
// into the caller's input: a tag becomes white space, "&quot;" a quotation
// mark followed by spaces. Nothing is decoded in place and nothing moves.
package markup

import (
	"html"
	"strings"
	"unicode/utf8"
)

// Limits keep masking linear on any input: a '<' or '&' that does not
// close within them is text.
const (
	maxTagBytes       = 2048
	maxReferenceBytes = 40
)

// blockTags end a paragraph ("\n\n"); other tags are inline (spaces).
var blockTags = setOf("address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
	"li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
	"thead", "title", "tr", "ul", "body", "html", "head")

// rawTextTags hold code or markup, not text: the element is masked whole.
var rawTextTags = setOf("script", "style", "noscript", "template", "svg", "math", "iframe", "object")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// Mask returns src with markup and control characters masked, the same
// length in bytes:
//   - a tag (<p>, </a>, <br/>, <img src="…">) becomes spaces; a block tag
//     (p, div, li, h1, td, …) starts with a blank line, <br> with a line
//     break, so that paragraphs stay apart;
//   - a comment, a doctype, and a script, style or similar element with
//     its content become spaces;
//   - a character reference (&quot;, &laquo;, &#8220;, &#x201C;) becomes
//     the character it names and spaces, the character on the side of the
//     word it belongs to ("&laquo;Da" reads "      «Da"); a reference to a
//     control character becomes spaces;
//   - C0 and C1 control characters other than tab, line feed, form feed
//     and carriage return become spaces.
//
// changed is false, and masked is src itself, when there is nothing to
// mask. A '<' that does not open a well-formed tag, or an '&' that does
// not open a known reference, is text and stays. src should be valid
// UTF-8; invalid bytes are left as they are.
func Mask(src string) (masked string, changed bool) {
	if !needsMask(src) {
		return src, false
	}
	m := masker{src: src, out: []byte(src), noClose: map[string]int{}}
	for i := 0; i < len(src); {
		i = m.at(i)
	}
	if string(m.out) == src {
		return src, false
	}
	return string(m.out), true
}

// needsMask reports whether src holds a byte that may start markup or a
// control character.
func needsMask(src string) bool {
	for i := 0; i < len(src); i++ {
		if maySkip[src[i]] {
			continue
		}
		if c := src[i]; c == '<' || c == '&' || isControl(c) || isC1At(src, i) {
			return true
		}
	}
	return false
}

// maySkip marks the bytes needsMask passes over without a closer look:
// all but '<', '&', the controls and 0xc2, which starts the C1 controls.
// A table, as needsMask reads every byte of every document.
var maySkip = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c != '<' && c != '&' && !isControl(byte(c)) && c != 0xc2
	}
	return t
}()

// isControl reports an ASCII control character other than white space.
func isControl(c byte) bool {
	return c == 0x7f || c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'
}

// isC1At reports a C1 control character (U+0080 to U+009F) at s[i].
func isC1At(s string, i int) bool {
	return s[i] == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f
}

type masker struct {
	src string
	out []byte
	// noClose remembers, for a raw-text element name, the offset from
	// which its closing tag was searched for and not found, so that a
	// thousand unclosed <script> tags cost one search, not a thousand.
	noClose map[string]int
	// noCommentEnd: no "-->" follows the comment opened last.
	noCommentEnd bool
}

// at masks what starts at i and returns where to go on.
func (m *masker) at(i int) int {
	c := m.src[i]
	switch {
	case c == '<':
		if end := m.tag(i); end > i {
			return end
		}
	case c == '&':
		if end := m.reference(i); end > i {
			return end
		}
	case isControl(c):
		m.out[i] = ' '
	case isC1At(m.src, i):
		m.out[i], m.out[i+1] = ' ', ' '
		return i + 2
	}
	return i + 1
}

// blank writes spaces over src[from:to].
func (m *masker) blank(from, to int) {
	for k := from; k < to; k++ {
		m.out[k] = ' '
	}
}

// tag masks the tag, comment or raw-text element at i and returns its
// end, or i when there is none.
func (m *masker) tag(i int) int {
	s := m.src
	if strings.HasPrefix(s[i:], "<!--") {
		end := -1
		if !m.noCommentEnd {
			end = strings.Index(s[i+4:], "-->")
		}
		if end < 0 {
			m.noCommentEnd = true // none later either
			return i
		}
		end += i + 4 + 3
		m.blank(i, end)
		return end
	}
	j := i + 1
	closing := j < len(s) && s[j] == '/'
	if closing {
		j++
	}
	bang := !closing && j < len(s) && (s[j] == '!' || s[j] == '?') // <!DOCTYPE …>, <?xml …?>
	if bang {
		j++
	}
	nameStart := j
	for j < len(s) && j-i < maxTagBytes && (isASCIILetter(s[j]) || j > nameStart && (s[j] >= '0' && s[j] <= '9' || s[j] == '-' || s[j] == ':')) {
		j++
	}
	if j == nameStart {
		return i // "a < b", "<3": text
	}
	name := strings.ToLower(s[nameStart:j])
	if j < len(s) && s[j] != '>' && s[j] != '/' && !isTagSpace(s[j]) {
		return i // "<name…" with no break after the name: text
	}
	end, ok := tagEnd(s, j, i+maxTagBytes)
	if !ok {
		return i
	}
	m.blank(i, end)
	switch {
	case bang:
	case !closing && rawTextTags[name] && s[end-2] != '/':
		if close := m.closingTag(name, end); close > end {
			m.blank(end, close)
			return close
		}
	case blockTags[name]:
		m.out[i] = '\n'
		m.out[i+1] = '\n'
	case name == "br":
		m.out[i] = '\n'
	}
	return end
}

// tagEnd finds the '>' that ends a tag whose name ends at j, skipping
// quoted attribute values, before limit.
func tagEnd(s string, j, limit int) (int, bool) {
	var quote byte
	for ; j < len(s) && j < limit; j++ {
		c := s[j]
		switch {
		case c == '<':
			return 0, false // also inside quotes: a bound on the scan
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1, true
		}
	}
	return 0, false
}

// closingTag returns the end of the closing tag of a raw-text element
// opened before from, or 0.
func (m *masker) closingTag(name string, from int) int {
	if at, ok := m.noClose[name]; ok && from >= at {
		return 0
	}
	s := m.src
	for k := from; k < len(s); k++ {
		k0 := strings.Index(s[k:], "</")
		if k0 < 0 {
			break
		}
		k += k0
		n := k + 2
		if n+len(name) <= len(s) && strings.EqualFold(s[n:n+len(name)], name) {
			if e := strings.IndexByte(s[n+len(name):], '>'); e >= 0 {
				return n + len(name) + e + 1
			}
		}
	}
	m.noClose[name] = from
	return 0
}

// reference masks the character reference at i and returns its end, or i
// when there is none.
func (m *masker) reference(i int) int {
	end, r, ok := parseReference(m.src, i)
	if !ok {
		return i
	}
	// The character goes next to the word it belongs to: at the end of
	// the reference before a word that follows ("&ldquo;We" reads "“We"),
	// at its start otherwise ("see&rdquo;," reads "see”,"), so that
	// quotation marks pair as they would in plain text.
	at := i
	if end < len(m.src) && wordByte(m.src[end]) && (i == 0 || !wordByte(m.src[i-1])) {
		at = end - len(r)
	}
	m.blank(i, end)
	copy(m.out[at:], r)
	return end
}

// wordByte reports a byte that may belong to a word: an ASCII letter or
// digit, or part of a non-ASCII character.
func wordByte(c byte) bool { return isASCIIAlnum(c) || c >= 0x80 }

// parseReference reads the character reference at s[i] ('&'): its end
// and what Mask writes for it (its character, or nothing for a control
// character). ok is false for an unknown reference, or none.
func parseReference(s string, i int) (end int, r string, ok bool) {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			j++
		}
	}
	start := j
	for j < len(s) && j-i < maxReferenceBytes && isASCIIAlnum(s[j]) {
		j++
	}
	if j == start || j >= len(s) || s[j] != ';' {
		return 0, "", false
	}
	ref := s[i : j+1]
	r = html.UnescapeString(ref)
	if r == ref || len(r) > len(ref) {
		return 0, "", false // unknown, or (never in HTML) longer than its reference
	}
	if c, _ := utf8.DecodeRuneInString(r); c < 0x20 || c >= 0x7f && c <= 0x9f || c == utf8.RuneError {
		r = ""
	}
	return j + 1, r, true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// Snap widens the span [start, end) of src so that it does not begin or
// end inside a character reference: Mask writes a reference's character
// at one end of it, so a span that the stages end after the quotation
// mark of "&quot;" ends in src after "&q". Other spans are returned as
// they are.
func Snap(src string, start, end int) (int, int) {
	if from, _, ok := referenceAround(src, start); ok && from < start {
		start = from
	}
	if _, to, ok := referenceAround(src, end); ok && to > end {
		end = to
	}
	return start, end
}

// referenceAround finds a character reference src[from:to] that Mask
// decodes with from < off < to.
func referenceAround(src string, off int) (from, to int, ok bool) {
	if off <= 0 || off >= len(src) {
		return 0, 0, false
	}
	for k := off - 1; k >= 0 && off-k < maxReferenceBytes; k-- {
		switch c := src[k]; {
		case c == '&':
			if end, _, ok := parseReference(src, k); ok && end > off {
				return k, end, true
			}
			return 0, 0, false
		case c == '#' || isASCIIAlnum(c):
			continue
		default:
			return 0, 0, false
		}
	}
	return 0, 0, false
}
