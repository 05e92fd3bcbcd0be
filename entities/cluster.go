package entities

import (
	"cmp"
	"slices"
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
	n        int  // mentions added
	strong   bool // holds a mention that needs no support
	order    int  // creation order: the earliest match wins
}

// clusterIndex finds the clusters a name may join without a scan of them
// all: a long document names thousands of things, and a scan per mention
// would make clustering quadratic. Lists may hold clusters that no longer
// match (a first name filled in later); callers check.
type clusterIndex struct {
	// all holds the clusters in creation order. There is at most one per
	// candidate, so it is made once and never moves: pointers into it
	// stay valid.
	all []cluster
	// The lists are linked through nodes, by the index of their first
	// node plus one: one allocation for all of them, not one per list.
	// What the lists are used for does not depend on their order.
	nodes []listNode
	// keys holds the index in heads of the lists of a string: one
	// look-up finds a form's lists of each kind.
	keys  map[string]int32
	heads []listHeads
	// added holds the (cluster, candidate) pairs in the order mentions
	// were added, for the mentions to be gathered at the end.
	added    [][2]int32
	byEntry  map[*Entry]*cluster
	mentions []candidate // backing store of the clusters' mentions
	gathered int         // how many of them gather filled
	strs     []string    // backing store of the clusters' forms and surnames
}

// keep copies ss into x.strs, with no spare capacity: an append to the
// copy moves it out. When x.strs grows, the copies made before stay.
func (x *clusterIndex) keep(ss ...string) []string {
	i := len(x.strs)
	x.strs = append(x.strs, ss...)
	return x.strs[i:len(x.strs):len(x.strs)]
}

type listNode struct {
	k    *cluster
	next int32 // index of the next node plus one; 0 ends the list
}

// listHeads are the lists of one string, by the index of their first node
// plus one (0 for none).
type listHeads struct {
	surname int32 // people, by every surname form
	first   int32 // people, by first name ("" for none)
	form    int32 // other names without a gazetteer entry
}

func headSurname(h *listHeads) *int32 { return &h.surname }
func headFirst(h *listHeads) *int32   { return &h.first }
func headForm(h *listHeads) *int32    { return &h.form }

// lists returns the lists of key.
func (x *clusterIndex) lists(key string) listHeads {
	if i, ok := x.keys[key]; ok {
		return x.heads[i]
	}
	return listHeads{}
}

// init readies x, empty or reset, for an article of n candidates.
func (x *clusterIndex) init(n int) {
	if cap(x.all) < n {
		x.all = make([]cluster, 0, n)
	}
	if x.keys == nil {
		x.keys, x.byEntry = map[string]int32{}, map[*Entry]*cluster{}
	}
}

// reset empties x for the next article.
func (x *clusterIndex) reset() {
	// Each is only appended to, but mentions, which gather fills.
	x.all = reuse(x.all, len(x.all))
	x.nodes = reuse(x.nodes, len(x.nodes))
	x.added = reuse(x.added, len(x.added))
	x.mentions = reuse(x.mentions, x.gathered)
	x.gathered = 0
	x.strs = reuse(x.strs, len(x.strs))
	x.heads = reuse(x.heads, len(x.heads))
	clear(x.keys)
	clear(x.byEntry)
}

// push adds k to the list of key that head picks.
func (x *clusterIndex) push(head func(*listHeads) *int32, key string, k *cluster) {
	i, ok := x.keys[key]
	if !ok {
		i = int32(len(x.heads))
		x.heads = append(x.heads, listHeads{})
		x.keys[key] = i
	}
	h := head(&x.heads[i])
	x.nodes = append(x.nodes, listNode{k: k, next: *h})
	*h = int32(len(x.nodes))
}

// earliestIn returns best or the first-made cluster of the list that
// starts at head that ok accepts, whichever was made first.
func (x *clusterIndex) earliestIn(best *cluster, head int32, ok func(*cluster) bool) *cluster {
	for n := head; n != 0; n = x.nodes[n-1].next {
		if k := x.nodes[n-1].k; (best == nil || k.order < best.order) && (ok == nil || ok(k)) {
			best = k
		}
	}
	return best
}

