package quotes

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

// Finder finds attributed statements in the text of one language. Build it
// once per language; it is immutable and safe for concurrent use.
type Finder struct {
	pack   *lang.Pack
	marks  *marks
	verbs  *lexicon
	before *lexicon // "according to X"
	after  *lexicon // "X zufolge"
	// words holds, for each word of the sets below or first word of a
	// cue, its classes and cues: one look-up per token answers them all.
	words *wordTable
	// docs keeps the buffers of documents read, for the next ones.
	docs     sync.Pool
	comps    map[string]bool
	elided   []string        // complementizers that elide: "qu'"
	pronouns map[string]bool // subject pronouns
	objects  map[string]bool // object pronouns: sources after "according to" only
	things   map[string]bool // pronouns of organisations and things
	roles    map[string]bool
	dets     map[string]bool // articles
	abbrev   map[string]bool // lower-cased abbreviations with their dot
	mood     map[string]bool // verb forms of reported speech ("sei")
	titles   map[string]bool // honorifics, lower case without the dot
	relative map[string]bool // complementizers that are relative pronouns too
	relSubj  map[string]bool // relative pronouns as subjects: "who", "qui"
	subord   map[string]bool // "when", "weil": a clause of its own follows
	terms    map[string]bool // "so-called": the quotation after is a term
	preps    map[string]bool // prepositions and connectors before a name
	orgNouns map[string]bool // "company", "Regierung": an organisation named before
	clitics  []string        // genitive clitics ("'s"), from the case suffixes
	agents   map[string]bool // prepositions that name an author ("von")
	objPreps map[string]bool // prepositions whose name is an object, not a subject
}

// New returns a finder for the language of p (nil: marks and structure
// alone).
func New(p *lang.Pack) *Finder {
	if p == nil {
		p = &lang.Pack{}
	}
	trimDot := func(w string) string { return strings.TrimSuffix(w, ".") }
	trimElision := func(w string) string { return strings.TrimRight(w, "'’") }
	f := &Finder{
		pack:     p,
		marks:    newMarks(p),
		verbs:    newLexicon(p.ReportingVerbs),
		before:   newLexicon(p.AccordingTo),
		after:    newLexicon(p.AccordingToAfter),
		comps:    map[string]bool{},
		pronouns: lowerSet(nil, p.Pronouns),
		objects:  lowerSet(nil, p.ObjectPronouns),
		things:   lowerSet(nil, p.ThingPronouns),
		roles:    map[string]bool{},
		dets:     lowerSet(nil, p.Determiners),
		abbrev:   lowerSet(nil, p.Abbreviations),
		mood:     lowerSet(nil, p.ReportedMood),
		titles:   lowerSet(trimDot, p.Titles),
		relative: lowerSet(trimElision, p.Relatives),
		relSubj:  lowerSet(nil, p.RelativeSubjects),
		subord:   lowerSet(trimElision, p.Subordinators),
		terms:    lowerSet(nil, p.TermMarkers),
		preps:    lowerSet(nil, p.Connectors, p.PlacePrepositions),
		objPreps: lowerSet(nil, p.Prepositions),
		orgNouns: lowerSet(nil, p.OrgWords),
		agents:   lowerSet(nil, p.AgentPrepositions),
	}
	for _, c := range p.Complementizers {
		c = strings.ToLower(c)
		if strings.HasSuffix(c, "'") || strings.HasSuffix(c, "’") {
			f.elided = append(f.elided, trimElision(c))
			continue
		}
		f.comps[c] = true
	}
	for _, c := range p.CaseSuffixes {
		if c = strings.ReplaceAll(strings.ToLower(c), "’", "'"); len(c) > 1 && c[0] == '\'' {
			f.clitics = append(f.clitics, c)
		}
	}
	for _, w := range p.Roles {
		if !strings.Contains(w, " ") {
			f.roles[strings.ToLower(w)] = true
		}
	}
	words := map[string]wordInfo{}
	for _, c := range f.classSets() {
		for w, in := range c.set {
			if in {
				wi := words[w]
				wi.cls |= c.cls
				words[w] = wi
			}
		}
	}
	for w, cl := range cueFirst(f.before, f.after, f.verbs) {
		wi := words[w]
		wi.cues = cl
		words[w] = wi
	}
	f.words = newWordTable(words)
	return f
}

// classSet is one of the finder's word sets and its bit in wordClass.
type classSet struct {
	set map[string]bool
	cls wordClass
}

