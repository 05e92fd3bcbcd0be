package quotes

import (
	"slices"
	"sort"
	"strings"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/text"
)

// maxLeadWords is how far before a complementizer a reporting verb may
// stand: "sagði blaðamönnum í dag að", "told reporters on Monday that".
const maxLeadWords = 8

// minDirectWords: a quotation this long is a statement with an attribution
// next to it; shorter ones are terms or scare quotes unless a reported
// clause or a cue right beside them makes them speech.
const minDirectWords = 4

// cue is a reporting verb or attribution phrase found in a sentence.
type cue struct {
	match
	according bool // "according to X": the source follows
	after     bool // "X zufolge": the source precedes
}

// span returns the cue's text span: the phrase, or its head and tail.
func (c cue) span(s sentence) text.Span {
	end := c.end
	if c.tailEnd > 0 {
		end = c.tailEnd
	}
	return text.Span{Start: s.toks[c.start].Start, End: s.toks[end-1].End}
}

// cues returns the reporting verbs and attribution phrases of a sentence,
// found once for all sentences by findCues.
func (d *doc) cues(s sentence) []cue {
	from, to := d.cueEnds[s.index], d.cueEnds[s.index+1]
	return d.cueList[from:to:to]
}

// findCues finds the cues of every sentence, as cues returns them.
func (d *doc) findCues() {
	d.cueEnds = resize(d.cueEnds, len(d.sents)+1)
	d.cueEnds[0] = 0
	d.cueList = slices.Grow(d.cueList[:0], len(d.sents)/2+8)
	for i, s := range d.sents {
		d.cueList = d.appendCues(d.cueList, s)
		d.cueEnds[i+1] = len(d.cueList)
	}
}

// appendCues appends the reporting verbs and attribution phrases of a
// sentence to out.
func (d *doc) appendCues(out []cue, s sentence) []cue {
	for i := 0; i < len(s.toks); i++ {
		if !s.toks[i].Word {
			continue
		}
		if cl := s.info[i].cues; cl != nil {
			if m, ok := cl.before.match(s.low, i); ok && (i == 0 || !s.is(i-1, cDet)) {
				out = append(out, cue{match: m, according: true})
				i = m.last() - 1
				continue
			}
			if m, ok := cl.after.match(s.low, i); ok {
				out = append(out, cue{match: m, after: true})
				i = m.last() - 1
				continue
			}
			if m, ok := cl.verbs.match(s.low, i); ok {
				out = append(out, cue{match: m})
				i = m.end - 1
				continue
			}
		}
		// An inverted verb with its pronoun after a quotation or inside one:
		// "a-t-il soupiré", "poursuit-elle", "dit-il".
		if i > 0 && (s.low[i-1] == "," || isQuoteRune(firstRune(s.low[i-1]))) && d.invertedPronoun(s.low[i]) {
			end := i + 1
			if strings.Contains(s.low[i], "-t-") && end < len(s.toks) && s.toks[end].Word && s.toks[end].Lower {
				end++ // "a-t-il" + participle
			}
			out = append(out, cue{match: match{start: i, end: end}})
			i = end - 1
		}
	}
	return out
}

// invertedPronoun reports a verb written with its subject pronoun after a
// hyphen: "dit-il", "a-t-elle".
func (d *doc) invertedPronoun(w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && d.f.pronouns[w[i+1:]]
}

// sentenceStatements finds the statements that start in sentence i.
func (d *doc) sentenceStatements(i int) {
	s := d.sents[i]
	cues := d.cues(s)
	// qs and used live in buffers of d: sentences are read one at a time.
	d.qs = d.appendQuotesIn(d.qs[:0], s)
	qs := d.qs
	if cap(d.used) < len(qs) {
		d.used = make([]bool, 2*len(qs))
	}
	used := d.used[:len(qs)] // quotes taken by a clause
	clear(used)
	// Reporting verbs first: an "according to" in the same sentence then
	// names a secondary source and yields to them.
	for ci, c := range cues {
		if c.according || c.after || d.inClosedQuote(c.span(s)) {
			continue
		}
		next := len(s.toks)
		if ci+1 < len(cues) {
			next = cues[ci+1].start
		}
		d.reported(s, c, next, cues, qs, used)
	}
	for _, c := range cues {
		switch {
		case c.according:
			d.accordingTo(s, c, qs, used)
		case c.after:
			d.sourceBefore(s, c, qs, used)
		}
	}
	for k, q := range qs {
		if !used[k] {
			d.quoted(s, q, cues)
		}
	}
	d.reportedMood(s, cues, qs)
	d.post(s)
}

// reportedMood continues the latest statement with a sentence that has no
// reporting verb but a verb in the reported mood: "Eine Wiedereröffnung
// sei frühestens im Mai realistisch."
// qs are the quotations that start in s.
func (d *doc) reportedMood(s sentence, cues []cue, qs []quote) {
	if len(d.f.mood) == 0 || len(cues) > 0 || len(s.toks) < 4 {
		return
	}
	if d.overlapsOut(s.Span) {
		return
	}
	// "Er habe „nicht den Eindruck …“": a pronoun subject right before a
	// verb in the reported mood reports that person's words, with or
	// without a statement before.
	if s.is(0, cPronoun) && s.is(1, cMood) && !s.is(0, cThing) {
		if spk := d.pronoun(s, 0); spk.Name != "" {
			kind := Indirect
			for _, q := range qs {
				if s.Contains(q.inner) {
					kind = Mixed
				}
			}
			d.emit(Statement{Kind: kind, Form: Clause, Content: text.Span{Start: s.toks[2].Start, End: s.End}, Speaker: spk, Sentence: s.index, Confidence: 0.6})
			return
		}
	}
	if d.last.Name == "" || s.index-d.lastSent != 1 {
		return
	}
	for k := range s.low {
		if s.is(k, cMood) && !d.inQuote(s.toks[k].Span) {
			spk := d.last
			spk.Mention, spk.Resolution = text.Span{}, Carried
			d.emit(Statement{Kind: Indirect, Form: Clause, Content: s.Span, Speaker: spk, Sentence: s.index})
			return
		}
	}
}

// appendQuotesIn appends the quotations that start in sentence s to out.
func (d *doc) appendQuotesIn(out []quote, s sentence) []quote {
	// d.quotes is sorted by inner.Start.
	i, _ := slices.BinarySearchFunc(d.quotes, s.Start, func(q quote, off int) int { return q.inner.Start - off })
	for ; i < len(d.quotes) && d.quotes[i].inner.Start < s.End; i++ {
		if !d.quotes[i].nested {
			out = append(out, d.quotes[i])
		}
	}
	return out
}

// sentenceOf returns the index of the sentence holding offset off (the
// last one starting at or before it).
func (d *doc) sentenceOf(off int) int {
	k := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].Start > off }) - 1
	return max(k, 0)
}

// tokenAt returns the index of the token starting at or after off.
func tokenAt(s sentence, off int) int {
	for k, t := range s.toks {
		if t.Start >= off {
			return k
		}
	}
	return len(s.toks)
}