// newCluster adds a cluster made from c.
func (x *clusterIndex) newCluster(c cluster) *cluster {
	c.order = len(x.all)
	x.all = append(x.all, c)
	k := &x.all[len(x.all)-1]
	switch {
	case k.person:
		x.push(headFirst, k.first, k)
	case k.entry == nil:
		for _, f := range k.forms {
			x.push(headForm, f, k)
		}
	}
	return k
}

func (x *clusterIndex) addSurname(k *cluster, last string) {
	if !slices.Contains(k.surnames, last) {
		if k.surnames == nil {
			k.surnames = x.keep(last)
		} else {
			k.surnames = append(k.surnames, last)
		}
		x.push(headSurname, last, k)
	}
}

func (x *clusterIndex) setFirst(k *cluster, first string) {
	if k.first == "" && first != "" {
		k.first = first
		x.push(headFirst, first, k)
	}
}

func (x *clusterIndex) addForm(k *cluster, f string) {
	if !slices.Contains(k.forms, f) {
		k.forms = append(k.forms, f)
		x.push(headForm, f, k)
	}
}

// add adds candidate ci as a mention of k.
func (x *clusterIndex) add(k *cluster, ci int, c *candidate) {
	x.added = append(x.added, [2]int32{int32(k.order), int32(ci)})
	k.n++
	if !c.weak {
		k.strong = true
	}
}

// gather fills the mentions of the strong clusters, in the order they were
// added, in one block, and returns how many there are.
func (x *clusterIndex) gather(cands []candidate) int {
	total := 0
	for i := range x.all {
		if x.all[i].strong {
			total += x.all[i].n
		}
	}
	if cap(x.mentions) < total {
		x.mentions = make([]candidate, 0, total)
	}
	block := x.mentions[:0]
	for i := range x.all {
		if k := &x.all[i]; k.strong {
			k.mentions = block[len(block) : len(block) : len(block)+k.n]
			block = block[:len(block)+k.n]
		}
	}
	for _, a := range x.added {
		if k := &x.all[a[0]]; k.strong {
			k.mentions = append(k.mentions, cands[a[1]])
		}
	}
	x.gathered = total
	return total
}

// cluster groups the candidates of one article into entities.
func (r *finder) cluster(src string, cands []candidate) []Entity {
	idx := &r.idx
	idx.init(len(cands))
	byEntry := idx.byEntry
	// Full personal names first, so that surnames alone can find them.
	for ci := range cands {
		c := &cands[ci]
		if c.entry != nil || c.typ != Person || len(c.words) < 2 {
			continue
		}
		first, last := r.personParts(c)
		// samePerson needs the surname, or the first name for a typo.
		same := func(k *cluster) bool { return r.samePerson(k, first, last) }
		into := idx.earliestIn(idx.earliestIn(nil, idx.lists(last).surname, same), idx.lists(first).first, same)
		if into == nil {
			into = idx.newCluster(cluster{person: true, typ: Person, typed: true, first: first})
		}
		idx.setFirst(into, first)
		idx.addSurname(into, last)
		idx.add(into, ci, c)
	}
	forms := r.formBuf[:0]
	for ci := range cands {
		c := &cands[ci]
		switch {
		case c.entry != nil:
			k := byEntry[c.entry]
			if k == nil {
				k = idx.newCluster(cluster{entry: c.entry, typ: c.entry.Type, typed: true})
				byEntry[c.entry] = k
			}
			idx.add(k, ci, c)
		case c.typ == Person && len(c.words) >= 2:
			// placed above
		case c.words[0].handle:
			if k := r.handleOwner(idx.all, c); k != nil {
				idx.add(k, ci, c)
			}
		default:
			forms = r.forms(forms[:0], c)
			k := idx.find(forms)
			if k == nil {
				k = idx.newCluster(cluster{typ: c.typ, typed: c.typed, forms: idx.keep(forms...)})
			} else if !k.person {
				for _, f := range forms {
					idx.addForm(k, f)
				}
				if c.typed && !k.typed {
					k.typ, k.typed = c.typ, true
				}
			}
			idx.add(k, ci, c)
		}
	}
	r.formBuf = forms
	total := idx.gather(cands)
	n := 0
	for i := range idx.all {
		if idx.all[i].strong {
			n++
		}
	}
	out := make([]Entity, 0, n)
	// The entities' mentions share one block, each with no spare capacity.
	ms := make([]Mention, total)
	for i := range idx.all {
		if k := &idx.all[i]; k.strong {
			n := len(k.mentions)
			out = append(out, r.entity(src, k, ms[:n:n]))
			ms = ms[n:]
		}
	}
	slices.SortStableFunc(out, func(a, b Entity) int { return cmp.Compare(a.Mentions[0].Start, b.Mentions[0].Start) })
	return out
}

