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
// word: one map look-up per word finds them all.
type cueLists struct {
	before, after, verbs []phrase
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
		at(w).before = ps
	}
	for w, ps := range after.byFirst {
		at(w).after = ps
	}
	for w, ps := range verbs.byFirst {
		at(w).verbs = ps
	}
	return m
}

// matchPhrases returns the longest of phrases ps (those starting with
// words[i]) that matches at words[i].
func matchPhrases(ps []phrase, words []string, i int) (match, bool) {
	var best match
	found := false
	for _, p := range ps {
		if !wordsAt(words, i, p.head) {
			continue
		}
		m := match{start: i, end: i + len(p.head)}
		if len(p.tail) > 0 {
			ok := false
			for j := m.end + 1; j <= m.end+maxGap && j+len(p.tail) <= len(words); j++ {
				if wordsAt(words, j, p.tail) {
					m.tailStart, m.tailEnd, ok = j, j+len(p.tail), true
					break
				}
			}
			if !ok {
				continue
			}
		}
		if !found || m.last()-m.start > best.last()-best.start {
			best, found = m, true
		}
	}
	return best, found
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