// classSets lists the word sets the word table answers for.
func (f *Finder) classSets() []classSet {
	return []classSet{
		{f.pronouns, cPronoun}, {f.objects, cObject}, {f.things, cThing}, {f.roles, cRole}, {f.dets, cDet},
		{f.comps, cComp}, {f.mood, cMood}, {f.titles, cTitle}, {f.relative, cRelative}, {f.relSubj, cRelSubj},
		{f.subord, cSubord}, {f.terms, cTerm}, {f.preps, cPrep}, {f.objPreps, cObjPrep}, {f.orgNouns, cOrgNoun},
		{f.agents, cAgent}, {f.abbrev, cAbbrev},
	}
}

// wordClass is a set of the finder's word sets, one bit each.
type wordClass uint32

const (
	cPronoun wordClass = 1 << iota
	cObject
	cThing
	cRole
	cDet
	cComp
	cMood
	cTitle
	cRelative
	cRelSubj
	cSubord
	cTerm
	cPrep
	cObjPrep
	cOrgNoun
	cAgent
	cAbbrev
)

// wordInfo is what the finder knows of a lower-cased word.
type wordInfo struct {
	cls  wordClass
	cues *cueLists // the cue phrases it starts
}

// lowerSet holds the lower-cased words of the lists, each passed through
// norm when it is not nil.
func lowerSet(norm func(string) string, lists ...[]string) map[string]bool {
	set := map[string]bool{}
	for _, list := range lists {
		for _, w := range list {
			w = strings.ToLower(w)
			if norm != nil {
				w = norm(w)
			}
			set[w] = true
		}
	}
	return set
}

// sentence is one body sentence read for statements.
type sentence struct {
	text.Span
	index int
	para  int
	toks  []text.Token
	low   []string   // lower-cased token text
	info  []wordInfo // what the finder knows of each lower-cased token
}

// is reports whether token k belongs to one of the word classes c.
func (s sentence) is(k int, c wordClass) bool { return s.info[k].cls&c != 0 }

// doc holds what Find knows of one article while it reads it.
type doc struct {
	f         *Finder
	src       string
	sents     []sentence
	quotes    []quote
	mentionAt map[int]mention // by start offset
	mentionTo map[int]mention // by end offset
	mentions  []mention       // by start offset, for lookups inside names
	starts    []mention       // mentionAt's mentions, by start offset
	roleOf    map[string]*entities.Entity
	orgOf     map[string]*entities.Entity // "empresa" → the company "la empresa X" named
	// sourceRoles are unnamed sources named by a role ("eines
	// Kreml-Sprechers"), for a later "der Sprecher".
	sourceRoles map[string]Speaker
	// docRoles are nouns an apposition used as a role in this article.
	docRoles map[string]bool
	out      []Statement
	idx      index
	// cueList holds the cues of every sentence, those of sentence i at
	// [cueEnds[i], cueEnds[i+1]).
	cueList []cue
	cueEnds []int
	// qs and used are the buffers of sentenceStatements.
	qs   []quote
	used []bool
	// toks, low, info, ends and paras are read's buffers.
	toks  []text.Token
	low   []string
	info  []wordInfo
	ends  []int
	paras []text.Span
	// last is the speaker of the latest statement, for pronouns, subjects
	// left out and continued quotes; lastSent its sentence.
	last     Speaker
	lastSent int
	lastPara int
	lastAt   int // where the latest statement ends
	// lastQuoted: the latest statement was a quotation with its cue.
	lastQuoted bool
}

// inMention reports whether sp lies inside an entity mention.
func (d *doc) inMention(sp text.Span) bool {
	i := sort.Search(len(d.mentions), func(i int) bool { return d.mentions[i].Start > sp.Start })
	return i > 0 && d.mentions[i-1].Start <= sp.Start && sp.End <= d.mentions[i-1].End
}

// mention is an entity mention with its entity.
type mention struct {
	text.Span
	ent *entities.Entity
}

// Find returns the statements of an article in text order. sentences are
// the body's sentences (spans into src, in order); ents are the entities
// found in them, their mentions' Sentence indices pointing into
// sentences.
func (f *Finder) Find(src string, sentences []text.Span, ents []entities.Entity) []Statement {
	out, _ := f.FindContext(context.Background(), src, sentences, ents)
	return out
}

// checkEvery is how many sentences the finders read between looks at
// their context: often enough to stop within milliseconds, rarely enough
// to cost nothing.
const checkEvery = 64

