package text

import (
	"fmt"
	"unicode/utf8"
)

// Span is a half-open range [Start, End) of UTF-8 byte offsets into the
// caller's original input. Every span hearsay reports starts and ends on a
// rune boundary, so src[s.Start:s.End] is valid text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Text returns the spanned text of src.
func (s Span) Text(src string) string { return src[s.Start:s.End] }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

func (s Span) String() string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

// Clip returns s inside src and on rune starts: a span a caller computed
// may fall outside the text or inside a character.
func (s Span) Clip(src string) Span {
	s.Start = min(max(s.Start, 0), len(src))
	s.End = min(max(s.End, s.Start), len(src))
	for s.Start < s.End && !utf8.RuneStart(src[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && s.End < len(src) && !utf8.RuneStart(src[s.End]) {
		s.End--
	}
	return s
}

// Trim shrinks s so that it neither starts nor ends with white space.
func (s Span) Trim(src string) Span {
	for s.Start < s.End {
		r, n := decodeRune(src, s.Start)
		if !isSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := decodeLastRune(src, s.End)
		if !isSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}