// reported handles a reporting verb: a clause after a complementizer
// (indirect or mixed speech), colon speech, a quotation right after it, or
// a clause before it that it closes ("…, Peskov said.").
func (d *doc) reported(s sentence, c cue, next int, cues []cue, qs []quote, used []bool) {
	after := c.last()
	// Colon speech or a quotation after "X said:".
	colon := markAfter(s, after, after+5, ":")
	if colon >= 0 {
		if k := d.quoteStartingAt(qs, s, colon+1); k >= 0 {
			return // the quotation takes this cue itself
		}
		spk := d.speaker(s, c)
		content := text.Span{Start: s.toks[colon].End, End: d.paragraphEnd(s)}
		for k, q := range qs {
			if q.strayClose && content.Contains(q.inner) {
				used[k] = true // the stray mark closes the colon speech
			}
		}
		if d.quoteInside(qs, used, content) && !d.strayInside(content) {
			return
		}
		if content = d.untilStrayClose(content); wordCount(d.src, content, 3) >= 3 {
			d.emit(Statement{Kind: Direct, Form: Colon, Content: content, Speaker: spk, Cue: c.span(s), Sentence: s.index})
		}
		return
	}
	// A complementizer within a few words: the reported clause follows.
	for k := after; k < len(s.toks) && k < after+maxLeadWords && k < next; k++ {
		w := s.low[k]
		if (s.is(k, cComp) || d.elidedComp(w)) && d.relativeAfterName(s, k) {
			break // "…, explica Francisco Lara, que vive …": a relative clause
		}
		if s.is(k, cComp) || d.elidedComp(w) {
			start := s.toks[k].End
			if d.elidedComp(w) {
				start = s.toks[k].Start + strings.IndexAny(w, "'’") + 1
			}
			if k > after && s.is(k, cComp) {
				start = s.toks[k].Start
			}
			end := d.clauseEnd(s, k+1, cues)
			content := text.Span{Start: start, End: end}
			kind := d.clauseKind(qs, used, content)
			d.emit(Statement{Kind: kind, Form: Clause, Content: content, Speaker: d.speaker(s, c), Cue: c.span(s), Sentence: s.index})
			return
		}
		if !s.toks[k].Word && s.low[k] != "," {
			break
		}
	}
	// "sagte, die Stadt werde …": a clause in the reported mood after a
	// comma (German Konjunktiv I) is what was said.
	comma := markAfter(s, after, min(after+maxLeadWords, next), ",")
	if comma >= 0 {
		for k := comma + 1; k < len(s.toks) && k < next; k++ {
			if s.is(k, cMood) {
				content := text.Span{Start: s.toks[comma].End, End: d.clauseEnd(s, k, cues)}
				kind := d.clauseKind(qs, used, content)
				d.emit(Statement{Kind: kind, Form: Clause, Content: content, Speaker: d.speaker(s, c), Cue: c.span(s), Sentence: s.index})
				return
			}
		}
	}
	// "…, Peskov said." / "„…“, sagte er.": the cue closes the sentence
	// and what stands before the comma was said.
	if comma := d.commaBefore(s, c); comma > 0 && d.closesSentence(s, c) && d.onlySubject(s, comma+1, c.start) && d.explicitSubject(s, c, comma) {
		content := text.Span{Start: s.Start, End: s.toks[comma].Start}
		if k := d.quoteEndingBefore(qs, s, comma); k >= 0 {
			return // the quotation takes the cue
		}
		for _, q := range qs {
			if !q.close.Empty() && q.close.Start >= s.toks[comma].End && q.close.Start-s.toks[comma].End <= 2 {
				return // "„…,“ sagði hún": the comma is the quotation's
			}
		}
		for _, o := range cues {
			if (o.according || o.after) && o.start < comma {
				return // "… laut Kommentaren eines Sprechers, CNN berichtet": the source inside speaks
			}
		}
		if wordsIn(s, 0, comma) >= minDirectWords {
			// Mixed: "A cashier who “steals …” is held accountable, Warren said."
			kind := d.clauseKind(qs, used, content)
			d.emit(Statement{Kind: kind, Form: Clause, Content: content, Speaker: d.speaker(s, c), Cue: c.span(s), Sentence: s.index})
		}
		return
	}
	// A quotation right after the verb, or a short one a few words on,
	// makes mixed speech of the rest: "ha definito “molto interessante” la
	// proposta".
	for k, q := range qs {
		if used[k] || q.open.Empty() {
			continue
		}
		qt := tokenAt(s, q.open.Start)
		if qt >= after && qt <= after+4 && wordCount(d.src, q.inner, minDirectWords) < minDirectWords {
			end := d.clauseEnd(s, tokenAt(s, q.inner.End), cues)
			used[k] = true
			d.emit(Statement{Kind: Mixed, Form: Clause, Content: text.Span{Start: s.toks[after].Start, End: max(end, q.close.End)},
				Speaker: d.speaker(s, c), Cue: c.span(s), Sentence: s.index})
			return
		}
	}
	// No complementizer: the clause follows the verb directly ("said the
	// proposal is interesting", "sagðist þurfa …"), when the subject
	// stands before the verb and no quotation takes the cue.
	if after >= len(s.toks) || !s.toks[after].Word || s.is(after, cPrep) || next < len(s.toks) {
		return
	}
	for _, q := range qs {
		if q.inner.Start >= s.toks[after].Start {
			return
		}
	}
	spk, ok := d.subjectBefore(s, c)
	// An unnamed source opening the sentence right before the verb speaks
	// too ("Shipping analysts said the delay …", "The FNV union said it
	// …"), when a clause's subject follows the verb.
	sourceOK := spk.Resolution == Source && spk.Mention.Start == s.toks[0].Start && spk.Mention.End == s.toks[c.start-1].End &&
		(s.is(after, cDet) || s.is(after, cPronoun) || s.toks[after].Upper)
	if !ok || spk.Resolution == Source && !sourceOK {
		return
	}
	content := text.Span{Start: s.toks[after].Start, End: s.End}
	if wordCount(d.src, content, minDirectWords) >= minDirectWords {
		d.emit(Statement{Kind: Indirect, Form: Clause, Content: content, Speaker: spk, Cue: c.span(s), Sentence: s.index, Confidence: 0.5})
	}
}

// markAfter returns the first token in [from, to) that is mark, when only
// words stand before it, or -1.
func markAfter(s sentence, from, to int, mark string) int {
	for k := from; k < len(s.toks) && k < to; k++ {
		if s.low[k] == mark {
			return k
		}
		if !s.toks[k].Word {
			break
		}
	}
	return -1
}

// isTermMarker reports "so-called" (one or two words) ending at token k.
func (d *doc) isTermMarker(s sentence, k int) bool {
	if s.is(k, cTerm) {
		return true
	}
	return k > 0 && d.f.terms[s.low[k-1]+" "+s.low[k]]
}

// relativeAfterName reports a complementizer right after "Name," — a
// relative pronoun opening a clause about that person.
func (d *doc) relativeAfterName(s sentence, k int) bool {
	w := strings.TrimRight(s.low[k], "'’")
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i] // "qu'il"
	}
	if k < 2 || s.low[k-1] != "," || !d.f.relative[w] {
		return false
	}
	_, named := d.mentionTo[s.toks[k-2].End]
	return named || d.isRole(s, k-2)
}

// isPrep reports a preposition at token k, alone or joined to its noun.
func (d *doc) isPrep(s sentence, k int) bool {
	return s.is(k, cObjPrep|cPrep) || d.elidedPrep(s.low[k])
}

// elidedPrep reports a preposition joined to its noun: "all'ANSA",
// "à l'AFP" is two tokens and not one.
func (d *doc) elidedPrep(w string) bool {
	i := strings.IndexAny(w, "'’")
	return i > 0 && i+1 < len(w) && (d.f.objPreps[w[:i]] || d.f.objPreps[w[:i+1]] || d.f.objPreps[w[:i]+"'"])
}

func (d *doc) elidedComp(w string) bool {
	for _, e := range d.f.elided {
		if strings.HasPrefix(w, e) && len(w) > len(e) && (w[len(e)] == '\'' || strings.HasPrefix(w[len(e):], "’")) {
			return true
		}
	}
	return false
}

// clauseEnd returns where a reported clause that starts at token from
// ends: at the sentence end, or before a later reporting verb with its own
// subject.
func (d *doc) clauseEnd(s sentence, from int, cues []cue) int {
	// A later attribution with its own subject ends the clause: "…
	// that it would deal with Mr. Clarke, Mr. Barrett said, “…”".
	for _, o := range cues {
		if o.according || o.after || o.start <= from+1 {
			continue
		}
		if s.low[o.start-1] == "," {
			if _, ok := d.subjectAfter(s, o); ok {
				return s.toks[o.start-1].Start // "…, said Mr. Barrett"
			}
		}
		for p := o.start - 2; p > from && p >= o.start-6; p-- {
			if s.low[p] == "," || interrupts(s.low[p]) {
				if d.onlySubject(s, p+1, o.start) && (d.namesIn(s, p+1, o.start) || s.is(p+1, cPronoun)) {
					return s.toks[p].Start
				}
				break
			}
		}
	}
	return s.End
}

// paragraphEnd returns the end of the body text of s's paragraph.
func (d *doc) paragraphEnd(s sentence) int { return d.paragraphEndOf(s.index) }

// strayInside reports a stray closing mark inside span.
func (d *doc) strayInside(span text.Span) bool {
	ss := d.idx.strayInner
	i, _ := slices.BinarySearchFunc(ss, span.Start, func(q quote, off int) int { return q.inner.Start - off })
	for ; i < len(ss) && ss[i].inner.Start <= span.End; i++ {
		if span.Contains(ss[i].inner) {
			return true
		}
	}
	return false
}

// untilStrayClose cuts colon speech at a closing mark left without an
// opening one ("…: Si unirebbe …?“").
func (d *doc) untilStrayClose(c text.Span) text.Span {
	i, _ := slices.BinarySearchFunc(d.idx.strays, c.Start+1, func(q quote, off int) int { return q.close.Start - off })
	if i < len(d.idx.strays) && d.idx.strays[i].close.Start < c.End {
		c.End = d.idx.strays[i].close.Start
	}
	return c
}

// quoteInside marks the quotations inside span as taken and reports
// whether there were any.
// clauseKind is mixed for a reported clause that holds a quotation (which
// it takes), else indirect.
func (d *doc) clauseKind(qs []quote, used []bool, content text.Span) Kind {
	if d.quoteInside(qs, used, content) {
		return Mixed
	}
	return Indirect
}

func (d *doc) quoteInside(qs []quote, used []bool, span text.Span) bool {
	found := false
	for k, q := range qs {
		if span.Contains(q.inner) {
			used[k] = true
			found = true
		}
	}
	return found
}

// quoteStartingAt returns the quotation whose opening mark is token k (or
// right after it), or -1.
func (d *doc) quoteStartingAt(qs []quote, s sentence, k int) int {
	if k >= len(s.toks) {
		return -1
	}
	for i, q := range qs {
		if !q.open.Empty() && q.open.Start >= s.toks[k].Start && q.open.Start <= s.toks[k].End {
			return i
		}
	}
	return -1
}

// quoteEndingBefore returns a quotation that closes right before token k.
func (d *doc) quoteEndingBefore(qs []quote, s sentence, k int) int {
	for i, q := range qs {
		if !q.close.Empty() && q.close.End <= s.toks[k].End && s.toks[k].Start-q.close.End <= 2 {
			return i
		}
	}
	return -1
}

// commaBefore returns the token of a comma just before the cue and its
// subject ("…, Peskov said", "…, said Peskov", "…, sagte er"), or -1.
func (d *doc) commaBefore(s sentence, c cue) int {
	for k := c.start - 1; k >= 0 && k >= c.start-5; k-- {
		switch s.low[k] {
		case ",":
			return k
		case ".", ":", ";", "!", "?":
			return -1
		}
	}
	return -1
}

