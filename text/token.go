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
		// The token is read into its place in dst, not copied there.
		dst = append(dst, Token{})
		t := &dst[len(dst)-1]
		if !nextToken(src, i, sp.End, t) {
			return dst[:len(dst)-1]
		}
		i = t.End
	}
}

// CountWords counts the word tokens of src[sp], stopping at limit: callers
// that compare with a small number need not read a long span to its end.
func CountWords(src string, sp Span, limit int) int {
	n := 0
	for i := sp.Start; n < limit; {
		var t Token
		if !nextToken(src, i, sp.End, &t) {
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
	var t Token
	ok := nextToken(src, from, end, &t)
	return t, ok
}

// nextToken reads the first token of src[from:end] into t, which must be
// zero. ASCII bytes, most of any news text, are read without decoding
// runes or consulting Unicode tables.
func nextToken(src string, from, end int, t *Token) bool {
	i := from
	for i < end {
		b := src[i]
		if b < utf8.RuneSelf {
			switch {
			case asciiSpace[b]:
				i++
				continue
			case asciiWord[b]:
				wordToken(src, i, end, t)
			case (b == '@' || b == '#') && i+1 < end && startsWord(src[i+1:end]):
				wordToken(src, i, end, t)
			default:
				t.Start, t.End = i, i+1
			}
			return true
		}
		r, n := utf8.DecodeRuneInString(src[i:end])
		switch {
		case isSpace(r):
			i += n
			continue
		case IsWordRune(r):
			wordToken(src, i, end, t)
		default:
			t.Start, t.End = i, i+n
		}
		return true
	}
	return false
}

// wordToken reads the word token that starts at src[i] into t.
func wordToken(src string, i, end int, t *Token) {
	t.Start, t.Word, t.Digits = i, true, true
	first := true
	j := i
	for j < end {
		c, m := rune(src[j]), 1
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
				if !t.Letter {
					t.Upper = c <= 'Z'
					t.Lower = !t.Upper
				}
				t.Letter, t.Digits = true, false
				// After a letter, ASCII letters and digits change
				// nothing: skip them at once.
				for j++; j < end && asciiAlnum[src[j]]; j++ {
				}
				first = false
				continue
			case '0' <= c && c <= '9':
			case first && (c == '@' || c == '#'):
				t.Digits = false
			default:
				if isJoiner(c) && j+1 < end && startsWord(src[j+1:end]) {
					t.Digits = false
					j++
					continue
				}
				t.End = j
				return
			}
			j++
			first = false
			continue
		}
		c, m = utf8.DecodeRuneInString(src[j:end])
		if IsWordRune(c) {
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
		if isJoiner(c) && j+m < end && startsWord(src[j+m:end]) {
			t.Digits = false
			j += m
			continue
		}
		break
	}
	t.End = j
}

// asciiAlnum marks the ASCII letters and digits, indexed by any byte.
var asciiAlnum = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// asciiSpace and asciiWord classify the ASCII bytes as isSpace and
// IsWordRune do.
var asciiSpace, asciiWord [utf8.RuneSelf]bool

func init() {
	for b := range rune(utf8.RuneSelf) {
		asciiSpace[b] = isSpace(b)
		asciiWord[b] = IsWordRune(b)
	}
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsWordRune(r)
}
