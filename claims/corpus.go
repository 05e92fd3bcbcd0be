package claims

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/quotes"
	"github.com/hearsay-go/hearsay/text"
)

// Corpus groups the attributed claims of many documents, in any of the
// extractor's languages: statements by the same speaker about the same
// thing, judged from the entities they name, the concepts and cognate
// words they use and their numbers. It also resolves a speaker one
// document leaves unnamed ("eines Kreml-Sprechers") to the person other
// documents name in that role ("Kremlin spokesman Dmitry Peskov").
//
// Add documents in input order (grouping is deterministic for a given
// order). A Corpus is safe for concurrent use; Groups may be called at any
// time and sees the documents added so far.
type Corpus struct {
	langs map[string]*analyzer
	none  *analyzer // documents in no installed language
	mu    sync.Mutex
	// claims in the order added; df counts, per feature, the claims that
	// have it.
	claims []corpusClaim
	df     map[string]int
	// holders maps a role anchored to an entity ("spokesperson@kremlin")
	// to the people documents name in it.
	holders map[string]map[string]string
}

// Group is a set of claims by one speaker about one thing.
type Group struct {
	// ID is stable for the same documents added in the same order.
	ID string `json:"id"`
	// Speaker is the speaker's canonical name; SpeakerKey its entity key,
	// empty for an unnamed source.
	Speaker    string     `json:"speaker"`
	SpeakerKey string     `json:"speaker_entity,omitempty"`
	Claims     []ClaimRef `json:"claims"`
}

// ClaimRef names a claim of a document.
type ClaimRef struct {
	Doc   string `json:"doc"`
	Claim string `json:"claim"`
}

// corpusClaim is what grouping needs of a claim.
type corpusClaim struct {
	ref      ClaimRef
	order    int
	speaker  quotes.Speaker
	role     string // an unnamed source's role, anchored: "spokesperson@kremlin"
	docSrc   string // the unnamed source's identity within its document
	features []string
}

// NewCorpus returns an empty corpus that reads claims with the extractor's
// language packs.
func (x *Extractor) NewCorpus() *Corpus {
	c := &Corpus{langs: map[string]*analyzer{}, none: &analyzer{}, df: map[string]int{}, holders: map[string]map[string]string{}}
	for _, code := range x.reg.Codes() {
		p, _ := x.reg.Get(code)
		c.langs[code] = newAnalyzer(p)
	}
	return c
}