// namesIn reports an entity mention starting in tokens [from, to).
func (d *doc) namesIn(s sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if _, ok := d.mentionAt[s.toks[k].Start]; ok {
			return true
		}
	}
	return false
}

// plainPhrase reports tokens [from, to) of words only, none a reporting
// verb's complementizer or a pronoun: the body of a noun phrase.
func (d *doc) plainPhrase(s sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if !s.toks[k].Word && s.low[k] != "-" || s.is(k, cComp) || s.is(k, cPronoun) {
			return false
		}
	}
	return true
}

// explicitSubject reports a subject written between the comma and the cue
// or right after the cue ("…, Peskov said", "…, said Peskov"), not one
// carried over ("…, adding more").
func (d *doc) explicitSubject(s sentence, c cue, comma int) bool {
	if wordsIn(s, comma+1, c.start) > 0 {
		return true // onlySubject checked the words between
	}
	_, ok := d.subjectAfter(s, c)
	return ok
}

// onlySubject reports whether tokens [from, to) hold nothing but a
// subject: a name, a pronoun, a role with its article ("…, the spokesman
// said"), or nothing (the subject follows: "…, sagte er").
func (d *doc) onlySubject(s sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if !s.toks[k].Word || s.toks[k].Upper || s.is(k, cPronoun|cDet|cTitle|cOrgNoun) || d.inMention(s.toks[k].Span) || d.isRole(s, k) {
			continue
		}
		// One adverb between the subject and the verb: "…,” it further
		// wrote", "…,” Obama later said".
		if k == to-1 && k > from && s.toks[k].Lower && !s.is(k, cComp) && (s.is(k-1, cPronoun) || d.inMention(s.toks[k-1].Span)) {
			continue
		}
		return false
	}
	return true
}

// closesSentence reports whether only the subject and an adjunct follow
// the cue: "…, Peskov said on Monday."
func (d *doc) closesSentence(s sentence, c cue) bool {
	words := 0
	for k := c.last(); k < len(s.toks); k++ {
		switch s.low[k] {
		case ",":
			// "…, the company said on Tuesday, dealing a blow to …": a
			// participle clause may follow, not a clause with a subject.
			n := k + 1
			return words <= 6 && n < len(s.toks) && s.toks[n].Word && s.toks[n].Lower &&
				!d.f.pack.IsStopword(s.low[n]) && !s.is(n, cPronoun) && !s.is(n, cComp) && !s.is(n, cDet)
		case ":", ";":
			return false
		}
		if s.toks[k].Word {
			words++
		}
	}
	return words <= 6
}

func wordsIn(s sentence, from, to int) int {
	n := 0
	for k := from; k < to && k < len(s.toks); k++ {
		if s.toks[k].Word {
			n++
		}
	}
	return n
}

// wordCount counts the words of sp, stopping at limit: every caller
// compares the count with a number no larger than limit, and a quotation
// left open can run for megabytes.
func wordCount(src string, sp text.Span, limit int) int {
	return text.CountWords(src, sp, limit)
}

// accordingTo handles "according to X, …" and "…, according to X".
func (d *doc) accordingTo(s sentence, c cue, qs []quote, used []bool) {
	srcEnd := d.sourceEnd(s, c.last())
	spk := d.sourceIn(s, c.last(), srcEnd)
	var content text.Span
	switch {
	case c.start <= 1:
		// Before the clause: the rest of the sentence after the source.
		if srcEnd >= len(s.toks) {
			return
		}
		content = text.Span{Start: s.toks[srcEnd].Start, End: s.End}
	case srcEnd >= len(s.toks)-1 || s.low[srcEnd] == "," || s.low[srcEnd] == ".":
		// After it: "…, according to X."
		content = text.Span{Start: s.Start, End: s.toks[c.start].Start}
	default:
		// Inside it: "Dabei kam es laut Polizei zu Rangeleien."
		content = s.Span
	}
	if d.overlapsOut(content) {
		return // a reporting verb in the sentence names the speaker
	}
	if spk.Name == "" {
		return
	}
	kind := d.clauseKind(qs, used, content)
	if wordCount(d.src, content, 3) < 3 {
		return
	}
	d.emit(Statement{Kind: kind, Form: AccordingTo, Content: content, Speaker: spk, Cue: c.span(s), Sentence: s.index})
}

// sourceEnd returns the token after the source that an "according to"
// phrase ending at token from names: up to a comma or the sentence's end,
// or, where nouns are capitalised and no comma follows soon, after the
// first noun and its genitive ("laut Angaben der Polizei zu …").
func (d *doc) sourceEnd(s sentence, from int) int {
	end := from
	for end < len(s.toks) && s.low[end] != "," && s.low[end] != "." && s.low[end] != ";" {
		end++
	}
	if !d.f.pack.CapitalizedNouns || end-from <= 4 {
		return end
	}
	k := from
	for k < end && !s.toks[k].Upper {
		k++ // articles and adjectives before the noun
	}
	k++
	for k+1 < end && s.is(k, cDet) && s.toks[k+1].Upper {
		k += 2 // a genitive: "der Polizei", "des Ministeriums"
	}
	return min(k, end)
}

// sourceBefore handles "X zufolge": the source stands before the phrase,
// the statement is the rest of the sentence.
func (d *doc) sourceBefore(s sentence, c cue, qs []quote, used []bool) {
	if c.start == 0 {
		return // the cue opens the sentence ("Zufolge der Polizei …"): no source before it
	}
	from := c.start - 1
	for from > 0 && s.toks[from-1].Word && c.start-from < 5 {
		from--
	}
	// The source phrase opens with its article, however long it runs:
	// "Dem Getränkeökonomen Florian Steidl von der Hochschule Kempten
	// zufolge": the farthest article within reach.
	for k := c.start - 1; k >= 0 && c.start-k <= 10 && s.toks[k].Word; k-- {
		if s.is(k, cDet) && k < from {
			from = k
		}
	}
	spk := d.sourceIn(s, from, c.start)
	content := text.Span{Start: s.toks[c.last()-1].End, End: s.End}
	if from > 1 {
		content = text.Span{Start: s.Start, End: s.toks[from].Start}
	}
	kind := d.clauseKind(qs, used, content)
	d.emit(Statement{Kind: kind, Form: AccordingTo, Content: content, Speaker: spk, Cue: c.span(s), Sentence: s.index})
}

// sourceIn finds the source named in tokens [from, to): an entity, a
// role, a pronoun or an unnamed source as written.
func (d *doc) sourceIn(s sentence, from, to int) Speaker {
	var role Speaker
	for k := from; k < to && k < len(s.toks); k++ {
		if m, ok := d.mentionAt[s.toks[k].Start]; ok && m.ent.Type != entities.Loc && !d.compoundRole(s, k, m) {
			return named(m, Named)
		}
		if s.is(k, cPronoun) || s.is(k, cObject) {
			return d.pronoun(s, k)
		}
		if d.isRole(s, k) && role.Name == "" {
			role = d.role(s, k)
		}
		if spk, ok := d.orgNoun(s, k); ok && role.Name == "" {
			role = spk // "según la empresa"
		}
	}
	if role.Name != "" {
		return role
	}
	// An unnamed source: the words as written ("several media outlets").
	span := text.Span{}
	for k := from; k < to && k < len(s.toks); k++ {
		if s.toks[k].Word {
			if span.Empty() {
				span.Start = s.toks[k].Start
			}
			span.End = s.toks[k].End
		}
	}
	// One plain word is no source ("secondo indiscrezioni").
	if span.Empty() || wordCount(d.src, span, 2) < 2 {
		return Speaker{}
	}
	return Speaker{Name: span.Text(d.src), Mention: span, Resolution: Source}
}

