package article

import (
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/text"
)

// token is a word (letters, digits and the joiners inside them, as in
// "15:51", "Vísir/EPA", "l’ipotesi", "@elonmusk") or one punctuation mark.
type token struct {
	text.Span
	word   bool // holds a letter or digit
	letter bool // holds a letter
	upper  bool // starts with an upper-case letter
	lower  bool // starts with a lower-case letter
	digits bool // all digits
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports runes that stay inside a word when a word rune follows.
func isJoiner(r rune) bool {
	switch r {
	case '.', ':', '/', '\'', '’', '-', '_', '‐', '&':
		return true
	}
	return false
}

// appendTokens appends the tokens of src[sp] to dst.
func appendTokens(dst []token, src string, sp text.Span) []token {
	i := sp.Start
	for i < sp.End {
		r, n := utf8.DecodeRuneInString(src[i:sp.End])
		switch {
		case isSpaceRune(r):
			i += n
		case isWordRune(r) || ((r == '@' || r == '#') && i+n < sp.End && startsWord(src[i+n:sp.End])):
			t := token{Span: text.Span{Start: i}, word: true, digits: true}
			first := true
			j := i
			for j < sp.End {
				c, m := utf8.DecodeRuneInString(src[j:sp.End])
				if isWordRune(c) || (first && (c == '@' || c == '#')) {
					if unicode.IsLetter(c) {
						if !t.letter {
							t.upper = unicode.IsUpper(c) || unicode.IsTitle(c)
							t.lower = unicode.IsLower(c)
						}
						t.letter = true
					}
					if !unicode.IsDigit(c) {
						t.digits = false
					}
					j += m
					first = false
					continue
				}
				if isJoiner(c) && j+m < sp.End && startsWord(src[j+m:sp.End]) {
					t.digits = false
					j += m
					continue
				}
				break
			}
			t.End = j
			dst = append(dst, t)
			i = j
		default:
			dst = append(dst, token{Span: text.Span{Start: i, End: i + n}})
			i += n
		}
	}
	return dst
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF
}
