package entities

import (
	"slices"
	"sort"
	"strings"
)

// cluster is a growing entity.
type cluster struct {
	entry    *Entry
	typ      Type
	typed    bool
	person   bool
	first    string   // folded first name of a person ("" unknown)
	surnames []string // folded, transliterated forms of the last name
	forms    []string // folded forms of a non-person name
	mentions []candidate
	strong   bool // holds a mention that needs no support
	order    int  // creation order: the earliest match wins
}

// clusterIndex finds the clusters a name may join without a scan of them
// all: a long document names thousands of things, and a scan per mention
// would make clustering quadratic. Lists may hold clusters that no longer
// match (a first name filled in later); callers check.
type clusterIndex struct {
	all       []*cluster
	bySurname map[string][]*cluster // people, by every surname form
	byFirst   map[string][]*cluster // people, by first name ("" for none)
	byForm    map[string][]*cluster // other names without a gazetteer entry
}

func newClusterIndex() *clusterIndex {
	return &clusterIndex{bySurname: map[string][]*cluster{}, byFirst: map[string][]*cluster{}, byForm: map[string][]*cluster{}}
}

func (x *clusterIndex) add(k *cluster) {
	k.order = len(x.all)
	x.all = append(x.all, k)
	switch {
	case k.person:
		x.byFirst[k.first] = append(x.byFirst[k.first], k)
	case k.entry == nil:
		for _, f := range k.forms {
			x.byForm[f] = append(x.byForm[f], k)
		}
	}
}

func (x *clusterIndex) addSurname(k *cluster, last string) {
	if !slices.Contains(k.surnames, last) {
		k.surnames = append(k.surnames, last)
		x.bySurname[last] = append(x.bySurname[last], k)
	}
}

func (x *clusterIndex) setFirst(k *cluster, first string) {
	if k.first == "" && first != "" {
		k.first = first
		x.byFirst[first] = append(x.byFirst[first], k)
	}
}

func (x *clusterIndex) addForm(k *cluster, f string) {
	if !slices.Contains(k.forms, f) {
		k.forms = append(k.forms, f)
		x.byForm[f] = append(x.byForm[f], k)
	}
}

// earliest returns the first-made cluster of the lists that ok accepts.
func earliest(ok func(*cluster) bool, lists ...[]*cluster) *cluster {
	var best *cluster
	for _, l := range lists {
		for _, k := range l {
			if (best == nil || k.order < best.order) && ok(k) {
				best = k
			}
		}
	}
	return best
}

// cluster groups the candidates of one article into entities.
func (r *Recognizer) cluster(src string, cands []candidate) []Entity {
	idx := newClusterIndex()
	byEntry := map[*Entry]*cluster{}
	// Full personal names first, so that surnames alone can find them.
	for _, c := range cands {
		if c.entry != nil || c.typ != Person || len(c.words) < 2 {
			continue
		}
		first, last := r.personParts(c)
		// samePerson needs the surname, or the first name for a typo.
		into := earliest(func(k *cluster) bool { return r.samePerson(k, first, last) }, idx.bySurname[last], idx.byFirst[first])
		if into == nil {
			into = &cluster{person: true, typ: Person, typed: true, first: first}
			idx.add(into)
		}
		idx.setFirst(into, first)
		idx.addSurname(into, last)
		into.add(c)
	}
	for _, c := range cands {
		switch {
		case c.entry != nil:
			k := byEntry[c.entry]
			if k == nil {
				k = &cluster{entry: c.entry, typ: c.entry.Type, typed: true}
				byEntry[c.entry] = k
				idx.add(k)
			}
			k.add(c)
		case c.typ == Person && len(c.words) >= 2:
			// placed above
		case c.words[0].handle:
			if k := r.handleOwner(idx.all, c); k != nil {
				k.add(c)
			}
		default:
			forms := r.forms(c)
			k := idx.find(forms)
			if k == nil {
				k = &cluster{typ: c.typ, typed: c.typed, forms: forms}
				idx.add(k)
			} else if !k.person {
				for _, f := range forms {
					idx.addForm(k, f)
				}
				if c.typed && !k.typed {
					k.typ, k.typed = c.typ, true
				}
			}
			k.add(c)
		}
	}
	cs := idx.all
	out := make([]Entity, 0, len(cs))
	for _, k := range cs {
		if !k.strong {
			continue
		}
		out = append(out, r.entity(src, k))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0].Start < out[j].Mentions[0].Start })
	return out
}

func (k *cluster) add(c candidate) {
	k.mentions = append(k.mentions, c)
	if !c.weak {
		k.strong = true
	}
}

// personParts returns the folded first name (its canonical variant) and
// the transliterated surname of a multi-word personal name.
func (r *Recognizer) personParts(c candidate) (first, last string) {
	ws := c.words
	first = fold(ws[0].s)
	if v := r.gaz.Canonical(ws[0].s); v != "" {
		first = fold(v)
	}
	last = translit(fold(ws[len(ws)-1].s))
	return first, last
}

// samePerson decides whether a full name belongs to cluster k: the same
// surname (a one-letter typo allowed when the first names agree) and
// compatible first names.
func (r *Recognizer) samePerson(k *cluster, first, last string) bool {
	firstOK := k.first == "" || first == "" || k.first == first || len(first) > 3 && nearlyEqual(k.first, first)
	for _, s := range k.surnames {
		if s == last && firstOK {
			return true
		}
		if k.first == first && len(last) >= 4 && nearlyEqual(s, last) {
			return true
		}
	}
	return false
}

