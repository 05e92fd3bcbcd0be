package text

import (
	"strings"
	"unicode"
)

// Paragraphs splits src into paragraphs: a blank line always ends one, and so
// does a single line break, unless the break falls inside running text (the
// line does not end a sentence and the next line goes on in lower case, as in
// hard-wrapped text). Spans are trimmed of white space; lines holding only
// white space yield nothing.
func Paragraphs(src string) []Span {
	return AppendParagraphs(nil, src)
}

// AppendParagraphs appends the paragraphs of src to dst.
func AppendParagraphs(dst []Span, src string) []Span {
	start := -1 // start of the current paragraph, -1 when none is open
	lineStart := 0
	for lineStart <= len(src) {
		lineEnd := strings.IndexByte(src[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(src)
		} else {
			lineEnd += lineStart
		}
		line := Span{lineStart, lineEnd}.Trim(src)
		switch {
		case line.Empty():
			if start >= 0 {
				dst = append(dst, Span{start, lineStart}.Trim(src))
				start = -1
			}
		case start < 0:
			start = line.Start
		case !wrapped(src, lineStart, line.Start):
			dst = append(dst, Span{start, lineStart}.Trim(src))
			start = line.Start
		}
		lineStart = lineEnd + 1
	}
	if start >= 0 {
		dst = append(dst, Span{start, len(src)}.Trim(src))
	}
	return dst
}

// wrapped reports whether the line break before next continues running text:
// the previous line ends in a letter or comma and the next starts with a
// lower-case letter.
func wrapped(src string, prevEnd, next int) bool {
	// Only the end is trimmed: trimming from 0 would rescan the text
	// before on every line.
	prev := prevEnd
	for prev > 0 {
		r, n := decodeLastRune(src, prev)
		if !isSpace(r) {
			break
		}
		prev -= n
	}
	last, _ := decodeLastRune(src, prev)
	first, _ := decodeRune(src, next)
	if !unicode.IsLower(first) {
		return false
	}
	return unicode.IsLetter(last) || last == ',' || last == '-' || last == ';'
}