// personParts returns the folded first name (its canonical variant) and
// the transliterated surname of a multi-word personal name.
func (r *finder) personParts(c *candidate) (first, last string) {
	ws := c.words
	first = r.foldS(&ws[0])
	if v := r.canonical(&ws[0]); v != "" {
		first = r.strs.fold(v)
	}
	last = r.translit(r.foldS(&ws[len(ws)-1]))
	return first, last
}

// foldS returns fold(w.s): w.f when it is that (foldOfS).
func (r *finder) foldS(w *word) string {
	if foldOfS(w) {
		return w.f
	}
	return r.strs.fold(w.s)
}

// canonical is r.gaz.Canonical(w.s): every variant is a given name, so a
// word that is none (isGiven, often known already) needs no look-up.
func (r *finder) canonical(w *word) string {
	if !r.isGiven(w) {
		return ""
	}
	return r.gaz.Canonical(w.s)
}

// translit is translit with the string built in the arena.
func (r *finder) translit(w string) string {
	if !mayTranslit(w) {
		return w
	}
	for _, s := range translitSuffixes {
		if len(w) > len(s[0])+2 && strings.HasSuffix(w, s[0]) {
			var buf [64]byte
			return r.strs.str(append(append(buf[:0], w[:len(w)-len(s[0])]...), s[1]...))
		}
	}
	return w
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
// They are appended to dst.
func (r *finder) forms(dst []string, c *candidate) []string {
	var buf [128]byte
	b := buf[:0]
	for i := range c.words {
		if i > 0 {
			b = append(b, ' ')
		}
		if w := &c.words[i]; foldOfS(w) {
			b = append(b, w.f...)
		} else {
			b = appendFold(b, w.s)
		}
	}
	f := r.strs.str(b)
	dst = append(dst, r.translit(f))
	for _, s := range r.suffixesOf(f) {
		if len(f) > len(s)+2 && strings.HasSuffix(f, s) {
			dst = append(dst, r.translit(f[:len(f)-len(s)]))
		}
	}
	return dst
}

// find returns the cluster a single name joins: the person whose surname
// or (when only one person has it) first name it is, or else the first
// other name with a form in common.
func (x *clusterIndex) find(forms []string) *cluster {
	// The lists of every form, looked up once.
	var buf [8]listHeads
	heads := buf[:0]
	for _, f := range forms {
		heads = append(heads, x.lists(f))
	}
	var k *cluster
	for _, h := range heads {
		k = x.earliestIn(k, h.surname, nil)
	}
	if k != nil {
		return k
	}
	if k := x.onlyFirst(forms, heads); k != nil {
		return k
	}
	for _, h := range heads {
		k = x.earliestIn(k, h.form, nil)
	}
	return k
}

// onlyFirst returns the one person whose first name is among forms, or nil
// when none or several are; heads are the forms' lists.
func (x *clusterIndex) onlyFirst(forms []string, heads []listHeads) *cluster {
	var only *cluster
	for i, f := range forms {
		if f == "" {
			continue
		}
		for n := heads[i].first; n != 0; n = x.nodes[n-1].next {
			k := x.nodes[n-1].k
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
func (r *Recognizer) handleOwner(cs []cluster, c *candidate) *cluster {
	h := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, fold(c.words[0].s))
	if len(h) < 4 {
		return nil
	}
	for i := range cs {
		k := &cs[i]
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
// The mentions go into ms, as long as k.mentions.
func (r *finder) entity(src string, k *cluster, ms []Mention) Entity {
	e := Entity{Type: k.typ, Mentions: ms}
	slices.SortStableFunc(k.mentions, func(a, b candidate) int { return cmp.Compare(a.Start, b.Start) })
	for i, m := range k.mentions {
		e.Mentions[i] = Mention{Span: m.Span, Sentence: m.sentence}
	}
	switch {
	case k.entry != nil:
		e.Key, e.Name = k.entry.Key, k.entry.Name
	case k.person:
		e.Name = r.personName(k)
		// "per:" + strings.ReplaceAll(strings.ToLower(e.Name), " ", "-"),
		// in one allocation.
		var buf [64]byte
		e.Key = string(dashes(appendLower(append(buf[:0], "per:"...), e.Name), 4))
	default:
		e.Name = r.commonForm(src, k)
		if e.Type == Person {
			// A person named by one word: written like full names, so that
			// "Pútín" and "Putin" are one name.
			e.Name = titleCase(translit(fold(e.Name)))
		}
		// strings.ToLower(e.Type.String()[:3]) + ":" +
		// strings.ReplaceAll(fold(e.Name), " ", "-"), in one allocation.
		var buf [64]byte
		b := append(appendLower(buf[:0], e.Type.String()[:3]), ':')
		e.Key = string(dashes(appendFold(b, e.Name), len(b)))
	}
	return e
}

// dashes replaces the spaces of b[from:] with hyphens.
func dashes(b []byte, from int) []byte {
	for i := from; i < len(b); i++ {
		if b[i] == ' ' {
			b[i] = '-'
		}
	}
	return b
}

// personName is the fullest form of a person's name in ASCII, given names
// in their canonical spelling and surname endings unified: one person, one
// name in every language.
func (r *finder) personName(k *cluster) string {
	// The fullest form; among those, the one whose surname the article
	// uses most (so a typo in one full form loses to the right spelling).
	best := k.mentions[0] // a name mentioned once needs no counting
	if len(k.mentions) > 1 {
		lastWord := func(c candidate) string { return r.foldS(&c.words[len(c.words)-1]) }
		uses := map[string]int{}
		for _, m := range k.mentions {
			uses[lastWord(m)]++
		}
		best = candidate{}
		for _, m := range k.mentions {
			if len(m.words) > len(best.words) || len(m.words) == len(best.words) && uses[lastWord(m)] > uses[lastWord(best)] {
				best = m
			}
		}
	}
	// The parts are written one after the other into name.
	var nameBuf [128]byte
	name := nameBuf[:0]
	surname := r.foldS(&best.words[len(best.words)-1])
	inflected := r.surnameBase(surname) != surname
	for i := range best.words {
		w := &best.words[i]
		last := i == len(best.words)-1
		if i > 0 {
			name = append(name, ' ')
		}
		if v := r.canonical(w); !last && v != "" {
			name = appendCaseLike(name, r.strs.fold(v), v)
			continue
		}
		folded := r.foldS(w)
		part := folded
		if !last && (inflected || !r.isGiven(w)) {
			// A given name in another case: "Hermanns" → "Hermann".
			var buf [8]string
			stems := r.appendStems(buf[:0], part)
			for _, st := range stems {
				if r.gaz.IsGivenName(st) {
					part = st
					break
				}
			}
			// In the case the surname shows, the least stripped stem.
			if inflected && part == folded && len(stems) > 0 {
				part = stems[len(stems)-1]
			}
		}
		if last {
			part = r.translit(r.surnameBase(part))
		}
		name = appendCaseLike(name, part, w.s)
	}
	return string(name)
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

// appendNameText appends the words of c joined by spaces.
func appendNameText(dst []byte, c candidate) []byte {
	for i, w := range c.words {
		if i > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, w.s...)
	}
	return dst
}

// commonForm is the most frequent written form of a name (fewest case
// endings: the shortest of equally frequent forms), ties broken by text.
func (r *finder) commonForm(src string, k *cluster) string {
	if len(k.mentions) == 1 {
		var buf [128]byte
		return string(appendNameText(buf[:0], k.mentions[0]))
	}
	counts := map[string]int{}
	for _, m := range k.mentions {
		// The forms are built in the arena; the one chosen is copied out.
		var buf [128]byte
		counts[r.strs.str(appendNameText(buf[:0], m))]++
	}
	best := ""
	for f, n := range counts {
		if best == "" || n > counts[best] || n == counts[best] && (len(f) < len(best) || len(f) == len(best) && f < best) {
			best = f
		}
	}
	return strings.Clone(best)
}