// quoted handles a quotation no reported clause took: an attribution
// after or before it, a headline, a post, or the previous speaker going on.
func (d *doc) quoted(s sentence, q quote, cues []cue) {
	// "the so-called “resilience plan”": a term, not speech.
	if k := tokenAt(s, q.open.Start); !q.open.Empty() && k > 0 && d.isTermMarker(s, k-1) {
		return
	}
	// Only compared with minDirectWords and less below.
	words := wordCount(d.src, q.inner, minDirectWords)
	qStart := tokenAt(s, q.inner.Start)
	// The attribution after the quotation stands in the sentence where it
	// closes, which is another one when the quotation runs over lines.
	es, ecues := s, cues
	endAt := q.inner.End
	if !q.close.Empty() {
		endAt = q.close.Start
	}
	if k := d.sentenceOf(endAt); k > s.index {
		es, ecues = d.sents[k], d.cues(d.sents[k])
	}
	qEnd := tokenAt(es, q.inner.End)
	// "“Why …?” Vitter demanded.": a question or exclamation ends the
	// sentence at the quotation, and the attribution opens the next one.
	if !q.close.Empty() && es.index+1 < len(d.sents) && q.close.End <= es.End && strings.TrimSpace(d.src[q.close.End:es.End]) == "" &&
		(strings.ContainsAny(d.src[q.inner.End-1:q.inner.End], "?!") || wordsIn(d.sents[es.index+1], 0, len(d.sents[es.index+1].toks)) <= 5) {
		// After a full stop only a bare attribution ("“…” Vitter said.")
		// belongs to the quotation, not a sentence of narration.
		next := d.sents[es.index+1]
		for _, c := range d.cues(next) {
			if !c.according && !c.after && c.start <= 8 && d.closesSentence(next, c) && d.nounPhraseBetween(next, 0, c.start) {
				if spk := d.speaker(next, c); spk.Name != "" && spk.Resolution != Carried {
					d.emitQuote(s, q, words, spk, c.span(next))
					return
				}
			}
		}
	}
	// "« Nous avons proposé …, a-t-il déclaré, et nous … »": the
	// attribution interrupts one pair of marks; both parts are the
	// speaker's.
	// "«… – spiega Dell'Aquila – e …»" and "« …, confie-t-il. Mais … »"
	// too: dashes or a full stop around the attribution.
	for _, c := range cues {
		cs := c.span(s)
		if c.according || c.after || !q.inner.Contains(cs) || c.start == 0 || !interrupts(s.low[c.start-1]) {
			continue
		}
		end := c.last()
		for end < len(s.toks) && !interrupts(s.low[end]) && s.low[end] != "." && s.toks[end].End <= q.inner.End {
			end++
		}
		if end >= len(s.toks) || !interrupts(s.low[end]) && s.low[end] != "." || end-c.last() > 4 {
			continue
		}
		spk := d.speaker(s, c)
		if spk.Name == "" || spk.Resolution == Carried {
			continue // "…, by speaking to them, say, look, …": the speaker's own words
		}
		d.emitQuote(s, quote{inner: text.Span{Start: q.inner.Start, End: s.toks[c.start-1].Start}}, words, spk, cs)
		d.emitQuote(s, quote{inner: text.Span{Start: s.toks[end].End, End: q.inner.End}}, words, spk, cs)
		return
	}
	// "„…“, sagte er." / "“…,” he said" / "“…” ha detto il portavoce".
	for _, c := range ecues {
		if c.according || c.after {
			continue
		}
		if c.start >= qEnd && (c.start <= qEnd+4 && d.onlySubject(es, qEnd, c.start) || c.start <= qEnd+12 && d.nounPhraseBetween(es, qEnd, c.start) ||
			(c.start <= qEnd+12 || c.start <= qEnd+24 && d.personOpens(es, qEnd)) && d.appositionBetween(es, qEnd, c.start)) && d.noClauseBetween(es, qEnd, c.start) {
			spk := d.speaker(es, c)
			if spk.Resolution == Carried || spk.Name == "" {
				// "Peabody said: “…,” adding …": a verb without its own
				// subject after the quotation yields to one before it.
				if pre, cs, ok := d.preAttribution(s, q, cues); ok {
					d.emitQuote(s, q, words, pre, cs)
					return
				}
			}
			if spk.Name != "" || words >= minDirectWords {
				d.emitQuote(s, q, words, spk, c.span(es))
				return
			}
		}
	}
	if spk, cs, ok := d.preAttribution(s, q, cues); ok {
		d.emitQuote(s, q, words, spk, cs)
		return
	}
	// "“…” ― Krystal Correa": the name under the quotation.
	if spk, ok := d.dashAuthor(es, q); ok {
		d.emit(Statement{Kind: Direct, Form: Post, Content: q.inner, Speaker: spk, Sentence: s.index})
		return
	}
	// A transcript: "PENCE: Well, look, …" at a paragraph's start.
	if spk, ok := d.transcript(s, q); ok {
		d.emit(Statement{Kind: Direct, Form: Headline, Content: q.inner, Speaker: spk, Sentence: s.index})
		return
	}
	// A headline: "Cremlino: “Proposta molto interessante”".
	if k := tokenAt(s, q.open.Start); !q.open.Empty() && k >= 2 && s.low[k-1] == ":" && words >= 2 {
		if m, ok := d.mentionTo[s.toks[k-2].End]; ok && m.Start == s.toks[0].Start {
			d.emit(Statement{Kind: Direct, Form: Headline, Content: q.inner, Speaker: named(m, Named), Sentence: s.index})
			return
		}
		// "Il sindaco: «…»": a role the article names elsewhere.
		if d.isRole(s, k-2) && k-2 <= 1 {
			if spk := d.role(s, k-2); spk.Resolution == Role {
				d.emit(Statement{Kind: Direct, Form: Headline, Content: q.inner, Speaker: spk, Sentence: s.index})
				return
			}
		}
	}
	// A reporting verb earlier in the sentence with its subject: the rest
	// from the verb is mixed speech ("called her remarks “unhinged”").
	for _, c := range cues {
		if c.according || c.after || c.last() > qStart {
			continue
		}
		if spk, ok := d.subjectBefore(s, c); ok && spk.Resolution != Source {
			end := q.inner.End
			if !q.close.Empty() {
				end = q.close.End
			}
			d.emit(Statement{Kind: Mixed, Form: Clause, Content: text.Span{Start: s.toks[c.last()-1].End, End: end}, Speaker: spk, Cue: c.span(s), Sentence: s.index})
			return
		}
	}
	// "Koppelin wörtlich: „…“", "Zitat von Schröder: „…“": a name before a
	// colon that opens the quotation.
	if k := tokenAt(s, q.open.Start); !q.open.Empty() && k >= 2 && s.low[k-1] == ":" {
		if spk, ok := d.nameBefore(s, max(0, k-9), k-1); ok {
			d.emitQuote(s, q, words, spk, text.Span{})
			return
		}
		if spk, ok := d.openingPhrase(s); ok && k >= 3 {
			d.emitQuote(s, q, words, spk, text.Span{})
			return
		}
	}
	// The sentence before ends "X sagte:" or "Name, role:": the quotation
	// is X's.
	if s.index > 0 && qStart <= 1 {
		prev := d.sents[s.index-1]
		if n := len(prev.low); n > 0 && prev.low[n-1] == ":" {
			pc := d.cues(prev)
			for i := len(pc) - 1; i >= 0; i-- {
				if c := pc[i]; !c.according && !c.after && c.last() >= n-5 {
					if spk := d.speaker(prev, c); spk.Name != "" {
						d.emitQuote(s, q, words, spk, c.span(prev))
						return
					}
				}
			}
			if spk, ok := d.nameBefore(prev, 0, n-1); ok {
				d.emitQuote(s, q, words, spk, text.Span{})
				return
			}
			if spk, ok := d.openingPhrase(prev); ok {
				d.emitQuote(s, q, words, spk, text.Span{})
				return
			}
			// "Hier sparte der Bundespräsident nicht mit Kritik:": the
			// subject after a verb in second place.
			if spk, ok := d.invertedSubject(prev); ok && words >= minDirectWords {
				d.emitQuote(s, q, words, spk, text.Span{})
				return
			}
		}
	}
	// "Trump openly admires Putin as a “strong leader”", "Reid has gone
	// after Trump as a “human leech”": a person opening the sentence as
	// the subject of a verb before the quotation voices it, whatever the
	// verb.
	if k := tokenAt(s, q.open.Start); q.open.Empty() || k == 0 || d.isPrep(s, k-1) {
		// "con «El año de las cigüeñas»": a title after a preposition.
	} else if spk, ok := d.openingSubject(s, qStart); ok {
		d.emitQuote(s, q, words, spk, text.Span{})
		return
	}
	if words < minDirectWords {
		return // a term or a scare quote
	}
	// A post: the paragraph after holds "— Name (@handle) date".
	if spk, ok := d.postAfter(s); ok {
		d.emit(Statement{Kind: Direct, Form: Post, Content: q.inner, Speaker: spk, Sentence: s.index})
		return
	}
	// A quotation that makes up its paragraph goes on with the speaker of
	// the paragraph before; one that makes up its sentence, with the
	// speaker of the sentence before ("„…,“ sagði hún. „Skólinn …“").
	if d.last.Name != "" && s.index-d.lastSent == 1 && d.lastPara == s.para && d.lastQuoted && d.fillsSentence(s, q) &&
		wordCount(d.src, text.Span{Start: d.out[len(d.out)-1].Content.End, End: q.inner.Start}, 7) <= 6 {
		// The same speaker goes on in the next sentence: one statement.
		d.extendLast(q.inner.End)
		d.lastSent = s.index
		return
	}
	if d.last.Name != "" && d.sents[s.index].para-d.lastPara <= 1 && d.fillsParagraph(s, q) {
		spk := d.last
		spk.Resolution = Continuation // the mention stays the one the statement continued named
		d.emit(Statement{Kind: Direct, Form: Quoted, Content: q.inner, Speaker: spk, Sentence: s.index})
	}
}

// openingSubject returns the person or pronoun that opens sentence s and
// is followed by a verb (a lower-case word that is not a function word),
// when the quotation at token q comes after it.
func (d *doc) openingSubject(s sentence, q int) (Speaker, bool) {
	if len(s.toks) < 3 || q < 2 {
		return Speaker{}, false
	}
	var spk Speaker
	first := 0
	for first < 2 && (s.is(first, cTitle) || d.isRole(s, first)) {
		first++ // "Senator Harry Reid", "Sen. Reid"
		if first < len(s.toks) && s.low[first] == "." {
			first++
		}
	}
	next := first + 1
	if m, ok := d.mentionAt[s.toks[first].Start]; ok && m.ent.Type == entities.Person && !d.inQuote(m.Span) {
		spk = named(m, Named)
		for next < len(s.toks) && s.toks[next].End <= m.End {
			next++
		}
	} else if first == 0 && s.is(0, cPronoun) {
		spk = d.pronoun(s, 0)
	}
	if spk.Name == "" || next >= q || next >= len(s.toks) {
		return Speaker{}, false
	}
	if d.f.pack.IsStopword(s.low[next]) && next+1 < q {
		next++ // an auxiliary or an adverb before the verb
	}
	t := s.toks[next]
	if !t.Word || !t.Lower || d.f.pack.IsStopword(s.low[next]) || s.is(next, cDet) || d.isPrep(s, next) {
		return Speaker{}, false
	}
	return spk, true
}