// Add records the attributed claims of r, and the roles its people hold.
// Call r.Link first when documents name people by surname alone.
func (c *Corpus) Add(r *Result) {
	a := c.langs[r.Lang]
	if a == nil {
		a = c.none
	}
	ms := sortedMentions(r.Entities)
	roles := a.roleHolders(r, ms)
	var add []corpusClaim
	for _, cl := range r.Claims {
		if !cl.Kind.Attributed() || cl.Speaker.Name == "" {
			continue
		}
		cc := corpusClaim{ref: ClaimRef{Doc: r.ID, Claim: cl.ID}, speaker: cl.Speaker, features: a.features(r, ms, cl)}
		if cl.Speaker.Key == "" {
			cc.docSrc = r.ID + "\x00" + strings.ToLower(cl.Speaker.Name)
			if !cl.Speaker.Mention.Empty() {
				cc.role = a.anchoredRole(r, ms, cl.Speaker.Mention)
			}
		}
		add = append(add, cc)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for role, people := range roles {
		if c.holders[role] == nil {
			c.holders[role] = map[string]string{}
		}
		for k, n := range people {
			c.holders[role][k] = n
		}
	}
	for _, cc := range add {
		cc.order = len(c.claims)
		for _, f := range cc.features {
			c.df[f]++
		}
		c.claims = append(c.claims, cc)
	}
}

// similarity above which a claim joins a group.
const groupThreshold = 0.35

// Groups returns the groups of the claims added so far, in order of their
// first claim. Every claim with a speaker is in exactly one group.
func (c *Corpus) Groups() []Group {
	c.mu.Lock()
	defer c.mu.Unlock()
	// An unnamed source takes the one person named in its role elsewhere;
	// the other claims of that source in its document follow.
	bySrc := map[string]quotes.Speaker{}
	for _, cc := range c.claims {
		if cc.role == "" {
			continue
		}
		if key, name, ok := c.holder(cc.role); ok {
			bySrc[cc.docSrc] = quotes.Speaker{Name: name, Key: key, Type: entities.Person, Resolution: quotes.Role}
		}
	}
	type cluster struct {
		speaker quotes.Speaker
		members []int
	}
	var clusters []*cluster
	bySpeaker := map[string][]*cluster{}
	speakerID := func(s quotes.Speaker, cc corpusClaim) string {
		if s.Key != "" {
			return s.Key
		}
		return "src:" + cc.docSrc
	}
	weights := make([]map[string]float64, len(c.claims))
	for i, cc := range c.claims {
		weights[i] = c.weigh(cc.features)
	}
	// best returns the speaker's cluster most like claim i.
	best := func(id string, i int) (*cluster, float64) {
		var top *cluster
		score := 0.0
		for _, g := range bySpeaker[id] {
			sum := 0.0
			for _, m := range g.members {
				sum += similarity(weights[i], weights[m])
			}
			if s := sum / float64(len(g.members)); s > score {
				top, score = g, s
			}
		}
		return top, score
	}
	for i, cc := range c.claims {
		spk := cc.speaker
		if s, ok := bySrc[cc.docSrc]; ok && cc.docSrc != "" {
			spk = s
		}
		id := speakerID(spk, cc)
		g, score := best(id, i)
		// An organisation speaks through its spokesperson: a claim of the
		// organisation like one its only spokesperson made is the
		// spokesperson's.
		if spk.Type == entities.Org && spk.Key != "" {
			if key, name, ok := c.holder(spokesperson + "@" + spk.Key); ok {
				if pg, ps := best(key, i); pg != nil && ps >= groupThreshold && ps > score {
					g, score, id = pg, ps, key
					spk = quotes.Speaker{Name: name, Key: key, Type: entities.Person, Resolution: quotes.Role}
				}
			}
		}
		if g == nil || score < groupThreshold {
			g = &cluster{speaker: spk}
			clusters = append(clusters, g)
			bySpeaker[id] = append(bySpeaker[id], g)
		}
		g.members = append(g.members, i)
	}
	out := make([]Group, len(clusters))
	for k, g := range clusters {
		grp := Group{Speaker: g.speaker.Name, SpeakerKey: g.speaker.Key, Claims: make([]ClaimRef, len(g.members))}
		h := sha256.New()
		h.Write([]byte(grp.SpeakerKey + "\x00" + grp.Speaker))
		for j, m := range g.members {
			grp.Claims[j] = c.claims[m].ref
			h.Write([]byte("\x00" + c.claims[m].ref.Doc + "\x00" + c.claims[m].ref.Claim))
		}
		grp.ID = "g" + hex.EncodeToString(h.Sum(nil)[:8])
		out[k] = grp
	}
	return out
}

// spokesperson is the concept of the role through which organisations
// speak; role words map to it through the packs' concepts.
const spokesperson = "spokesperson"

// holder returns the one person the corpus names in an anchored role.
func (c *Corpus) holder(role string) (key, name string, ok bool) {
	people := c.holders[role]
	if len(people) != 1 {
		return "", "", false
	}
	for k, n := range people {
		key, name = k, n
	}
	return key, name, true
}

// weigh gives each feature its inverse document frequency: a word every
// claim uses says little about what one claim is about.
func (c *Corpus) weigh(features []string) map[string]float64 {
	n := float64(len(c.claims))
	w := make(map[string]float64, len(features))
	for _, f := range features {
		w[f] = math.Log(1 + n/float64(c.df[f]))
	}
	return w
}

// similarity is the mean of the Dice coefficient and the overlap
// coefficient of two weighted feature sets: a headline ("Proposta molto
// interessante") is like the long statement that holds it, but less than
// two statements of the same length.
func similarity(a, b map[string]float64) float64 {
	var shared, sa, sb float64
	for f, w := range a {
		sa += w
		if _, ok := b[f]; ok {
			shared += w
		}
	}
	for _, w := range b {
		sb += w
	}
	if sa == 0 || sb == 0 {
		return 0
	}
	dice := 2 * shared / (sa + sb)
	overlap := shared / math.Min(sa, sb)
	return (dice + overlap) / 2
}

// analyzer reads claims in one language.
type analyzer struct {
	pack  *lang.Pack      // nil: no language knowledge
	roles map[string]bool // role nouns, lower case
	heads []string        // role nouns that head compounds ("sprecher")
}

func newAnalyzer(p *lang.Pack) *analyzer {
	a := &analyzer{pack: p, roles: map[string]bool{}}
	for _, rw := range p.Roles {
		l := strings.ToLower(rw)
		a.roles[l] = true
		if len(l) >= 6 && !strings.ContainsAny(l, " -") {
			a.heads = append(a.heads, l)
		}
	}
	return a
}

// features lists what a claim is about: the entities it names other than
// its speaker, and its content words as concepts or, failing that, as
// cognate stems (the first letters, folded: "interessante",
// "interessant" and "interesting" share "intere").
func (a *analyzer) features(r *Result, ms mentionList, c Claim) []string {
	var fs []string
	seen := map[string]bool{}
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			fs = append(fs, f)
		}
	}
	for _, k := range c.Entities {
		if k != c.Speaker.Key {
			add("e:" + k)
		}
	}
	// A name another article did not recognise ("Clubhouse" in German
	// text) still meets the entity by its cognate stem.
	for _, e := range r.Entities {
		if e.Type == entities.Person || !slices.Contains(c.Entities, e.Key) || e.Key == c.Speaker.Key {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(e.Name)) {
			if utf8.RuneCountInString(w) >= 5 {
				add("w:" + stem(w))
			}
		}
	}
	src := r.read()
	var toks []text.Token
	toks = text.AppendTokens(toks, src, c.Span)
	for _, t := range toks {
		if !t.Word || !t.Letter || t.Upper && ms.covers(t.Span) {
			continue // names count as entities
		}
		w := strings.ToLower(t.Text(src))
		if a.pack != nil && a.pack.IsStopword(w) {
			continue
		}
		if concept := a.concept(w); concept != "" {
			add("c:" + concept)
			continue
		}
		if utf8.RuneCountInString(w) < 5 {
			continue
		}
		add("w:" + stem(w))
	}
	return fs
}

