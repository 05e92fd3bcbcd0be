package export

import (
	"strings"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/text"
)

// Anchor finds a stored claim again in doc, which may have been edited
// since the annotation was made: it returns the byte offsets of an
// occurrence of q.Exact in doc. Of several occurrences it takes the one
// whose surrounding text agrees longest with q.Prefix and q.Suffix; of
// equally good ones, the one that starts nearest p.Start when p is given
// (p counts code points, as in an annotation), else the first. ok is false
// when q.Exact is empty or does not occur in doc; Anchor does not match
// approximately.
func Anchor(doc string, q TextQuoteSelector, p *TextPositionSelector) (sp text.Span, ok bool) {
	if q.Exact == "" {
		return text.Span{}, false
	}
	var idx *text.Index // built only when positions must be compared
	best, bestScore, bestDist := -1, -1, 0
	for from := 0; from <= len(doc)-len(q.Exact); {
		k := strings.Index(doc[from:], q.Exact)
		if k < 0 {
			break
		}
		i := from + k
		score := commonSuffix(doc[:i], q.Prefix) + commonPrefix(doc[i+len(q.Exact):], q.Suffix)
		dist := 0
		if p != nil {
			if idx == nil {
				idx = text.NewIndex(doc)
			}
			dist = abs(idx.Runes(i) - p.Start)
		}
		if score > bestScore || score == bestScore && dist < bestDist {
			best, bestScore, bestDist = i, score, dist
		}
		// Occurrences may overlap ("aa" in "aaa"): go on one rune later.
		_, size := utf8.DecodeRuneInString(doc[i:])
		from = i + size
	}
	if best < 0 {
		return text.Span{}, false
	}
	return text.Span{Start: best, End: best + len(q.Exact)}, true
}

// commonSuffix is the number of bytes that a and b end with in common.
func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// commonPrefix is the number of bytes that a and b start with in common.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