// FindContext is Find that stops, with the context's error and no
// statements, when ctx is done: a long document need not be read to its
// end after a deadline.
func (f *Finder) FindContext(ctx context.Context, src string, sentences []text.Span, ents []entities.Entity) ([]Statement, error) {
	return f.FindTokens(ctx, src, sentences, nil, ents)
}

// FindTokens is FindContext given each sentence's tokens, the ones
// text.AppendTokens gives (as article.Page.Tokens holds them), so that the
// sentences are not tokenized again; tokens may be nil.
func (f *Finder) FindTokens(ctx context.Context, src string, sentences []text.Span, tokens [][]text.Token, ents []entities.Entity) ([]Statement, error) {
	if tokens != nil && len(tokens) != len(sentences) {
		return nil, fmt.Errorf("quotes: tokens for %d sentences, not %d", len(tokens), len(sentences))
	}
	if len(sentences) == 0 {
		return nil, ctx.Err()
	}
	d := f.newDoc(src)
	for i := range ents {
		for _, m := range ents[i].Mentions {
			mm := mention{Span: m.Span, ent: &ents[i]}
			d.mentionAt[m.Start] = mm
			d.mentionTo[m.End] = mm
			d.mentions = append(d.mentions, mm)
		}
	}
	// slices.SortFunc runs the same algorithm as sort.Slice: mentions
	// starting together stay in the order they had.
	slices.SortFunc(d.mentions, func(a, b mention) int { return a.Start - b.Start })
	for _, m := range d.mentionAt {
		d.starts = append(d.starts, m)
	}
	slices.SortFunc(d.starts, func(a, b mention) int { return a.Start - b.Start }) // one a start
	d.read(sentences, tokens)
	d.findCues()
	d.indexParagraphs()
	d.findQuotes()
	d.indexQuotes()
	d.collectRoles()
	for i := range d.sents {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				f.release(d)
				return nil, err
			}
		}
		d.sentenceStatements(i)
	}
	out := d.result()
	f.release(d)
	return out, ctx.Err()
}

// maxKeptTokens bounds the documents whose buffers are kept for the next
// one: a few megabytes.
const maxKeptTokens = 1 << 16

// newDoc returns an empty doc for src, with the buffers of an earlier
// document when the pool has one.
func (f *Finder) newDoc(src string) *doc {
	d, _ := f.docs.Get().(*doc)
	if d == nil {
		d = &doc{f: f, mentionAt: map[int]mention{}, mentionTo: map[int]mention{}, roleOf: map[string]*entities.Entity{},
			orgOf: map[string]*entities.Entity{}, sourceRoles: map[string]Speaker{}, docRoles: map[string]bool{}}
	}
	d.src = src
	d.lastSent = -10
	return d
}

// release empties d, keeping its maps and slices (with nothing left in
// them that points into the document or its entities), and returns it to
// the pool.
func (f *Finder) release(d *doc) {
	if cap(d.toks) > maxKeptTokens {
		return
	}
	clear(d.low)
	clear(d.sents) // they may point into arrays the buffers outgrew
	clear(d.mentions)
	clear(d.starts)
	clear(d.out)
	clear(d.idx.persons)
	clear(d.idx.orgs)
	clear(d.mentionAt)
	clear(d.mentionTo)
	clear(d.roleOf)
	clear(d.orgOf)
	clear(d.sourceRoles)
	clear(d.docRoles)
	x := &d.idx
	*d = doc{f: f, mentionAt: d.mentionAt, mentionTo: d.mentionTo, roleOf: d.roleOf, orgOf: d.orgOf, sourceRoles: d.sourceRoles, docRoles: d.docRoles,
		sents: d.sents[:0], quotes: d.quotes[:0], mentions: d.mentions[:0], starts: d.starts[:0], out: d.out[:0], cueList: d.cueList[:0], cueEnds: d.cueEnds[:0],
		qs: d.qs[:0], used: d.used[:0], toks: d.toks[:0], low: d.low[:0], info: d.info[:0], ends: d.ends[:0], paras: d.paras[:0],
		idx: index{quoteMaxEnd: x.quoteMaxEnd[:0], closes: x.closes[:0], strays: x.strays[:0], strayInner: x.strayInner[:0],
			persons: x.persons[:0], orgs: x.orgs[:0], paraFirst: x.paraFirst[:0], paraLast: x.paraLast[:0], outMaxEnd: x.outMaxEnd[:0]}}
	f.docs.Put(d)
}

