package quotes

import (
	"strings"

	"github.com/hearsay-go/hearsay/text"
)

// gapMark separates the parts of a split phrase: "teilte … mit".
const gapMark = "…"

// maxGap is how many words may stand inside a split phrase.
const maxGap = 6

// phrase is a word sequence, possibly in two parts with a gap between.
type phrase struct {
	head, tail []string // lower-case words; tail is empty unless split
}

// lexicon matches phrases against lower-cased words.
type lexicon struct {
	byFirst map[string][]phrase
}

func newLexicon(list []string) *lexicon {
	l := &lexicon{byFirst: map[string][]phrase{}}
	for _, item := range list {
		head, tail, _ := strings.Cut(strings.ToLower(item), gapMark)
		p := phrase{head: splitWords(head), tail: splitWords(tail)}
		if len(p.head) == 0 {
			continue
		}
		l.byFirst[p.head[0]] = append(l.byFirst[p.head[0]], p)
	}
	return l
}

// splitWords tokenizes a phrase the way the text is tokenized.
func splitWords(s string) []string {
	var out []string
	for _, t := range text.AppendTokens(nil, s, text.Span{Start: 0, End: len(s)}) {
		out = append(out, t.Text(s))
	}
	return out
}

// match is a phrase found in a sentence's words: words [start, end), and
// for a split phrase its tail [tailStart, tailEnd).
type match struct {
	start, end         int
	tailStart, tailEnd int
}

// last returns the index after the match's last word.
func (m match) last() int {
	if m.tailEnd > 0 {
		return m.tailEnd
	}
	return m.end
}

// cueLists are the phrases of the three cue lexicons that start with one
// word: one look-up per word finds them all.
type cueLists struct {
	before, after, verbs phrases
}

// cueFirst merges the phrases of the "according to" lexicons and the
// reporting verbs by their first word.
func cueFirst(before, after, verbs *lexicon) map[string]*cueLists {
	m := map[string]*cueLists{}
	at := func(w string) *cueLists {
		if m[w] == nil {
			m[w] = &cueLists{}
		}
		return m[w]
	}
	for w, ps := range before.byFirst {
		at(w).before = newPhrases(ps)
	}
	for w, ps := range after.byFirst {
		at(w).after = newPhrases(ps)
	}
	for w, ps := range verbs.byFirst {
		at(w).verbs = newPhrases(ps)
	}
	return m
}

// phrases are the phrases of a lexicon that start with one word.
type phrases struct {
	all []phrase
	// A long list ("a" starts 80 French verb phrases) is indexed by its
	// second words: one holds the indices in all of the one-word heads,
	// bySecond those of the longer heads by their second word, each in
	// order. Only these can match.
	one      []int
	bySecond map[string][]int
}

// minIndexed is the length from which a list of phrases is indexed.
const minIndexed = 8

func newPhrases(all []phrase) phrases {
	ps := phrases{all: all}
	if len(all) < minIndexed {
		return ps
	}
	ps.bySecond = map[string][]int{}
	for k, p := range all {
		if len(p.head) == 1 {
			ps.one = append(ps.one, k)
			continue
		}
		ps.bySecond[p.head[1]] = append(ps.bySecond[p.head[1]], k)
	}
	return ps
}

// match returns the longest of the phrases that matches at words[i] (its
// first word), the first listed of equally long ones.
func (ps *phrases) match(words []string, i int) (best match, found bool) {
	if ps.bySecond == nil {
		for _, p := range ps.all {
			if m, ok := matchPhrase(p, words, i); ok && (!found || m.last()-m.start > best.last()-best.start) {
				best, found = m, true
			}
		}
		return best, found
	}
	// The one-word heads and those with the next word second, merged in
	// their order in all.
	var second []int
	if i+1 < len(words) {
		second = ps.bySecond[words[i+1]]
	}
	one := ps.one
	for len(one) > 0 || len(second) > 0 {
		var k int
		if len(second) == 0 || len(one) > 0 && one[0] < second[0] {
			k, one = one[0], one[1:]
		} else {
			k, second = second[0], second[1:]
		}
		if m, ok := matchPhrase(ps.all[k], words, i); ok && (!found || m.last()-m.start > best.last()-best.start) {
			best, found = m, true
		}
	}
	return best, found
}

// matchPhrase matches phrase p at words[i].
func matchPhrase(p phrase, words []string, i int) (match, bool) {
	if !wordsAt(words, i, p.head) {
		return match{}, false
	}
	m := match{start: i, end: i + len(p.head)}
	if len(p.tail) > 0 {
		for j := m.end + 1; j <= m.end+maxGap && j+len(p.tail) <= len(words); j++ {
			if wordsAt(words, j, p.tail) {
				m.tailStart, m.tailEnd = j, j+len(p.tail)
				return m, true
			}
		}
		return match{}, false
	}
	return m, true
}

func wordsAt(words []string, i int, want []string) bool {
	if i+len(want) > len(words) {
		return false
	}
	for k, w := range want {
		if words[i+k] != w {
			return false
		}
	}
	return true
}