// personOpens reports a person's name as the first word from token k:
// "“…,” Scott Pruitt, the attorney general of Oklahoma, …, said".
func (d *doc) personOpens(s sentence, k int) bool {
	for k < len(s.toks) && !s.toks[k].Word {
		k++
	}
	if k >= len(s.toks) {
		return false
	}
	m, ok := d.mentionAt[s.toks[k].Start]
	return ok && m.ent.Type == entities.Person
}

// invertedSubject reads the subject after a first phrase and a verb: an
// article and its noun, a role, or a name at tokens 2 to 4 ("Hier sparte
// der Bundespräsident …", "Dazu erklärte Peskov …").
func (d *doc) invertedSubject(s sentence) (Speaker, bool) {
	for k := 2; k < len(s.toks) && k <= 4; k++ {
		if !s.toks[k].Word {
			return Speaker{}, false
		}
		if m, ok := d.mentionAt[s.toks[k].Start]; ok && m.ent.Type != entities.Loc && !d.isPrep(s, k-1) {
			return named(m, Named), true
		}
		if s.is(k, cDet) && !d.isPrep(s, k-1) && k+1 < len(s.toks) {
			for e := k + 1; e < len(s.toks) && e <= k+3 && s.toks[e].Word; e++ {
				if d.isRole(s, e) {
					return d.role(s, e), true
				}
				if s.toks[e].Upper && d.f.pack.CapitalizedNouns {
					span := text.Span{Start: s.toks[k].Start, End: s.toks[e].End}
					return Speaker{Name: span.Text(d.src), Mention: span, Resolution: Source}, true
				}
			}
			return Speaker{}, false
		}
	}
	return Speaker{}, false
}

// subjectInside reads the subject a split cue encloses: "gab das
// russische Außenministerium weiter bekannt", "teilte die Polizei mit".
func (d *doc) subjectInside(s sentence, c cue) (Speaker, bool) {
	for k := c.end; k < c.tailStart; k++ {
		if m, ok := d.mentionAt[s.toks[k].Start]; ok && m.ent.Type != entities.Loc && (k == c.end || !d.isPrep(s, k-1)) {
			return named(m, Named), true
		}
		if s.is(k, cPronoun) && k == c.end {
			return d.pronoun(s, k), true
		}
		if d.isRole(s, k) && (k == c.end || !d.isPrep(s, k-1)) {
			return d.role(s, k), true
		}
	}
	if k := c.end; k+1 < c.tailStart && s.is(k, cDet) {
		// An article and its noun: the first capitalised word after it
		// where nouns are capitalised, else the word after the article.
		e := k + 1
		for e < c.tailStart && e <= k+4 && s.toks[e].Word && d.f.pack.CapitalizedNouns && !s.toks[e].Upper {
			e++
		}
		if e < c.tailStart && s.toks[e].Word {
			span := text.Span{Start: s.toks[k].Start, End: s.toks[e].End}
			return Speaker{Name: span.Text(d.src), Mention: span, Resolution: Source}, true
		}
	}
	return Speaker{}, false
}

// interrupts reports the marks that set an attribution inside a
// quotation apart: a comma or a dash.
func interrupts(w string) bool {
	return w == "," || w == "–" || w == "—" || w == "―"
}

func (d *doc) emitQuote(s sentence, q quote, words int, spk Speaker, cueSpan text.Span) {
	kind := Direct
	if words < minDirectWords {
		kind = Mixed
	}
	d.emit(Statement{Kind: kind, Form: Quoted, Content: q.inner, Speaker: spk, Cue: cueSpan, Sentence: s.index})
}

// noClauseBetween reports that no sentence punctuation stands between
// tokens a and b (the dot of "Mr." or of an initial does not count).
func (d *doc) noClauseBetween(s sentence, a, b int) bool {
	for k := a; k < b; k++ {
		switch s.low[k] {
		case ".":
			if k > 0 && s.toks[k-1].Word && (s.toks[k-1].Upper && len(s.low[k-1]) <= 3 || d.f.abbrev[s.low[k-1]+"."]) {
				continue
			}
			if k+1 < len(s.toks) && (s.low[k+1] == ")" || s.low[k+1] == ",") {
				continue // "(D-Md.)", "R-Ky., said"
			}
			return false
		case "!", "?", ";":
			return false
		}
		if s.is(k, cSubord) {
			return false // "“…,” when Clinton blasted him"
		}
	}
	return true
}

// nounPhraseBetween reports a speaker's noun phrase, and nothing that
// could be a clause of its own, between the quotation and the verb:
// "“…?” a narrator in the Clinton ad asks", "…" Rep. Elijah E. Cummings
// (D-Md.) said".
func (d *doc) nounPhraseBetween(s sentence, a, b int) bool {
	if d.headedPhrase(s, a, b) {
		return true
	}
	// Only function words ("“…” and called on people …"): a verb
	// coordinated with the one before, no phrase of its own.
	subject := false
	for k := a; k < b && !subject; k++ {
		subject = s.toks[k].Word && (!s.toks[k].Lower || !d.f.pack.IsStopword(s.low[k]) || s.is(k, cPronoun))
	}
	if !subject && wordsIn(s, a, b) > 0 {
		return false
	}
	for k := a; k < b; k++ {
		if s.toks[k].Word && s.toks[k].Lower && !s.is(k, cDet) && !s.is(k, cPrep) && !d.isRole(s, k) &&
			!d.f.pack.IsStopword(s.low[k]) && k > a && s.toks[k-1].Word && s.toks[k-1].Lower {
			return false // two lower-case content words in a row: a clause
		}
	}
	return true
}

// headedPhrase reports a short noun phrase that an article or a
// possessive opens, between punctuation and a verb: "the ad’s narrator",
// "Obama's former campaign strategist".
func (d *doc) headedPhrase(s sentence, a, b int) bool {
	for a < b && !s.toks[a].Word {
		a++
	}
	if a >= b || b-a > 5 || !d.plainPhrase(s, a, b) {
		return false
	}
	return s.is(a, cDet) || d.possessive(s.low[a])
}

// possessive reports a genitive written with a clitic: "group's",
// "Obama’s" (tokens are lower-cased with ’ read as ').
// The genitive clitics are the pack's case suffixes that start with an
// apostrophe (en "'s").
func (d *doc) possessive(w string) bool {
	for _, c := range d.f.clitics {
		if strings.HasSuffix(w, c) {
			return true
		}
	}
	return false
}

// openingPhrase reads the noun phrase that opens a sentence with an
// article and ends with a noun ("Die Firma", "Der 23-jährige Sportler"):
// the subject of a sentence that ends "…:" before a quotation.
func (d *doc) openingPhrase(s sentence) (Speaker, bool) {
	if len(s.toks) < 3 || !s.is(0, cDet) {
		return Speaker{}, false
	}
	for k := 1; k < len(s.toks) && k <= 4; k++ {
		t := s.toks[k]
		if !t.Word {
			return Speaker{}, false
		}
		// The noun: capitalised where nouns are, else the word before a
		// verb we cannot see; take the first capitalised word after the
		// article, or the first word in languages without noun capitals.
		if t.Upper || !d.f.pack.CapitalizedNouns && k == 1 {
			span := text.Span{Start: s.toks[0].Start, End: t.End}
			if m, ok := d.mentionAt[t.Start]; ok {
				return named(m, Named), true
			}
			return Speaker{Name: span.Text(d.src), Mention: span, Resolution: Source}, true
		}
	}
	return Speaker{}, false
}

// nameBefore returns the first person or organisation named in tokens
// [from, to) outside a prepositional phrase, when no reporting verb
// stands there.
func (d *doc) nameBefore(s sentence, from, to int) (Speaker, bool) {
	for k := from; k < to; k++ {
		if m, ok := d.mentionAt[s.toks[k].Start]; ok && m.ent.Type != entities.Loc && !d.compoundRole(s, k, m) &&
			(k == 0 || !s.is(k-1, cPrep) || s.is(k-1, cAgent)) {
			return named(m, Named), true
		}
	}
	return Speaker{}, false
}

// dashAuthor reads "“…” ― Name" or "“…” — Name, role": the name after a
// dash under a quotation.
func (d *doc) dashAuthor(s sentence, q quote) (Speaker, bool) {
	if q.close.Empty() {
		return Speaker{}, false
	}
	k := tokenAt(s, q.close.End)
	if k >= len(s.toks) && s.index+1 < len(d.sents) && d.sents[s.index+1].para == s.para {
		// The sentence ended with the quotation: the dash opens the next.
		s, k = d.sents[s.index+1], 0
	}
	if k+1 >= len(s.toks) {
		return Speaker{}, false
	}
	switch s.low[k] {
	case "―", "—", "–", "-":
	default:
		return Speaker{}, false
	}
	if m, ok := d.mentionAt[s.toks[k+1].Start]; ok && m.ent.Type != entities.Loc {
		return named(m, PostAuthor), true
	}
	// A name the recogniser did not take: the capitalised words as written.
	span := text.Span{}
	for j := k + 1; j < len(s.toks) && s.toks[j].Word && s.toks[j].Upper; j++ {
		if span.Empty() {
			span.Start = s.toks[j].Start
		}
		span.End = s.toks[j].End
	}
	if span.Empty() || wordCount(d.src, span, 2) < 2 {
		return Speaker{}, false
	}
	return Speaker{Name: span.Text(d.src), Mention: span, Resolution: PostAuthor}, true
}

