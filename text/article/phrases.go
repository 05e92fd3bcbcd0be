package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/text"
)

// phrases matches word sequences from a language pack against tokens.
type phrases struct {
	list [][]string // tokens of each phrase
	fold bool       // compare ignoring case
	// byFirst indexes list by the first rune of the first word (its case
	// class when folding): a token that starts no phrase costs one look-up.
	byFirst map[rune][]int
}

func compilePhrases(list []string, fold bool) phrases {
	ps := phrases{fold: fold}
	var toks []text.Token
	for _, p := range list {
		toks = text.AppendTokens(toks[:0], p, text.Span{Start: 0, End: len(p)})
		if len(toks) == 0 {
			continue
		}
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = t.Text(p)
		}
		ps.list = append(ps.list, words)
	}
	ps.byFirst = map[rune][]int{}
	for i, words := range ps.list {
		r := ps.firstKey(words[0])
		ps.byFirst[r] = append(ps.byFirst[r], i)
	}
	return ps
}

// firstKey is the index key of a word: its first rune, or when folding the
// smallest rune of that rune's case class, so that words equal under
// strings.EqualFold share it.
func (ps phrases) firstKey(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	if !ps.fold {
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// match returns the number of tokens of the longest phrase that starts at
// toks[i], or 0.
func (ps phrases) match(src string, toks []text.Token, i int) int {
	if i >= len(toks) {
		return 0
	}
	best := 0
	for _, p := range ps.byFirst[ps.firstKey(toks[i].Text(src))] {
		words := ps.list[p]
		if len(words) <= best || i+len(words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range words {
			got := toks[i+k].Text(src)
			if ps.fold && !strings.EqualFold(got, w) || !ps.fold && got != w {
				ok = false
				break
			}
		}
		if ok {
			best = len(words)
		}
	}
	return best
}