// concept returns the concept a word stands for in the pack's concept
// lexicon, or "".
func (a *analyzer) concept(w string) string {
	if a.pack == nil {
		return ""
	}
	return a.pack.Concept(w)
}

// stemLen is how many letters of a folded word make its cognate stem.
const stemLen = 6

var foldMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// stem folds a lower-case word to its first letters without accents.
func stem(w string) string {
	if f, _, err := transform.String(foldMarks, w); err == nil {
		w = f
	}
	n := 0
	for i := range w {
		if n == stemLen {
			return w[:i]
		}
		n++
	}
	return w
}

// roleHolders finds the people r names in a role anchored to an entity:
// "Kremlin spokesman Dmitry Peskov", "il portavoce del Cremlino, Dmitry
// Peskov", "Dimitrí Peskov, talsmaður Pútíns". It returns, per anchored
// role, the people's keys and names.
func (a *analyzer) roleHolders(r *Result, ms mentionList) map[string]map[string]string {
	out := map[string]map[string]string{}
	if a.pack == nil {
		return out
	}
	src := r.read()
	for _, e := range r.Entities {
		if e.Type != entities.Person {
			continue
		}
		for _, m := range e.Mentions {
			if m.Sentence < 0 || m.Sentence >= len(r.Sentences) {
				continue
			}
			s := r.Sentences[m.Sentence].Span
			// The words before the name, and an apposition after it.
			// 80 bytes either side may cut a character: Clip moves the
			// ends onto rune starts.
			before := text.Span{Start: max(s.Start, m.Start-80), End: m.Start}.Clip(src)
			after := text.Span{Start: m.End, End: min(s.End, m.End+80)}.Clip(src)
			if rest := after.Text(src); strings.HasPrefix(rest, ",") {
				if k := strings.IndexAny(rest[1:], ",.;"); k >= 0 {
					after.End = after.Start + 1 + k
				}
			} else {
				after.End = after.Start
			}
			for _, win := range []text.Span{lastClause(src, before), after} {
				if role := a.anchoredRole(r, ms, win); role != "" {
					if out[role] == nil {
						out[role] = map[string]string{}
					}
					out[role][e.Key] = e.Name
				}
			}
		}
	}
	return out
}

// lastClause trims sp to the words after its last comma or full stop; a
// comma right before the name ends an apposition that is the clause ("il
// portavoce del Cremlino, Dmitry Peskov").
func lastClause(src string, sp text.Span) text.Span {
	t := strings.TrimRight(sp.Text(src), " \t\n")
	if strings.HasSuffix(t, ",") {
		t = t[:len(t)-1]
		sp.End = sp.Start + len(t)
	}
	if k := strings.LastIndexAny(t, ",.;:"); k >= 0 {
		sp.Start += k + 1
	}
	return sp
}

// anchoredRole returns "concept@key" for a role word in sp next to an
// entity in sp ("Kreml-Sprechers": spokesperson@kremlin), or "".
func (a *analyzer) anchoredRole(r *Result, ms mentionList, sp text.Span) string {
	src := r.read()
	role := ""
	var toks []text.Token
	toks = text.AppendTokens(toks, src, sp)
	for _, t := range toks {
		if !t.Word {
			continue
		}
		w := strings.ToLower(t.Text(src))
		// "Kreml-Sprechers", "Kremlsprecher": the role is the compound's
		// head.
		for _, part := range []string{w, w[strings.LastIndexByte(w, '-')+1:]} {
			if a.roles[part] {
				role = part
			}
		}
		if role == "" {
			for _, h := range a.heads {
				if strings.HasSuffix(w, h) {
					role = h
				}
			}
		}
	}
	if role == "" {
		return ""
	}
	if c := a.concept(role); c != "" {
		role = c
	}
	anchor := ms.firstIn(sp)
	if anchor == "" {
		return ""
	}
	return role + "@" + anchor
}

// firstIn returns the key of the first entity mentioned inside sp.
func (ms mentionList) firstIn(sp text.Span) string {
	if keys := ms.keysIn(sp); len(keys) > 0 {
		return keys[0]
	}
	return ""
}

// covers reports whether sp lies inside a mention.
func (ms mentionList) covers(sp text.Span) bool {
	i, _ := slices.BinarySearchFunc(ms, sp.Start+1, func(m keyedMention, off int) int { return m.Start - off })
	return i > 0 && ms[i-1].Contains(sp)
}