// resize returns s with length n, reusing its array when it is large
// enough. The elements are not cleared: callers set every one.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// read tokenizes the sentences, unless their tokens are given, and
// numbers their paragraphs.
func (d *doc) read(spans []text.Span, tokens [][]text.Token) {
	d.paras = text.AppendParagraphs(d.paras[:0], d.src)
	paras := d.paras
	// One token slice for the document, cut into sentences once complete
	// (appending may move it). Sized for the usual five bytes a token.
	size := 0
	for _, s := range spans {
		size += s.Len()
	}
	toks := slices.Grow(d.toks[:0], size/5+16)
	d.ends = resize(d.ends, len(spans))
	ends := d.ends
	for i, s := range spans {
		if tokens != nil {
			toks = append(toks, tokens[i]...)
		} else {
			toks = text.AppendTokens(toks, d.src, s)
		}
		ends[i] = len(toks)
	}
	d.toks = toks
	// Most tokens are their own lower-case form, a substring of src; the
	// others are written one after the other into one buffer.
	var buf strings.Builder
	buf.Grow(size / 4)
	d.low = resize(d.low, len(toks))
	d.info = resize(d.info, len(toks))
	low, info := d.low, d.info
	for k, t := range toks {
		w := t.Text(d.src)
		i, apos := lowerFrom(w)
		if i >= 0 {
			at := buf.Len()
			writeLower(&buf, w, i)
			w = buf.String()[at:]
		}
		// "He's claiming", "she'd said": the pronoun without its clitic.
		if i >= 0 || apos {
			if i := strings.IndexByte(w, '\''); i > 0 && d.f.pronouns[w[:i]] {
				w = w[:i]
			}
		}
		low[k] = w
		info[k] = d.f.words.get(w)
	}
	d.sents = resize(d.sents, len(spans))
	p, from := 0, 0
	for i, s := range spans {
		for p < len(paras)-1 && paras[p].End <= s.Start {
			p++
		}
		// Full slice expressions: a sentence's tokens cannot be appended to
		// over the next one's.
		d.sents[i] = sentence{Span: s, index: i, para: p, toks: toks[from:ends[i]:ends[i]], low: low[from:ends[i]:ends[i]],
			info: info[from:ends[i]:ends[i]]}
		from = ends[i]
	}
}

// lowerFrom returns the offset of the first rune of w that lower-casing
// with ’ read as ' changes, or -1 when w stays as it is; then apos reports
// whether w holds an apostrophe.
func lowerFrom(w string) (from int, apos bool) {
	// Byte by byte while the word is ASCII, as most words are.
	i := 0
	for ; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			break
		}
		if 'A' <= c && c <= 'Z' {
			return i, apos
		}
		apos = apos || c == '\''
	}
	if i == len(w) {
		return -1, apos
	}
	for j, r := range w[i:] {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				return i + j, apos
			}
			apos = apos || r == '\''
			continue
		}
		if r == '’' || unicode.ToLower(r) != r {
			return i + j, apos
		}
		// An invalid byte becomes U+FFFD, as strings.ToLower writes it.
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(w[i+j:]); n == 1 {
				return i + j, apos
			}
		}
	}
	return -1, apos
}

