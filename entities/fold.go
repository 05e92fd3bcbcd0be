package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns s lower-cased, without diacritics and with the letters that
// have no decomposition spelled out (ß ss, þ th, ð d, æ ae, ø o, ł l, œ oe),
// for matching names across languages. Typographic apostrophes become '.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var buf [64]byte
	return string(appendFold(buf[:0], s))
}

// foldTable holds the folded form of every rune of Latin-1 and Latin
// Extended-A and -B, so that fold needs no normalisation for European text.
var foldTable = func() (t [0x250]string) {
	var b strings.Builder
	for r := range t {
		b.Reset()
		foldRune(&b, rune(r))
		t[r] = b.String()
	}
	return t
}()

// foldRune writes the folded form of one rune.
func foldRune(b *strings.Builder, r rune) {
	var buf [16]byte
	b.Write(appendFoldRune(buf[:0], r))
}

// appendFoldRune appends the folded form of one rune.
func appendFoldRune(dst []byte, r rune) []byte {
	switch r {
	case 'ß':
		return append(dst, "ss"...)
	case 'þ', 'Þ':
		return append(dst, "th"...)
	case 'ð', 'Ð', 'đ', 'Đ':
		return append(dst, 'd')
	case 'æ', 'Æ':
		return append(dst, "ae"...)
	case 'œ', 'Œ':
		return append(dst, "oe"...)
	case 'ø', 'Ø':
		return append(dst, 'o')
	case 'ł', 'Ł':
		return append(dst, 'l')
	case 'ı':
		return append(dst, 'i')
	case '’', '‘', 'ʼ':
		return append(dst, '\'')
	}
	if r < utf8.RuneSelf {
		return utf8.AppendRune(dst, unicode.ToLower(r))
	}
	for _, c := range norm.NFKD.String(string(r)) {
		if !unicode.Is(unicode.Mn, c) {
			dst = utf8.AppendRune(dst, unicode.ToLower(c))
		}
	}
	return dst
}

// appendFold appends fold(s) to dst: look-ups fold into a buffer on the
// stack, since a map index by string(buf) does not allocate.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < rune(len(foldTable)) {
			dst = append(dst, foldTable[r]...)
		} else {
			dst = appendFoldRune(dst, r)
		}
		i += n
	}
	return dst
}

// translitSuffixes unify the German and French spellings of Slavic surname
// endings with the English ones: Peskow, Peskoff → peskov; Tenew, Teneff →
// tenev.
var translitSuffixes = [...][2]string{{"off", "ov"}, {"eff", "ev"}, {"ow", "ov"}, {"ew", "ev"}}

// mayTranslit reports whether w may end in a translitSuffixes ending:
// they all end in f or w, and most names in neither.
func mayTranslit(w string) bool {
	return w != "" && (w[len(w)-1] == 'f' || w[len(w)-1] == 'w')
}

// translit applies translitSuffixes to a folded word.
func translit(w string) string {
	for _, s := range translitSuffixes {
		if len(w) > len(s[0])+2 && strings.HasSuffix(w, s[0]) {
			return w[:len(w)-len(s[0])] + s[1]
		}
	}
	return w
}

// nearlyEqual reports whether a and b differ by at most one edit
// (insertion, deletion, substitution or transposition of neighbours).
func nearlyEqual(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		diff := -1
		for i := range ra {
			if ra[i] != rb[i] {
				if diff >= 0 {
					// A transposition: ab / ba at diff, diff+1.
					return i == diff+1 && ra[diff] == rb[i] && ra[i] == rb[diff] && string(ra[i+1:]) == string(rb[i+1:])
				}
				diff = i
			}
		}
		return true
	case 1:
		i := 0
		for i < len(rb) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i+1:]) == string(rb[i:])
	}
	return false
}

// appendCaseLike appends the folded word w title-cased and then following
// the case of the word it came from after the first letter ("McConnell",
// "DiCaprio", "Geun-hye") where the two spell the same letters; a word
// written all in capitals is only title-cased.
func appendCaseLike(dst []byte, w, from string) []byte {
	var buf [64]rune
	out := appendTitleRunes(buf[:0], w)
	if len(out) == utf8.RuneCountInString(from) && !isUpperString(from) {
		followCase(out, from)
	}
	for _, r := range out {
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// followCase gives the letters of out after the first the case of the
// letters of from that fold alike.
func followCase(out []rune, from string) {
	i := 0
	for _, r := range from {
		if i > 0 && sameFold(r, unicode.ToLower(out[i])) {
			if unicode.IsUpper(r) {
				out[i] = unicode.ToUpper(out[i])
			} else {
				out[i] = unicode.ToLower(out[i])
			}
		}
		i++
	}
}

// sameFold reports fold(string(r)) == string(low).
func sameFold(r, low rune) bool {
	var a, b [16]byte
	f := a[:0]
	if r < rune(len(foldTable)) {
		f = append(f, foldTable[r]...)
	} else {
		f = appendFoldRune(f, r)
	}
	return string(f) == string(utf8.AppendRune(b[:0], low))
}

// sameRuneFold reports whether runes a and b fold alike.
func sameRuneFold(a, b rune) bool {
	if a < rune(len(foldTable)) && b < rune(len(foldTable)) {
		return foldTable[a] == foldTable[b]
	}
	var x, y [16]byte
	return string(appendRuneFold(x[:0], a)) == string(appendRuneFold(y[:0], b))
}

// appendRuneFold appends the fold of one rune, as appendFold does.
func appendRuneFold(dst []byte, r rune) []byte {
	if r < rune(len(foldTable)) {
		return append(dst, foldTable[r]...)
	}
	return appendFoldRune(dst, r)
}

// isUpperString reports strings.ToUpper(s) == s: no rune changes, and no
// invalid byte (ToUpper writes utf8.RuneError for it).
func isUpperString(s string) bool {
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return false
			}
		}
		if unicode.ToUpper(r) != r {
			return false
		}
		i += n
	}
	return true
}

// appendTitleRunes appends the runes of titleCase(s).
func appendTitleRunes(dst []rune, s string) []rune {
	up := true
	for _, r := range s {
		if up {
			dst = append(dst, unicode.ToUpper(r))
		} else {
			dst = append(dst, r)
		}
		up = r == ' ' || r == '-'
	}
	return dst
}

// titleCase capitalises the first letter of each space-separated word.
func titleCase(s string) string {
	up := true
	var out strings.Builder
	out.Grow(len(s))
	for _, r := range s {
		if up {
			out.WriteRune(unicode.ToUpper(r))
		} else {
			out.WriteRune(r)
		}
		up = r == ' ' || r == '-'
	}
	return out.String()
}
