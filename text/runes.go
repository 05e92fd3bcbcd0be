package text

import (
	"unicode"
	"unicode/utf8"
)

func decodeRune(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func decodeLastRune(s string, end int) (rune, int) {
	if end <= 0 {
		return utf8.RuneError, 0
	}
	if c := s[end-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:end])
}

// isSpace is unicode.IsSpace plus the zero-width and byte-order marks that
// scraped text carries.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x200B, 0xFEFF:
		return true
	}
	return r > 0x7F && unicode.IsSpace(r)
}