// transcript reads a speaker's name in capitals and a colon at the start
// of the quotation: "PENCE: Well, look, …".
func (d *doc) transcript(s sentence, q quote) (Speaker, bool) {
	k := tokenAt(s, q.inner.Start)
	if k+1 >= len(s.toks) || s.low[k+1] != ":" || !s.toks[k].Word {
		return Speaker{}, false
	}
	w := s.toks[k].Text(d.src)
	if len(w) < 3 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
		return Speaker{}, false
	}
	return Speaker{Name: w, Mention: s.toks[k].Span, Resolution: Named}, true
}

// preAttribution finds the cue before a quotation: "Peskov said: “…”",
// "X sagte: „…“", "ha detto: «…»", and the second part of "«…», ha detto
// ieri in consiglio, «…»".
func (d *doc) preAttribution(s sentence, q quote, cues []cue) (Speaker, text.Span, bool) {
	qStart := tokenAt(s, q.inner.Start)
	for _, c := range cues {
		if c.according || c.after {
			continue
		}
		window := 4
		if d.quoteClosesBefore(s, c.start) {
			window = 10
		}
		if c.last() <= qStart && qStart-c.last() <= window {
			if spk := d.speaker(s, c); spk.Name != "" {
				return spk, c.span(s), true
			}
		}
	}
	return Speaker{}, text.Span{}, false
}

// quoteClosesBefore reports a quotation closing right before token k: the
// cue then interrupts a quotation that goes on after it.
func (d *doc) quoteClosesBefore(s sentence, k int) bool {
	at := s.toks[k].Start
	i, _ := slices.BinarySearchFunc(d.idx.closes, at-3, func(q quote, off int) int { return q.close.End - off })
	for ; i < len(d.idx.closes) && d.idx.closes[i].close.End <= at; i++ {
		if d.idx.closes[i].close.Start >= s.Start {
			return true
		}
	}
	return false
}

// appositionBetween reports "…,” Flynn, a top Trump surrogate, said": a
// name and an apposition between commas before the verb.
func (d *doc) appositionBetween(s sentence, a, b int) bool {
	commas := 0
	named := false
	for k := a; k < b; k++ {
		if s.low[k] == "," {
			commas++
		}
		if _, ok := d.mentionAt[s.toks[k].Start]; ok {
			named = true
		}
	}
	return named && commas >= 2
}

// fillsSentence reports a quotation that opens its sentence and ends it.
func (d *doc) fillsSentence(s sentence, q quote) bool {
	if q.open.Empty() || q.open.Start != s.Start {
		return false
	}
	end := q.inner.End
	if !q.close.Empty() {
		end = q.close.End
	}
	if end > s.End {
		return false
	}
	rest := strings.Trim(d.src[end:s.End], " .!?…")
	return rest == ""
}

// fillsParagraph reports a quotation that is the first thing in its
// paragraph.
func (d *doc) fillsParagraph(s sentence, q quote) bool {
	first := s.index
	for first > 0 && d.sents[first-1].para == s.para {
		first--
	}
	start := d.sents[first].Start
	return !q.open.Empty() && q.open.Start == start
}

// post turns the text before a post line into the post author's
// statement when nothing else claimed it: "— Elon Musk (@elonmusk) …".
func (d *doc) post(s sentence) {
	spk, ok := d.postLine(s)
	if !ok || s.index == 0 {
		return
	}
	prev := d.sents[s.index-1]
	content := prev.Span
	if prev.para != s.para {
		// The post is the whole paragraph before.
		first := s.index - 1
		for first > 0 && d.sents[first-1].para == prev.para {
			first--
		}
		content = text.Span{Start: d.sents[first].Start, End: prev.End}
	}
	if d.overlapsOut(content) {
		return
	}
	d.emit(Statement{Kind: Direct, Form: Post, Content: content, Speaker: spk, Sentence: prev.index})
}

// postLine reads "— Name (@handle) date" at the start of sentence s.
func (d *doc) postLine(s sentence) (Speaker, bool) {
	if len(s.toks) < 4 {
		return Speaker{}, false
	}
	switch s.low[0] {
	case "—", "–", "―", "-", "~":
	default:
		return Speaker{}, false
	}
	m, ok := d.mentionAt[s.toks[1].Start]
	if !ok {
		return Speaker{}, false
	}
	for _, w := range s.low[2:] {
		if strings.HasPrefix(w, "@") {
			return named(m, PostAuthor), true
		}
	}
	return Speaker{}, false
}

// postAfter finds a post line opening the next sentence.
func (d *doc) postAfter(s sentence) (Speaker, bool) {
	if s.index+1 >= len(d.sents) {
		return Speaker{}, false
	}
	return d.postLine(d.sents[s.index+1])
}

// speaker finds who speaks at a reporting verb: the subject before it
// (through an apposition), or after it where the verb comes first ("sagte
// Peskov", "ha detto il portavoce"), resolved to an entity.
func (d *doc) speaker(s sentence, c cue) Speaker {
	// A pronoun written into the verb: "a-t-il déclaré", "dit-elle".
	for k := c.start; k < c.last(); k++ {
		if i := strings.LastIndexByte(s.low[k], '-'); i > 0 && d.f.pronouns[s.low[k][i+1:]] {
			spk := d.pronoun(s, k)
			if spk.Name != "" {
				return spk
			}
		}
	}
	if d.inClosedQuote(c.span(s)) {
		if spk, ok := d.subjectAfter(s, c); ok {
			return spk
		}
	} else if spk, ok := d.subjectBefore(s, c); ok {
		return spk
	}
	// No subject before a split cue: it stands inside ("gab das
	// Außenministerium bekannt"); before one, the inside is the object
	// ("Ham described Clinton as").
	if c.tailEnd > 0 && !d.inClosedQuote(c.span(s)) {
		if spk, ok := d.subjectInside(s, c); ok {
			return spk
		}
	}
	if spk, ok := d.subjectAfter(s, c); ok {
		return spk
	}
	// No subject: carried over from the latest statement nearby, as
	// languages that drop subjects do ("ha aggiunto: …").
	// A person named after the latest statement ended is the nearer
	// subject ("Miren Aranburu, enfermera, llevaba … «…», lamentó").
	if p := d.personSince(d.lastAt, s.toks[c.start].Start); p.ent != nil {
		spk := named(p, Carried)
		spk.Mention = text.Span{}
		return spk
	}
	if d.last.Name != "" && s.index-d.lastSent <= 2 {
		spk := d.last
		spk.Mention, spk.Resolution = text.Span{}, Carried
		return spk
	}
	if e := d.salientPerson(s.index + 1); e != nil {
		return Speaker{Name: e.Name, Key: e.Key, Type: e.Type, Resolution: Carried}
	}
	return Speaker{}
}

