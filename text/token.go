package text

import (
	"unicode"
	"unicode/utf8"
)

// Token is a word (letters, digits and the joiners inside them, as in
// "15:51", "Vísir/EPA", "l’ipotesi", "Kreml-Sprecher", "@elonmusk") or one
// punctuation mark.
type Token struct {
	Span
	Word   bool // holds a letter or digit
	Letter bool // holds a letter
	Upper  bool // its first letter is upper case
	Lower  bool // its first letter is lower case
	Digits bool // all digits
}

// IsWordRune reports letters, digits and non-spacing marks.
func IsWordRune(r rune) bool {
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

// AppendTokens appends the tokens of src[sp] to dst. White space separates
// tokens and is not one.
func AppendTokens(dst []Token, src string, sp Span) []Token {
	i := sp.Start
	for i < sp.End {
		r, n := utf8.DecodeRuneInString(src[i:sp.End])
		switch {
		case isSpace(r):
			i += n
		case IsWordRune(r) || ((r == '@' || r == '#') && i+n < sp.End && startsWord(src[i+n:sp.End])):
			t := Token{Span: Span{Start: i}, Word: true, Digits: true}
			first := true
			j := i
			for j < sp.End {
				c, m := utf8.DecodeRuneInString(src[j:sp.End])
				if IsWordRune(c) || (first && (c == '@' || c == '#')) {
					if unicode.IsLetter(c) {
						if !t.Letter {
							t.Upper = unicode.IsUpper(c) || unicode.IsTitle(c)
							t.Lower = unicode.IsLower(c)
						}
						t.Letter = true
					}
					if !unicode.IsDigit(c) {
						t.Digits = false
					}
					j += m
					first = false
					continue
				}
				if isJoiner(c) && j+m < sp.End && startsWord(src[j+m:sp.End]) {
					t.Digits = false
					j += m
					continue
				}
				break
			}
			t.End = j
			dst = append(dst, t)
			i = j
		default:
			dst = append(dst, Token{Span: Span{Start: i, End: i + n}})
			i += n
		}
	}
	return dst
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsWordRune(r)
}