// forms returns the folded forms a single name may stand for: as written
// and without each case ending of the language.
func (r *Recognizer) forms(c candidate) []string {
	var b strings.Builder
	for i, w := range c.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(fold(w.s))
	}
	f := b.String()
	out := []string{translit(f)}
	for _, s := range r.stems(f) {
		out = append(out, translit(s))
	}
	return out
}

// find returns the cluster a single name joins: the person whose surname
// or (when only one person has it) first name it is, or else the first
// other name with a form in common.
func (x *clusterIndex) find(forms []string) *cluster {
	var lists [][]*cluster
	for _, f := range forms {
		lists = append(lists, x.bySurname[f])
	}
	if k := earliest(func(*cluster) bool { return true }, lists...); k != nil {
		return k
	}
	if k := x.onlyFirst(forms); k != nil {
		return k
	}
	lists = lists[:0]
	for _, f := range forms {
		lists = append(lists, x.byForm[f])
	}
	return earliest(func(*cluster) bool { return true }, lists...)
}

// onlyFirst returns the one person whose first name is among forms, or nil
// when none or several are.
func (x *clusterIndex) onlyFirst(forms []string) *cluster {
	var only *cluster
	for _, f := range forms {
		if f == "" {
			continue
		}
		for _, k := range x.byFirst[f] {
			if k.first != f || k == only {
				continue
			}
			if only != nil {
				return nil // two people share it: undecided
			}
			only = k
		}
	}
	return only
}

// handleOwner finds the person whose name a handle spells: @elonmusk is
// Elon Musk.
func (r *Recognizer) handleOwner(cs []*cluster, c candidate) *cluster {
	h := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, fold(c.words[0].s))
	if len(h) < 4 {
		return nil
	}
	for _, k := range cs {
		if !k.person {
			continue
		}
		for _, s := range k.surnames {
			if h == k.first+s || h == s {
				return k
			}
		}
	}
	return nil
}

// entity turns a cluster into an Entity with its canonical name and key.
func (r *Recognizer) entity(src string, k *cluster) Entity {
	e := Entity{Type: k.typ, Mentions: make([]Mention, len(k.mentions))}
	sort.SliceStable(k.mentions, func(i, j int) bool { return k.mentions[i].Start < k.mentions[j].Start })
	for i, m := range k.mentions {
		e.Mentions[i] = Mention{Span: m.Span, Sentence: m.sentence}
	}
	switch {
	case k.entry != nil:
		e.Key, e.Name = k.entry.Key, k.entry.Name
	case k.person:
		e.Name = r.personName(k)
		e.Key = "per:" + strings.ReplaceAll(strings.ToLower(e.Name), " ", "-")
	default:
		e.Name = r.commonForm(src, k)
		if e.Type == Person {
			// A person named by one word: written like full names, so that
			// "Pútín" and "Putin" are one name.
			e.Name = titleCase(translit(fold(e.Name)))
		}
		e.Key = strings.ToLower(e.Type.String()[:3]) + ":" + strings.ReplaceAll(fold(e.Name), " ", "-")
	}
	return e
}

// personName is the fullest form of a person's name in ASCII, given names
// in their canonical spelling and surname endings unified: one person, one
// name in every language.
func (r *Recognizer) personName(k *cluster) string {
	// The fullest form; among those, the one whose surname the article
	// uses most (so a typo in one full form loses to the right spelling).
	lastWord := func(c candidate) string { return fold(c.words[len(c.words)-1].s) }
	uses := map[string]int{}
	for _, m := range k.mentions {
		uses[lastWord(m)]++
	}
	var best candidate
	for _, m := range k.mentions {
		if len(m.words) > len(best.words) || len(m.words) == len(best.words) && uses[lastWord(m)] > uses[lastWord(best)] {
			best = m
		}
	}
	parts := make([]string, len(best.words))
	surname := fold(best.words[len(best.words)-1].s)
	inflected := r.surnameBase(surname) != surname
	for i, w := range best.words {
		last := i == len(best.words)-1
		if v := r.gaz.Canonical(w.s); v != "" && !last {
			parts[i] = caseLike(fold(v), v)
			continue
		}
		parts[i] = fold(w.s)
		if !last && (inflected || !r.gaz.IsGivenName(w.s)) {
			// A given name in another case: "Hermanns" → "Hermann".
			stems := r.stems(parts[i])
			for _, st := range stems {
				if r.gaz.IsGivenName(st) {
					parts[i] = st
					break
				}
			}
			// In the case the surname shows, the least stripped stem.
			if inflected && parts[i] == fold(w.s) && len(stems) > 0 {
				parts[i] = stems[len(stems)-1]
			}
		}
		if last {
			parts[i] = translit(r.surnameBase(parts[i]))
		}
		parts[i] = caseLike(parts[i], w.s)
	}
	return strings.Join(parts, " ")
}

// surnameBase gives a surname met in another case its base ending
// ("thordarsonar" → "thordarson"), as the language pack lists them.
func (r *Recognizer) surnameBase(f string) string {
	for _, c := range r.surnameCase {
		if len(f) > len(c[0])+2 && strings.HasSuffix(f, c[0]) {
			return f[:len(f)-len(c[0])] + c[1]
		}
	}
	return f
}

func nameText(c candidate) string {
	var b strings.Builder
	for i, w := range c.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.s)
	}
	return b.String()
}

// commonForm is the most frequent written form of a name (fewest case
// endings: the shortest of equally frequent forms), ties broken by text.
func (r *Recognizer) commonForm(src string, k *cluster) string {
	counts := map[string]int{}
	for _, m := range k.mentions {
		counts[nameText(m)]++
	}
	best := ""
	for f, n := range counts {
		if best == "" || n > counts[best] || n == counts[best] && (len(f) < len(best) || len(f) == len(best) && f < best) {
			best = f
		}
	}
	return best
}
