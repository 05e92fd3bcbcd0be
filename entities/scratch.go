package entities

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/text"
)

// finder is the state of one Find call: the recognizer's rules and the
// buffers that spare an allocation per word and per candidate. The
// buffers are pooled across calls: nothing Find returns points into them.
type finder struct {
	*Recognizer
	strs strArena // not pooled: a string handed out must never change
	toks []text.Token
	sent []word // the words of the sentence being read
	// toksUsed and sentUsed are the most elements toks and sent held
	// (each sentence starts them again): release clears that many.
	toksUsed, sentUsed int
	wordBuf            []word      // backing store of the candidates' words
	cands              []candidate // the article's candidates
	idx                clusterIndex
	formBuf            []string
}

var finders = sync.Pool{New: func() any { return new(finder) }}

func getFinder(r *Recognizer) *finder {
	f := finders.Get().(*finder)
	f.Recognizer = r
	return f
}

// maxPooled is the most elements a pooled buffer keeps: one grown for a
// very long article is left to the collector.
const maxPooled = 1 << 14

// reuse empties s for the next call, clearing it so that it holds on to
// no text, or drops it when it is large. Only the first used elements can
// hold any: the others were cleared when s was last reused or never
// written. (A buffer grown for a long article is cleared only as far as a
// short one fills it.)
func reuse[T any](s []T, used int) []T {
	if cap(s) > maxPooled {
		return nil
	}
	clear(s[:used])
	return s[:0]
}

// release returns f to the pool.
func (f *finder) release() {
	f.reset()
	finders.Put(f)
}

// reset empties f for the next call.
func (f *finder) reset() {
	f.Recognizer = nil
	f.strs = strArena{}
	f.toks = reuse(f.toks, f.toksUsed)
	f.sent = reuse(f.sent, f.sentUsed)
	f.toksUsed, f.sentUsed = 0, 0
	f.wordBuf = reuse(f.wordBuf, len(f.wordBuf))
	f.cands = reuse(f.cands, len(f.cands))
	f.formBuf = reuse(f.formBuf, cap(f.formBuf)) // a handful, refilled per name
	f.idx.reset()
}

// clone copies words out of the sentence buffer, which the next sentence
// reuses, into a shared buffer. When the buffer grows, the words cloned
// before stay where they are. The copy has no spare capacity, so an
// append to it cannot reach its neighbour's words.
func (f *finder) clone(ws []word) []word {
	i := len(f.wordBuf)
	f.wordBuf = append(f.wordBuf, ws...)
	return f.wordBuf[i:len(f.wordBuf):len(f.wordBuf)]
}

// strArena builds the short strings of one Find call (words lower-cased
// and folded) in shared blocks. A strings.Builder never changes the bytes
// it has written, so the strings it has handed out stay valid when a new
// block starts.
type strArena struct{ b strings.Builder }

// str returns a string with the bytes of p.
func (a *strArena) str(p []byte) string {
	if a.b.Cap()-a.b.Len() < len(p) {
		n := max(len(p), min(2*a.b.Cap(), 8192), 256)
		a.b = strings.Builder{}
		a.b.Grow(n)
	}
	start := a.b.Len()
	a.b.Write(p)
	return a.b.String()[start:]
}

// lowerASCII returns strings.ToLower(s) of an ASCII s that has capitals.
func (a *strArena) lowerASCII(s string) string {
	var buf [64]byte
	l := append(buf[:0], s...)
	for i, c := range l {
		if 'A' <= c && c <= 'Z' {
			l[i] = c + 'a' - 'A'
		}
	}
	return a.str(l)
}

// fold returns fold(s): s itself when nothing changes.
func (a *strArena) fold(s string) string {
	var buf [64]byte
	f := appendFold(buf[:0], s)
	if string(f) == s {
		return s
	}
	return a.str(f)
}

// appendLower appends strings.ToLower(s): every rune lower-cased, and an
// invalid byte written as utf8.RuneError, as strings.Map does.
func appendLower(dst []byte, s string) []byte {
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
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// indexApostrophe returns the index of the first ' or ’ in s, or -1: a
// byte scan, as strings.IndexAny is slow for a set with a non-ASCII rune.
// The bytes of ’ (E2 80 99) cannot occur inside another rune.
func indexApostrophe(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			return i
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99 {
				return i
			}
		}
	}
	return -1
}
