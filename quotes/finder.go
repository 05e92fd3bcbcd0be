package quotes

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

// Finder finds attributed statements in the text of one language. Build it
// once per language; it is immutable and safe for concurrent use.
type Finder struct {
	pack     *lang.Pack
	marks    *marks
	verbs    *lexicon
	before   *lexicon  // "according to X"
	after    *lexicon  // "X zufolge"
	cues     *cueIndex // the phrases of the three lexicons above
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
	f.cues = newCueIndex(f.before, f.after, f.verbs)
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
	return f
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
	low   []string // lower-cased token text
}

// doc holds what Find knows of one article while it reads it.
type doc struct {
	f         *Finder
	src       string
	sents     []sentence
	quotes    []quote
	mentionAt map[int]mention // by start offset
	mentionTo map[int]mention // by end offset
	mentions  []mention       // by start offset, for lookups inside names
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
	if len(sentences) == 0 {
		return nil, ctx.Err()
	}
	n := 0
	for i := range ents {
		n += len(ents[i].Mentions)
	}
	d := &doc{f: f, src: src, mentionAt: make(map[int]mention, n), mentionTo: make(map[int]mention, n), mentions: make([]mention, 0, n),
		roleOf: map[string]*entities.Entity{}, orgOf: map[string]*entities.Entity{}, sourceRoles: map[string]Speaker{}, docRoles: map[string]bool{}, lastSent: -10}
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
	d.read(sentences)
	d.findCues()
	d.indexParagraphs()
	d.findQuotes()
	d.indexQuotes()
	d.collectRoles()
	for i := range d.sents {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		d.sentenceStatements(i)
	}
	return d.result(), ctx.Err()
}

// read tokenizes the sentences and numbers their paragraphs.
func (d *doc) read(spans []text.Span) {
	paras := text.Paragraphs(d.src)
	// One token slice for the document, cut into sentences once complete
	// (appending may move it). Sized for the usual five bytes a token.
	size := 0
	for _, s := range spans {
		size += s.Len()
	}
	toks := make([]text.Token, 0, size/5+16)
	ends := make([]int, len(spans))
	for i, s := range spans {
		toks = text.AppendTokens(toks, d.src, s)
		ends[i] = len(toks)
	}
	// Most tokens are their own lower-case form, a substring of src; the
	// others are written one after the other into one buffer.
	var buf strings.Builder
	buf.Grow(size / 4)
	low := make([]string, len(toks))
	for k, t := range toks {
		w := t.Text(d.src)
		if i := lowerFrom(w); i >= 0 {
			at := buf.Len()
			writeLower(&buf, w, i)
			w = buf.String()[at:]
		}
		// "He's claiming", "she'd said": the pronoun without its clitic.
		if i := strings.IndexByte(w, '\''); i > 0 && d.f.pronouns[w[:i]] {
			w = w[:i]
		}
		low[k] = w
	}
	d.sents = make([]sentence, len(spans))
	p, from := 0, 0
	for i, s := range spans {
		for p < len(paras)-1 && paras[p].End <= s.Start {
			p++
		}
		// Full slice expressions: a sentence's tokens cannot be appended to
		// over the next one's.
		d.sents[i] = sentence{Span: s, index: i, para: p, toks: toks[from:ends[i]:ends[i]], low: low[from:ends[i]:ends[i]]}
		from = ends[i]
	}
}

// lowerFrom returns the offset of the first rune of w that lower-casing
// with ’ read as ' changes, or -1 when w stays as it is.
func lowerFrom(w string) int {
	for i, r := range w {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				return i
			}
			continue
		}
		if r == '’' || unicode.ToLower(r) != r {
			return i
		}
		// An invalid byte becomes U+FFFD, as strings.ToLower writes it.
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(w[i:]); n == 1 {
				return i
			}
		}
	}
	return -1
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
		for k, t := range s.toks {
			m, ok := d.mentionAt[t.Start]
			// "la empresa Helios Ibérica", "the union FNV": the noun
			// names that organisation later ("según la empresa").
			if ok && m.ent.Type != entities.Loc && k > 1 && d.f.orgNouns[s.low[k-1]] && d.f.dets[s.low[k-2]] {
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
	if d.f.roles[w] || d.docRoles[w] {
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
		return nil
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
				add := Statement{Kind: Direct, Form: Quoted, Content: trimPunct(d.src, q.inner), Speaker: spk,
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