// subjectBefore scans left of the cue for the nearest name, pronoun, role
// or unnamed source, passing adverbs and one apposition. Names inside a
// prepositional phrase ("del Cremlino") or modifying a noun ("SpaceX
// chief executives") are not subjects; a name after a role is the role's
// complement ("talsmaður Pútíns") unless it is the role's holder.
func (d *doc) subjectBefore(s sentence, c cue) (Speaker, bool) {
	// "Sigrún Hafsteinsdóttir, sveitarstjóri Norðurþings, segir": a person
	// and an apposition between commas right before the verb, whatever
	// the apposition's words.
	if c.start >= 3 && s.low[c.start-1] == "," {
		commas := 0
		for k := c.start - 2; k > 0 && c.start-k <= 20; k-- {
			if s.low[k] == "," {
				if m, ok := d.mentionTo[s.toks[k-1].End]; ok && m.ent.Type == entities.Person && !d.inQuote(m.Span) {
					return named(m, Apposition), true
				}
				// "Scott Pruitt, the attorney general of Oklahoma, one of
				// the states suing the EPA, said": two appositions.
				if commas++; commas == 2 {
					break
				}
				continue
			}
			if !s.toks[k].Word && !isApostrophe(firstRune(s.low[k])) && s.low[k] != "-" {
				break // "Users' Group" stays inside the apposition
			}
		}
	}
	// "Fuentes del Ministerio … explicaron", "Fonti vicine
	// all'assessorato spiegano": a plain noun and its complement open the
	// sentence; the noun names the source.
	if n := c.start; n >= 3 && n <= 12 && s.toks[0].Upper && s.toks[0].Letter && !d.f.pack.IsStopword(s.low[0]) && !d.namesIn(s, 0, 1) &&
		(d.isPrep(s, 1) || s.toks[1].Lower && d.isPrep(s, 2)) && d.plainPhrase(s, 1, n) {
		span := text.Span{Start: s.toks[0].Start, End: s.toks[n-1].End}
		return Speaker{Name: s.toks[0].Text(d.src), Mention: span, Resolution: Source}, true
	}
	var role Speaker
	words := 0
	content := false // lowercase words passed since the last punctuation
	for k := c.start - 1; k >= 0 && words < 10; k-- {
		t := s.toks[k]
		if !t.Word {
			switch s.low[k] {
			case ",":
				if role.Name != "" && k > 0 {
					// "Name, role …, said": the name before the apposition.
					if m, ok := d.mentionTo[s.toks[k-1].End]; ok && m.ent.Type != entities.Loc {
						return named(m, Apposition), true
					}
				}
				content = false
				continue
			case "(", ")", "-", "–", "—":
				continue
			}
			if isQuoteRune(firstRune(s.low[k])) {
				if role.Name != "" {
					return role, true // "“…,” the New York businessman said"
				}
				if d.headedPhrase(s, k+1, c.start) {
					// "“…,” the ad’s narrator says": an unnamed source.
					a := k + 1
					for !s.toks[a].Word {
						a++
					}
					span := text.Span{Start: s.toks[a].Start, End: s.toks[c.start-1].End}
					return Speaker{Name: span.Text(d.src), Mention: span, Resolution: Source}, true
				}
				return Speaker{}, false // "“…,” said X": the subject follows
			}
			break
		}
		words++
		if s.is(k, cRelSubj) && role.Name == "" && c.start-k <= 5 {
			if spk, ok := d.antecedent(s, k); ok {
				return spk, true // "McConnell, who in 2010 said"
			}
		}
		if m, ok := d.mentionTo[t.End]; ok && !d.compoundRole(s, k, m) {
			first := mentionStart(s, k, m)
			switch {
			case role.Name != "":
				k = first // "The Tesla and SpaceX chief executives": a modifier of the role
				continue
			case first > 0 && d.isRole(s, first-1):
				holder := d.roleOf[roleKey(s.low[first-1])]
				if holder == nil || holder == m.ent {
					return named(m, Named), true // "spokesman Dmitry Peskov"
				}
				return d.role(s, first-1), true // "talsmaður Pútíns"
			case m.ent.Type == entities.Loc && k == c.start-1 && (first == 0 || !s.is(first-1, cPrep)):
				// A country speaking for its government: "Russia insisted".
			case m.ent.Type == entities.Loc, first > 0 && (s.is(first-1, cPrep) || s.is(first-1, cObjPrep)), content:
				k = first // not the subject: go on to the left
				continue
			}
			return named(m, Named), true
		}
		if s.is(k, cPronoun) {
			return d.pronoun(s, k), true
		}
		if d.isRole(s, k) {
			if role.Name == "" {
				role = d.role(s, k)
			}
			continue
		}
		if role.Name != "" {
			continue // words of the role phrase
		}
		// A plain noun right before the verb: an unnamed source
		// ("investors estimated", "analistas estiman").
		if k == c.start-1 && d.pluralNoun(s, k) {
			return Speaker{Name: t.Text(d.src), Mention: t.Span, Resolution: Source}, true
		}
		// A capitalised noun opening the sentence right before the verb:
		// "Police say", "Demonstrators said".
		if k == c.start-1 && k == 0 && t.Upper && !t.Digits && !d.f.pack.IsStopword(s.low[k]) && len(s.low[k]) > 3 {
			return Speaker{Name: t.Text(d.src), Mention: t.Span, Resolution: Source}, true
		}
		// A noun phrase opening the sentence, right up to the verb: "The
		// 34-year-old mother of three replied", "Fonti vicine
		// all'assessorato spiegano".
		if k == c.start-1 && c.start <= 8 && (s.is(0, cDet) || s.toks[0].Upper && !d.f.pack.IsStopword(s.low[0]) && !d.namesIn(s, 0, c.start)) && d.plainPhrase(s, 1, c.start) {
			span := text.Span{Start: s.toks[0].Start, End: t.End}
			return Speaker{Name: span.Text(d.src), Mention: span, Resolution: Source}, true
		}

		// The same after an opening clause: "Asked why …, the
		// 34-year-old mother of three replied".
		if k == c.start-1 {
			p := k
			for p > 0 && s.low[p-1] != "," {
				p--
			}
			if p > 0 && c.start-p <= 7 && s.is(p, cDet) && !d.isPrep(s, p+1) && d.plainPhrase(s, p, c.start) {
				span := text.Span{Start: s.toks[p].Start, End: t.End}
				return Speaker{Name: span.Text(d.src), Mention: span, Resolution: Source}, true
			}
		}
		// An article and a noun right before the verb: "der Randalierer
		// rief", "the announcer said".
		if spk, ok := d.orgNoun(s, k); ok && k == c.start-1 {
			return spk, true // "the company said"
		}
		if k == c.start-1 && k > 0 && s.is(k-1, cDet) && t.Letter && !d.f.pack.IsStopword(s.low[k]) && len(s.low[k]) > 3 {
			span := text.Span{Start: s.toks[k-1].Start, End: t.End}
			return Speaker{Name: span.Text(d.src), Mention: span, Resolution: Source}, true
		}
		if t.Lower && !d.f.pack.IsStopword(s.low[k]) {
			content = true
		}
	}
	if role.Name != "" {
		return role, true
	}
	// The first person named in the sentence, outside a prepositional
	// phrase, is the subject of a verb further on ("tísti Musk, …, og
	// spurði").
	for k := 0; k < c.start; k++ {
		if m, ok := d.mentionAt[s.toks[k].Start]; ok && m.ent.Type == entities.Person && (k == 0 || !s.is(k-1, cPrep)) && !d.inQuote(m.Span) {
			return named(m, Named), true
		}
	}
	// So is a pronoun opening it: "She then urges her husband … and
	// repeatedly says, “…”".
	if c.start > 1 && s.is(0, cPronoun) && !d.inQuote(s.toks[0].Span) {
		return d.pronoun(s, 0), true
	}
	return Speaker{}, false
}

// antecedent resolves the relative pronoun at k to the name, role or
// plain noun it follows, passing one apposition ("McConnell, now the
// Senate majority leader, who …"). The pronoun is the mention: it is the
// verb's subject.
func (d *doc) antecedent(s sentence, k int) (Speaker, bool) {
	j := k - 1
	if j >= 0 && s.low[j] == "," {
		j--
	}
	if j < 0 {
		return Speaker{}, false
	}
	as := func(spk Speaker) (Speaker, bool) {
		spk.Mention, spk.Resolution = s.toks[k].Span, Relative
		return spk, true
	}
	if m, ok := d.mentionTo[s.toks[j].End]; ok && !d.inQuote(m.Span) {
		first := mentionStart(s, j, m)
		if first == 0 || !d.isPrep(s, first-1) {
			return as(named(m, Relative))
		}
		// "Putin, ex agente del Kgb che …": the name in the phrase is
		// no antecedent; the person before the apposition is.
		if m, ok := d.personBeforeComma(s, first-1, j-12); ok {
			return as(named(m, Relative))
		}
		return Speaker{}, false
	}
	// "McConnell, now the Senate majority leader, who …".
	if s.low[j+1] == "," {
		if m, ok := d.personBeforeComma(s, j-1, j-12); ok {
			return as(named(m, Relative))
		}
	}
	if d.isRole(s, j) {
		if spk := d.role(s, j); spk.Name != "" {
			return as(spk)
		}
	}
	// "economists who say": a plain plural noun is an unnamed source.
	if d.pluralNoun(s, j) {
		return as(Speaker{Name: s.toks[j].Text(d.src), Resolution: Source})
	}
	return Speaker{}, false
}

// personBeforeComma finds the first comma left of token from (not before
// token limit) and returns the person whose mention ends right before it:
// the head of an apposition.
func (d *doc) personBeforeComma(s sentence, from, limit int) (mention, bool) {
	for a := from; a > 0 && a >= limit; a-- {
		if s.low[a] == "," {
			m, ok := d.mentionTo[s.toks[a-1].End]
			return m, ok && m.ent.Type == entities.Person && !d.inQuote(m.Span)
		}
	}
	return mention{}, false
}

// mentionStart returns the index of the first token of mention m, which
// ends at token k.
func mentionStart(s sentence, k int, m mention) int {
	for k > 0 && s.toks[k-1].End > m.Start {
		k--
	}
	return k
}

// pluralNoun reports a lower-case content word ending in "s" at token k:
// a collective source ("investors", "analistas", "economists").
func (d *doc) pluralNoun(s sentence, k int) bool {
	t := s.toks[k]
	return t.Letter && t.Lower && !d.f.pack.IsStopword(s.low[k]) && len(s.low[k]) > 3 && strings.HasSuffix(s.low[k], "s")
}

// compoundRole reports a name that is only the first part of a role
// compound ("Kreml" in "Kreml-Sprechers"): the role speaks.
func (d *doc) compoundRole(s sentence, k int, m mention) bool {
	return m.Span != s.toks[k].Span && d.isRole(s, k)
}

// inClosedQuote reports a span inside a quotation with both its marks.
func (d *doc) inClosedQuote(sp text.Span) bool {
	return d.quoteHolding(sp, func(q quote) bool { return !q.close.Empty() && !q.open.Empty() })
}

