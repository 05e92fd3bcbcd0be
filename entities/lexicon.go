package entities

import "strings"

// lexBits says which of a Recognizer's word lists hold a word. The lists
// are keyed by the word folded, lower-cased or as written; Recognizer.lex
// holds them all by the fold, so that one look-up of a word's fold answers
// for every list.
type lexBits uint16

const (
	// Lists of folded words: the bit is exact.
	lexNotName lexBits = 1 << iota
	lexPronoun
	lexRole
	lexOrgWord
	lexLocWord
	// Lists of lower-cased words (the pack's stopwords, particles,
	// connectors, determiners, complementizers): the bit says the fold
	// itself is in the list, exact for a word whose lower case is its
	// fold.
	lexStop
	lexParticle
	lexConnector
	lexDeterminer
	lexComp
	// Lists of words as written (titles, legal forms, place
	// prepositions): exact for a word written as its fold.
	lexTitle
	lexOrgSuffix
	lexPlacePrep
	// lexOther: a word of a list of lower-cased or written words folds to
	// the key without being it ("für" to "fur", "Dr" to "dr"). Without it,
	// a word whose fold differs from its lower case or writing is in none
	// of those lists; with it, lowIn and sIn ask the list itself.
	lexOther
)

// buildLex builds Recognizer.lex from r's lists.
func (r *Recognizer) buildLex() map[string]lexBits {
	lex := map[string]lexBits{}
	folded := func(m map[string]bool, bit lexBits) {
		for w := range m {
			lex[w] |= bit
		}
	}
	folded(r.notNames, lexNotName)
	folded(r.pronouns, lexPronoun)
	folded(r.roles, lexRole)
	folded(r.orgWords, lexOrgWord)
	folded(r.locWords, lexLocWord)
	// A word's fold is fold of its lower case (appendWord): the key of a
	// lower-cased word w is fold(w), of a written one fold of its lower
	// case.
	add := func(w, key string, bit lexBits) {
		if key == w {
			lex[key] |= bit
		} else {
			lex[key] |= lexOther
		}
	}
	for _, w := range r.pack.Stopwords {
		// IsStopword is the truth: a pack built by hand has no stopwords.
		if l := strings.ToLower(w); r.pack.IsStopword(l) {
			add(l, fold(l), lexStop)
		}
	}
	for _, l := range []struct {
		m       map[string]bool
		bit     lexBits
		written bool
	}{
		{r.particles, lexParticle, false}, {r.connectors, lexConnector, false},
		{r.determiners, lexDeterminer, false}, {r.comps, lexComp, false},
		{r.titles, lexTitle, true}, {r.orgSuffix, lexOrgSuffix, true}, {r.placePrep, lexPlacePrep, true},
	} {
		for w := range l.m {
			if l.written {
				add(w, fold(strings.ToLower(w)), l.bit)
			} else {
				add(w, fold(w), l.bit)
			}
		}
	}
	return lex
}

// lowIn reports whether w's lower case is in the list of bit, one of the
// lists of lower-cased words.
func (r *Recognizer) lowIn(w *word, bit lexBits) bool {
	return r.formIn(w, w.low, w.lowIsF, bit)
}

// sIn reports whether w as written is in the list of bit, one of the lists
// of written words.
func (r *Recognizer) sIn(w *word, bit lexBits) bool {
	return r.formIn(w, w.s, w.sIsF, bit)
}

// formIn reports whether form, one form of w, is in the list of bit: the
// fold's look-up answers when the form is the fold (isF), else only says
// whether the list itself must be asked.
func (r *Recognizer) formIn(w *word, form string, isF bool, bit lexBits) bool {
	b := r.lexOf(w)
	switch {
	case isF:
		return b&bit != 0
	case b&lexOther == 0:
		return false
	}
	return r.inList(form, bit)
}

// inList looks s up in the list of bit itself.
func (r *Recognizer) inList(s string, bit lexBits) bool {
	switch bit {
	case lexStop:
		return r.pack.IsStopword(s)
	case lexParticle:
		return r.particles[s]
	case lexConnector:
		return r.connectors[s]
	case lexDeterminer:
		return r.determiners[s]
	case lexComp:
		return r.comps[s]
	case lexTitle:
		return r.titles[s]
	case lexOrgSuffix:
		return r.orgSuffix[s]
	case lexPlacePrep:
		return r.placePrep[s]
	}
	panic("entities: no list for bit")
}
