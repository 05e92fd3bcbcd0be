package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// trie holds abbreviations, either reversed, so that the text before a full
// stop can be matched backwards from the stop, or forwards, to find the inner
// dots of multi-part abbreviations ("z. B."). Internal white space is kept as the
// mark gap, which matches one or more spaces; white space after an inner dot
// is dropped, and the text may then have it or not ("z. B." and "z.B.").
type trie struct {
	nodes []trieNode
}

type trieNode struct {
	edges []trieEdge
	final bool
}

type trieEdge struct {
	r  rune
	to int32
}

const gap = ' '

func newTrie() trie { return trie{nodes: make([]trieNode, 1)} }

// add inserts one abbreviation, reversed or forwards; entries that do not
// end in a dot cannot end a sentence and are ignored, and so are, forwards,
// entries without an inner dot. A lower-case entry also matches with an
// upper-case first letter, as at the start of a sentence.
func (t *trie) add(abbr string, reversed bool) {
	var rs []rune
	space := false
	for _, r := range strings.TrimSpace(abbr) {
		if isSpace(r) {
			space = true
			continue
		}
		if space && len(rs) > 0 && rs[len(rs)-1] != '.' {
			rs = append(rs, gap)
		}
		space = false
		rs = append(rs, r)
	}
	if len(rs) < 2 || rs[len(rs)-1] != '.' {
		return
	}
	if !reversed && !strings.ContainsRune(string(rs[:len(rs)-1]), '.') {
		return
	}
	t.insert(rs, reversed)
	if unicode.IsLower(rs[0]) {
		up := append([]rune(nil), rs...)
		up[0] = unicode.ToUpper(up[0])
		t.insert(up, reversed)
	}
}

func (t *trie) insert(rs []rune, reversed bool) {
	n := int32(0)
	for i := range rs {
		r := rs[i]
		if reversed {
			r = rs[len(rs)-1-i]
		}
		next := t.next(n, r)
		if next < 0 {
			next = int32(len(t.nodes))
			t.nodes = append(t.nodes, trieNode{})
			t.nodes[n].edges = append(t.nodes[n].edges, trieEdge{r, next})
		}
		n = next
	}
	t.nodes[n].final = true
}

func (t *trie) next(n int32, r rune) int32 {
	for _, e := range t.nodes[n].edges {
		if e.r == r {
			return e.to
		}
	}
	return -1
}

// matchBefore reports whether src[lo:end], which ends in a full stop, ends
// in an abbreviation that starts a word.
func (t *trie) matchBefore(src string, lo, end int) bool {
	if len(t.nodes[0].edges) == 0 {
		return false
	}
	n, pos := int32(0), end
	for steps := 0; pos > lo && steps < maxBack; steps++ {
		r, size := utf8.DecodeLastRuneInString(src[lo:pos])
		if isSpace(r) {
			next := t.next(n, gap)
			if next < 0 {
				if t.next(n, '.') < 0 {
					return false
				}
				next = n // optional space after an inner dot
			}
			skipped := 0
			for pos > lo && skipped < maxSpaceSkip {
				r, size := utf8.DecodeLastRuneInString(src[lo:pos])
				if !isSpace(r) {
					break
				}
				pos -= size
				skipped++
			}
			if pos > lo {
				if r, _ := utf8.DecodeLastRuneInString(src[lo:pos]); isSpace(r) {
					return false
				}
			}
			n = next
			continue
		}
		n = t.next(n, r)
		if n < 0 {
			return false
		}
		pos -= size
		if t.nodes[n].final {
			if pos <= lo {
				return true
			}
			if b, _ := utf8.DecodeLastRuneInString(src[lo:pos]); !isWordRune(b) && b != '.' {
				return true
			}
		}
	}
	return false
}

// internal reports whether the full stop at ti is an inner dot of a
// multi-part abbreviation of the forward trie: the "z." of "z. B.", the "v."
// of "v. Chr.", the second dot of "i. d. R.".
func (t *trie) internal(src string, ps, pe, ti int) bool {
	if len(t.nodes[0].edges) == 0 {
		return false
	}
	// The abbreviation starts at the word before the stop or at one of the
	// up to three dotted words before that.
	w := ti
	for try := 0; try < 4; try++ {
		back := 0
		for w > ps && back < maxBack {
			r, n := utf8.DecodeLastRuneInString(src[ps:w])
			if !isWordRune(r) {
				break
			}
			w -= n
			back++
		}
		if back == 0 || back == maxBack {
			return false
		}
		if w > ps {
			if r, _ := utf8.DecodeLastRuneInString(src[ps:w]); isWordRune(r) {
				return false
			}
		}
		if t.matchFrom(src, w, pe, ti+1) {
			return true
		}
		// Step back over the space and dot before this word.
		p := w
		for p > ps && p > w-maxSpaceSkip && isSpaceByte(src[p-1]) {
			p--
		}
		if p <= ps || src[p-1] != '.' {
			return false
		}
		w = p - 1
	}
	return false
}

// matchFrom reports whether an abbreviation starts at w and ends after
// minEnd.
func (t *trie) matchFrom(src string, w, pe, minEnd int) bool {
	n, pos, dot := int32(0), w, false
	for steps := 0; pos < pe && steps < maxBack; steps++ {
		r, size := utf8.DecodeRuneInString(src[pos:pe])
		if isSpace(r) {
			if next := t.next(n, gap); next >= 0 {
				n = next
			} else if !dot {
				return false
			}
			skipped := 0
			for pos < pe && skipped < maxSpaceSkip {
				r, size := utf8.DecodeRuneInString(src[pos:pe])
				if !isSpace(r) {
					break
				}
				pos += size
				skipped++
			}
			dot = false
			continue
		}
		if n = t.next(n, r); n < 0 {
			return false
		}
		pos += size
		dot = r == '.'
		if t.nodes[n].final && pos > minEnd {
			if pos >= pe {
				return true
			}
			if r, _ := utf8.DecodeRuneInString(src[pos:pe]); !isWordRune(r) {
				return true
			}
		}
	}
	return false
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
