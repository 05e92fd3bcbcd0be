package text

import (
	"unicode/utf8"
)

// checkpointEvery is the spacing, in bytes, of the stored counts: a
// conversion scans at most this many bytes.
const checkpointEvery = 256

// Index converts byte offsets of one text to code-point (rune) offsets, as
// Python strings count, and to UTF-16 code-unit offsets, as JavaScript and
// Java strings count. It is immutable and safe for concurrent use.
type Index struct {
	src   string
	ascii bool
	// runes[i] and units[i] count the runes and UTF-16 units before byte
	// i*checkpointEvery (moved back to a rune start).
	runes, units []int
}

// NewIndex prepares conversions for src in one pass.
func NewIndex(src string) *Index {
	x := &Index{src: src, ascii: true}
	for i := 0; i < len(src); i++ {
		if src[i] >= utf8.RuneSelf {
			x.ascii = false
			break
		}
	}
	if x.ascii {
		return x
	}
	n := len(src)/checkpointEvery + 1
	x.runes = make([]int, n)
	x.units = make([]int, n)
	r, u := 0, 0
	next := 0
	for i, c := range src {
		for next < n && next*checkpointEvery <= i {
			x.runes[next], x.units[next] = r, u
			next++
		}
		r++
		u += utf16Len(c)
	}
	for ; next < n; next++ {
		x.runes[next], x.units[next] = r, u
	}
	return x
}

// Runes returns the number of code points before byte offset off. An offset
// inside a rune counts that rune as not yet begun.
func (x *Index) Runes(off int) int {
	r, _ := x.count(off)
	return r
}

// UTF16 returns the number of UTF-16 code units before byte offset off.
func (x *Index) UTF16(off int) int {
	_, u := x.count(off)
	return u
}

func (x *Index) count(off int) (runes, units int) {
	if off <= 0 {
		return 0, 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	if x.ascii {
		return off, off
	}
	k := off / checkpointEvery
	i := k * checkpointEvery
	runes, units = x.runes[k], x.units[k]
	// The checkpoint counted every rune that starts before i; skip the tail
	// of a rune that straddles it. A stray continuation byte is a rune of
	// its own (as for range and utf8.RuneCountInString), not a tail.
	if i > 0 && i < len(x.src) && !utf8.RuneStart(x.src[i]) {
		for b := i - 1; b >= 0 && b >= i-(utf8.UTFMax-1); b-- {
			if utf8.RuneStart(x.src[b]) {
				if _, n := utf8.DecodeRuneInString(x.src[b:]); b+n > i {
					i = min(b+n, off)
				}
				break
			}
		}
	}
	for i < off {
		c, n := utf8.DecodeRuneInString(x.src[i:])
		if i+n > off {
			break
		}
		runes++
		units += utf16Len(c)
		i += n
	}
	return runes, units
}

// SpanRunes converts a byte span to code-point offsets.
func (x *Index) SpanRunes(s Span) Span { return Span{x.Runes(s.Start), x.Runes(s.End)} }

// SpanUTF16 converts a byte span to UTF-16 offsets.
func (x *Index) SpanUTF16(s Span) Span { return Span{x.UTF16(s.Start), x.UTF16(s.End)} }

func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}