// inQuote reports a span inside a quotation.
func (d *doc) inQuote(sp text.Span) bool {
	return d.quoteHolding(sp, func(quote) bool { return true })
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// subjectAfter reads a subject right after the cue: a name, a pronoun or
// a role (with its article).
func (d *doc) subjectAfter(s sentence, c cue) (Speaker, bool) {
	for k := c.last(); k < len(s.toks) && k <= c.last()+4; k++ {
		if s.low[k] == "." && k > 0 && s.is(k-1, cTitle) {
			continue // "said Mr. McGinley"
		}
		// "declaró a EFE el alcalde", "ha dichiarato all'ANSA Paola …":
		// the addressee before the subject.
		if k == c.last() && k+2 < len(s.toks) && s.toks[k+1].Word && (s.is(k, cObjPrep) && (s.toks[k+1].Upper || strings.ContainsAny(s.low[k+1], "'’")) || d.elidedPrep(s.low[k])) {
			if d.elidedPrep(s.low[k]) {
				k++
			} else {
				k += 2
			}
		}
		if !s.toks[k].Word {
			return Speaker{}, false
		}
		if s.is(k, cTitle) {
			continue
		}
		if m, ok := d.mentionAt[s.toks[k].Start]; ok && m.ent.Type != entities.Loc {
			return named(m, Named), true
		}
		// A name inside the token: "Dell'Aquila" is mentioned as "Aquila".
		if m, ok := d.mentionTo[s.toks[k].End]; ok && m.ent.Type == entities.Person && m.Start > s.toks[k].Start {
			return named(m, Named), true
		}
		if s.is(k, cPronoun) {
			// "„…“, sagte er", "“…,” said he": inverted after a quotation
			// or a comma; elsewhere a pronoun after the verb is its object.
			if c.start > 0 && (s.low[c.start-1] == "," || isQuoteRune(firstRune(s.low[c.start-1]))) {
				return d.pronoun(s, k), true
			}
			return Speaker{}, false
		}
		if d.isRole(s, k) {
			return d.role(s, k), true
		}
		if !s.is(k, cDet) {
			break
		}
	}
	// "“…,” said one Democratic source on the panel.": a short noun
	// phrase closing the sentence after the verb.
	if d.closesSentence(s, c) && c.last() < len(s.toks) && s.toks[c.last()].Word && !s.is(c.last(), cComp) {
		span := text.Span{Start: s.toks[c.last()].Start, End: s.toks[len(s.toks)-1].End}
		span = trimPunct(d.src, span)
		if n := wordCount(d.src, span, 7); n >= 2 && n <= 6 {
			return Speaker{Name: span.Text(d.src), Mention: span, Resolution: Source}, true
		}
	}
	return Speaker{}, false
}

// personSince returns the person named last in [from, to), outside
// quotations, within the three sentences before to.
func (d *doc) personSince(from, to int) mention {
	k := d.sentenceOf(to)
	from = max(from, d.sents[max(0, k-3)].Start)
	return lastMentionBefore(d.idx.persons, from, to, func(m mention) bool { return !d.inQuote(m.Span) })
}

// named is a speaker named by an entity mention.
func named(m mention, how Resolution) Speaker {
	return Speaker{Name: m.ent.Name, Key: m.ent.Key, Type: m.ent.Type, Mention: m.Span, Resolution: how}
}

// pronoun resolves a pronoun at token k to the latest speaker, or to the
// latest person named before the sentence.
func (d *doc) pronoun(s sentence, k int) Speaker {
	span := s.toks[k].Span
	if s.is(k, cThing) {
		// "it" stands for an organisation: the latest one speaking or named.
		if d.last.Name != "" && d.last.Type == entities.Org && s.index-d.lastSent <= 3 {
			spk := d.last
			spk.Mention, spk.Resolution = span, Pronoun
			return spk
		}
		best := lastMentionBefore(d.idx.orgs, -1, span.Start, func(m mention) bool { return !d.inQuote(m.Span) })
		if best.ent == nil {
			return Speaker{}
		}
		spk := named(best, Pronoun)
		spk.Mention = span
		return spk
	}
	// The person named last before the pronoun, outside quotations …
	best := lastMentionBefore(d.idx.persons, -1, span.Start, func(m mention) bool { return !d.inQuote(m.Span) })
	// … unless that name stood before the end of the latest statement:
	// its speaker is the nearer antecedent.
	if d.last.Name != "" && s.index-d.lastSent <= 3 && (best.ent == nil || best.Start < d.lastAt && d.last.Type == entities.Person) {
		spk := d.last
		spk.Mention, spk.Resolution = span, Pronoun
		return spk
	}
	if best.ent == nil {
		if d.last.Name == "" {
			return Speaker{}
		}
		spk := d.last
		spk.Mention, spk.Resolution = span, Pronoun
		return spk
	}
	spk := named(best, Pronoun)
	spk.Mention = span
	return spk
}

// role resolves a role noun at token k to the person an apposition gave
// the role, or keeps it as an unnamed source named by the role.
func (d *doc) role(s sentence, k int) Speaker {
	span := s.toks[k].Span
	if e := d.roleOf[roleKey(s.low[k])]; e != nil {
		return Speaker{Name: e.Name, Key: e.Key, Type: e.Type, Mention: span, Resolution: Role}
	}
	// A name right after the role names its holder: "spokesman Dmitry
	// Peskov", "son directeur régional, Thomas Bréval".
	for j := k + 1; j < len(s.toks) && j <= k+6; j++ {
		if m, ok := d.mentionAt[s.toks[j].Start]; ok && m.ent.Type == entities.Person {
			if j == k+1 || s.low[j-1] == "," {
				return named(m, Named)
			}
			break
		}
		if !s.toks[j].Word && s.low[j] != "," {
			break
		}
	}
	// "the businessman", "der Sprecher": a role with an article refers to
	// someone the article spoke of just before; the most mentioned person
	// of the last sentences.
	if k > 0 && (s.is(k-1, cDet) || d.possessive(s.low[k-1])) {
		if spk, ok := d.sourceRoles[roleKey(s.low[k])]; ok {
			spk.Mention = span // "Der Sprecher" after "eines Kreml-Sprechers"
			return spk
		}
		if e := d.salientPerson(s.index); e != nil {
			return Speaker{Name: e.Name, Key: e.Key, Type: e.Type, Mention: span, Resolution: Role}
		}
		// Else the person speaking in the paragraphs just before: "the
		// group's chair added" after her quotation.
		if d.last.Type == entities.Person && d.last.Key != "" && s.para-d.lastPara <= 2 {
			spk := d.last
			spk.Mention, spk.Resolution = span, Role
			return spk
		}
	}
	spk := Speaker{Name: d.baseForm(s.toks[k].Text(d.src)), Mention: span, Resolution: Source}
	d.sourceRoles[roleKey(s.low[k])] = spk
	return spk
}

// salientPerson returns, of the people named in the three sentences before
// sentence i, the one the article names most often.
func (d *doc) salientPerson(i int) *entities.Entity {
	return d.salient(i, entities.Person)
}

// wordBefore returns the lower-cased token before offset off in its
// sentence: "a" in "declaró a EFE", an addressee, not a source.
func (d *doc) wordBefore(off int) string {
	s := d.sents[d.sentenceOf(off)]
	if k := tokenAt(s, off); k > 0 && k <= len(s.toks) {
		return s.low[k-1]
	}
	return ""
}

// orgNoun resolves "the company", "la empresa", "das Unternehmen" at token
// k to the organisation the article named in the sentences before.
func (d *doc) orgNoun(s sentence, k int) (Speaker, bool) {
	if !s.is(k, cOrgNoun) || k == 0 || !s.is(k-1, cDet) && !d.possessive(s.low[k-1]) {
		return Speaker{}, false
	}
	e := d.orgOf[s.low[k]]
	if e == nil {
		e = d.salient(s.index+1, entities.Org)
	}
	if e == nil {
		return Speaker{}, false
	}
	span := text.Span{Start: s.toks[k-1].Start, End: s.toks[k].End}
	return Speaker{Name: e.Name, Key: e.Key, Type: e.Type, Mention: span, Resolution: Role}, true
}

// salient returns, of the entities of type typ named in the three
// sentences of narration before sentence i, the one named most often.
func (d *doc) salient(i int, typ entities.Type) *entities.Entity {
	if i == 0 {
		return nil
	}
	if i > len(d.sents) {
		i = len(d.sents)
	}
	// Three sentences of narration: sentences inside a quotation do not
	// count, as the speaker was named before it.
	j, n := i-1, 0
	for ; j > 0 && j >= i-8; j-- {
		if t := d.sents[j].toks; len(t) == 0 || !d.inQuote(t[len(t)/2].Span) {
			if n++; n == 3 {
				break
			}
		}
	}
	from := d.sents[max(0, j)].Start
	to := d.sents[i-1].End
	// Mentions in the window count most; the article's count breaks ties.
	score := map[*entities.Entity]int{}
	k, _ := slices.BinarySearchFunc(d.starts, from, func(m mention, off int) int { return m.Start - off })
	for ; k < len(d.starts) && d.starts[k].Start <= to; k++ {
		if m := d.starts[k]; m.ent.Type == typ && m.End <= to && !(typ == entities.Org && d.f.objPreps[d.wordBefore(m.Start)]) {
			score[m.ent] += 1000
		}
	}
	var best *entities.Entity
	for e, n := range score {
		n += len(e.Mentions)
		if best == nil || n > score[best]+len(best.Mentions) || n == score[best]+len(best.Mentions) && e.Key < best.Key {
			best = e
		}
	}
	return best
}

// baseForm strips a case ending from a role noun ("Kreml-Sprechers" →
// "Kreml-Sprecher") when the pack lists the bare form as a role too.
func (d *doc) baseForm(w string) string {
	low := strings.ToLower(w)
	for _, suf := range d.f.pack.CaseSuffixes {
		if strings.HasSuffix(low, suf) && len(low) > len(suf)+3 {
			base := low[:len(low)-len(suf)]
			tail := base
			if i := strings.LastIndexByte(base, '-'); i >= 0 {
				tail = base[i+1:]
			}
			if d.f.roles[tail] {
				return w[:len(w)-len(suf)]
			}
		}
	}
	return w
}