// writeLower writes w lower-cased with ’ read as ' — what
// strings.ReplaceAll(strings.ToLower(w), "’", "'") returns — given that
// w[:from] stays as it is.
func writeLower(b *strings.Builder, w string, from int) {
	b.WriteString(w[:from])
	for _, r := range w[from:] {
		switch {
		case r == '’':
			b.WriteByte('\'')
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
}

// findQuotes pairs the quotation marks of each paragraph's body text.
func (d *doc) findQuotes() {
	skip := -1 // paragraph text before this offset was taken by a quote
	for i := 0; i < len(d.sents); {
		j := i
		for j+1 < len(d.sents) && d.sents[j+1].para == d.sents[i].para {
			j++
		}
		span := text.Span{Start: max(d.sents[i].Start, skip), End: d.sents[j].End}
		n := len(d.quotes)
		d.quotes = d.f.marks.find(d.quotes, d.src, span, d.sents[i].para)
		// A quotation still open at the paragraph's end runs on into the
		// next one when that one does not reopen it (one sentence a line).
		if k := len(d.quotes) - 1; k >= n && d.quotes[k].close.Empty() && !d.quotes[k].strayClose && j+1 < len(d.sents) {
			if end, ok := d.f.marks.closeIn(d.src, d.quotes[k].open, text.Span{Start: d.sents[j+1].Start, End: d.paragraphEndOf(j + 1)}); ok {
				d.quotes[k].close = end
				d.quotes[k].inner = text.Span{Start: d.quotes[k].open.End, End: end.Start}.Trim(d.src)
				skip = end.End
				i = j + 1
				continue
			}
		}
		skip = -1
		i = j + 1
	}
	// The same algorithm as sort.Slice, which this was.
	slices.SortFunc(d.quotes, func(a, b quote) int { return a.inner.Start - b.inner.Start })
}

// paragraphEndOf returns the end of the body text of sentence i's
// paragraph.
func (d *doc) paragraphEndOf(i int) int { return d.sents[d.idx.paraLast[i]].End }

// roleKey identifies a role noun across its inflections: its first five
// letters, folded ("talsmaður", "talsmanns" → "talsm").
func roleKey(w string) string {
	w = strings.ToLower(w)
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		w = w[i+1:] // "kreml-sprecher" → "sprecher"
	}
	n := 0
	for i := range w {
		if n == 5 {
			return w[:i]
		}
		n++
	}
	return w
}

// collectRoles records the roles appositions and titles give people:
// "Dimitrí Peskov, talsmaður Pútíns", "Kremlin spokesman Dmitry Peskov",
// "il portavoce Dmitry Peskov".
func (d *doc) collectRoles() {
	for _, s := range d.sents {
		// mentionAt[t.Start] for each token: tokens and d.starts ascend
		// together.
		j, _ := slices.BinarySearchFunc(d.starts, s.Start, func(m mention, off int) int { return m.Start - off })
		for k, t := range s.toks {
			for j < len(d.starts) && d.starts[j].Start < t.Start {
				j++
			}
			m, ok := mention{}, j < len(d.starts) && d.starts[j].Start == t.Start
			if ok {
				m = d.starts[j]
			}
			// "la empresa Helios Ibérica", "the union FNV": the noun
			// names that organisation later ("según la empresa").
			if ok && m.ent.Type != entities.Loc && k > 1 && s.is(k-1, cOrgNoun) && s.is(k-2, cDet) {
				if _, taken := d.orgOf[s.low[k-1]]; !taken {
					d.orgOf[s.low[k-1]] = m.ent
				}
			}
			if !ok || m.ent.Type != entities.Person {
				continue
			}
			// A role right before a full name ("spokesman Dmitry Peskov"); a
			// lone surname there is rather the role's complement
			// ("talsmaður Pútíns").
			if strings.Contains(m.Span.Text(d.src), " ") {
				for j := k - 1; j >= 0 && j >= k-2; j-- {
					if d.isRole(s, j) {
						if _, taken := d.roleOf[roleKey(s.low[j])]; !taken {
							d.roleOf[roleKey(s.low[j])] = m.ent
						}
						break
					}
				}
			}
			// An apposition after it: "Name, role …".
			e := k
			for e < len(s.toks) && s.toks[e].End <= m.End {
				e++
			}
			if e < len(s.toks) && s.low[e] == "," {
				found := false
				for j := e + 1; j < len(s.toks) && j <= e+3; j++ {
					if d.isRole(s, j) {
						d.roleOf[roleKey(s.low[j])] = m.ent // an apposition wins
						found = true
						break
					}
				}
				// "Anna Ferrari, ginecologa, ha lavorato": a lone noun in
				// commas after a person's name is that person's role here,
				// even one the pack does not list.
				if !found && e+2 < len(s.toks) && s.low[e+2] == "," && s.toks[e+1].Lower && !d.f.pack.IsStopword(s.low[e+1]) {
					d.docRoles[s.low[e+1]] = true
					d.roleOf[roleKey(s.low[e+1])] = m.ent
				}
			}
		}
	}
}

// isRole reports a role noun at token j ("spokesman", "Kreml-Sprechers").
func (d *doc) isRole(s sentence, j int) bool {
	w := s.low[j]
	if s.is(j, cRole) || d.docRoles[w] {
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 && d.f.roles[w[i+1:]] {
		return true
	}
	// German compounds end in the role: "Regierungssprecher".
	if d.f.pack.CapitalizedNouns && s.toks[j].Upper {
		for i := 3; i+5 <= len(w); i++ {
			if d.f.roles[w[i:]] {
				return true
			}
		}
	}
	return false
}

// result orders the statements and drops those whose content another,
// earlier found, already covers.
func (d *doc) result() []Statement {
	d.reopened()
	slices.SortStableFunc(d.out, func(a, b Statement) int { return a.Content.Start - b.Content.Start })
	if len(d.out) == 0 {
		return nil // as before d.out was kept from one document to the next
	}
	out := make([]Statement, 0, len(d.out))
	for _, st := range d.out {
		if n := len(out); n > 0 && out[n-1].Content.Overlaps(st.Content) {
			if betterThan(st, out[n-1]) {
				out[n-1] = st
			}
			continue
		}
		out = append(out, st)
	}
	return out
}

// reopened gives a quotation left open at a paragraph's end the speaker of
// the quotation that reopens the next paragraph (news style for a quote
// over several paragraphs: each reopened, only the last closed).
func (d *doc) reopened() {
	// The statements of each paragraph, by the sentence of their cue;
	// built for the first quotation left open (most articles have none).
	var byPara map[int][]int
	for _, q := range d.quotes {
		if !q.close.Empty() || q.strayClose || q.open.Empty() || d.overlapsOut(q.inner) {
			continue
		}
		content := trimPunct(d.src, q.inner)
		if content.Empty() {
			continue // only punctuation left open ("« :"): nothing was said
		}
		if byPara == nil {
			byPara = map[int][]int{}
			for i, st := range d.out {
				p := d.sents[st.Sentence].para
				byPara[p] = append(byPara[p], i)
			}
		}
		for _, i := range byPara[q.para+1] {
			st := d.out[i]
			sp := d.sents[st.Sentence]
			if st.Form == Quoted && st.Speaker.Name != "" && st.Content.Start > q.inner.End && st.Content.Start >= sp.Start &&
				strings.TrimSpace(d.src[sp.Start:st.Content.Start]) != "" && len(strings.TrimSpace(d.src[d.paraStart(sp):st.Content.Start])) <= 4 {
				spk := st.Speaker
				spk.Resolution = Continuation
				add := Statement{Kind: Direct, Form: Quoted, Content: content, Speaker: spk,
					Sentence: d.sentenceOf(q.inner.Start), Confidence: 0.6}
				d.appendOut(add)
				p := d.sents[add.Sentence].para
				byPara[p] = append(byPara[p], len(d.out)-1)
				break
			}
		}
	}
}

// paraStart returns where the body text of s's paragraph begins.
func (d *doc) paraStart(s sentence) int { return d.sents[d.idx.paraFirst[s.index]].Start }

// betterThan prefers a resolved speaker, then the longer content.
func betterThan(a, b Statement) bool {
	if (a.Speaker.Name != "") != (b.Speaker.Name != "") {
		return a.Speaker.Name != ""
	}
	return a.Content.Len() > b.Content.Len()
}

// emit records a statement and makes its speaker the latest one.
func (d *doc) emit(st Statement) {
	if st.Content.Start < 0 || st.Content.End > len(d.src) || st.Content.Start >= st.Content.End {
		return
	}
	st.Content = st.Content.Trim(d.src)
	st.Content = trimPunct(d.src, st.Content)
	if st.Content.Empty() {
		return
	}
	if st.Confidence == 0 {
		st.Confidence = confidence(st)
	}
	d.appendOut(st)
	if st.Speaker.Name != "" {
		d.last = st.Speaker
		d.lastSent = st.Sentence
		d.lastPara = d.sents[st.Sentence].para
		d.lastAt = max(st.Speaker.Mention.End, st.Cue.End, st.Content.End)
		d.lastQuoted = st.Form == Quoted && !st.Cue.Empty()
	}
}

// trimPunct drops sentence punctuation and stray marks at the content's
// ends, which belong to the sentence rather than to what was said.
func trimPunct(src string, s text.Span) text.Span {
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(src[s.Start:s.End])
		if r == '.' || r == ',' || r == ';' || r == ':' || unicode.IsSpace(r) {
			s.End -= n
			continue
		}
		break
	}
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(src[s.Start:s.End])
		if r == ',' || r == ':' || unicode.IsSpace(r) {
			s.Start += n
			continue
		}
		break
	}
	return s
}

// resolutionConfidence is how sure each way of finding a speaker is.
var resolutionConfidence = [...]float64{Named: 0.9, Apposition: 0.9, PostAuthor: 0.85, Relative: 0.8, Role: 0.75,
	Pronoun: 0.7, Continuation: 0.65, Carried: 0.6, Source: 0.6, Unresolved: 0.3}

func confidence(st Statement) float64 {
	c := resolutionConfidence[st.Speaker.Resolution]
	if st.Kind == Indirect && st.Cue.Empty() {
		c -= 0.1
	}
	return c
}
