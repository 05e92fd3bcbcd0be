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
	for i := sp.Start; ; {
		t, ok := NextToken(src, i, sp.End)
		if !ok {
			return dst
		}
		dst = append(dst, t)
		i = t.End
	}
}

// CountWords counts the word tokens of src[sp], stopping at limit: callers
// that compare with a small number need not read a long span to its end.
func CountWords(src string, sp Span, limit int) int {
	n := 0
	for i := sp.Start; n < limit; {
		t, ok := NextToken(src, i, sp.End)
		if !ok {
			break
		}
		if t.Word {
			n++
		}
		i = t.End
	}
	return n
}

// NextToken returns the first token of src[from:end] and true, or false
// when only white space is left. It allocates nothing: AppendTokens and
// CountWords loop over it.
func NextToken(src string, from, end int) (Token, bool) {
	i := from
	for i < end {
		r, n := utf8.DecodeRuneInString(src[i:end])
		switch {
		case isSpace(r):
			i += n
		case IsWordRune(r) || ((r == '@' || r == '#') && i+n < end && startsWord(src[i+n:end])):
			t := Token{Span: Span{Start: i}, Word: true, Digits: true}
			first := true
			j := i
			for j < end {
				c, m := utf8.DecodeRuneInString(src[j:end])
				if IsWordRune(c) || (first && (c == '@' || c == '#')) {
					if c >= utf8.RuneSelf || c > '9' {
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
					} else if c < '0' {
						t.Digits = false // '@' or '#'
					}
					j += m
					first = false
					continue
				}
				if isJoiner(c) && j+m < end && startsWord(src[j+m:end]) {
					t.Digits = false
					j += m
					continue
				}
				break
			}
			t.End = j
			return t, true
		default:
			return Token{Span: Span{Start: i, End: i + n}}, true
		}
	}
	return Token{}, false
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsWordRune(r)
}
