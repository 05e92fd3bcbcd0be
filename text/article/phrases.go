package article

import (
	"strings"

	"github.com/hearsay-go/hearsay/text"
)

// phrases matches word sequences from a language pack against tokens.
type phrases struct {
	list [][]string // tokens of each phrase
	fold bool       // compare ignoring case
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
	return ps
}

// match returns the number of tokens of the longest phrase that starts at
// toks[i], or 0.
func (ps phrases) match(src string, toks []text.Token, i int) int {
	best := 0
	for _, words := range ps.list {
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
