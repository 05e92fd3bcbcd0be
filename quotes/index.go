package quotes

import (
	"slices"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/text"
)

// The lookups here answer the questions the rules ask of the whole
// document (is this span quoted? which person was named last?) without a
// scan of every quotation, statement or mention: a scan per sentence makes
// a long document quadratic.

// index is built once the quotations are known.
type index struct {
	// quoteMaxEnd[i] is the largest inner.End of d.quotes[:i+1] (d.quotes
	// is sorted by inner.Start): a backward scan for a quotation holding a
	// span stops where no earlier one reaches it.
	quoteMaxEnd []int
	// closes are the closed quotations by the end of their closing mark;
	// strays those closed by a mark with no opening one, by its start,
	// and strayInner the same by the start of their text.
	closes, strays, strayInner []quote
	// persons and orgs are the mentions of people and organisations by
	// end offset.
	persons, orgs []mention
	// paraFirst and paraLast are the first and last sentence of each
	// sentence's paragraph.
	paraFirst, paraLast []int
	// outMaxEnd[i] is the largest Content.End of d.out[:i+1].
	outMaxEnd []int
}

// indexQuotes indexes the quotations and mentions, once the quotations
// are sorted.
func (d *doc) indexQuotes() {
	x := &d.idx
	x.quoteMaxEnd = resize(x.quoteMaxEnd, len(d.quotes))
	closes, strays := 0, 0
	for _, q := range d.quotes {
		if !q.close.Empty() {
			closes++
		}
		if q.strayClose {
			strays++
		}
	}
	x.closes = slices.Grow(x.closes[:0], closes)
	x.strays = slices.Grow(x.strays[:0], strays)
	end := 0
	for i, q := range d.quotes {
		end = max(end, q.inner.End)
		x.quoteMaxEnd[i] = end
		if !q.close.Empty() {
			x.closes = append(x.closes, q)
		}
		if q.strayClose {
			x.strays = append(x.strays, q)
		}
	}
	slices.SortStableFunc(x.closes, func(a, b quote) int { return a.close.End - b.close.End })
	x.strayInner = append(x.strayInner[:0], x.strays...) // d.quotes is sorted by inner.Start
	slices.SortStableFunc(x.strays, func(a, b quote) int { return a.close.Start - b.close.Start })
	persons, orgs := 0, 0
	for _, m := range d.mentions {
		switch m.ent.Type {
		case entities.Person:
			persons++
		case entities.Org:
			orgs++
		}
	}
	x.persons = slices.Grow(x.persons[:0], persons)
	x.orgs = slices.Grow(x.orgs[:0], orgs)
	for _, m := range d.mentions {
		switch m.ent.Type {
		case entities.Person:
			x.persons = append(x.persons, m)
		case entities.Org:
			x.orgs = append(x.orgs, m)
		}
	}
	byEnd := func(a, b mention) int { return a.End - b.End }
	slices.SortStableFunc(x.persons, byEnd)
	slices.SortStableFunc(x.orgs, byEnd)
}

// indexParagraphs notes where each sentence's paragraph starts and ends.
func (d *doc) indexParagraphs() {
	x := &d.idx
	n := len(d.sents)
	x.paraFirst = resize(x.paraFirst, n)
	x.paraLast = resize(x.paraLast, n)
	for i := range d.sents {
		if i > 0 && d.sents[i-1].para == d.sents[i].para {
			x.paraFirst[i] = x.paraFirst[i-1]
		} else {
			x.paraFirst[i] = i
		}
	}
	for i := len(d.sents) - 1; i >= 0; i-- {
		if i+1 < len(d.sents) && d.sents[i+1].para == d.sents[i].para {
			x.paraLast[i] = x.paraLast[i+1]
		} else {
			x.paraLast[i] = i
		}
	}
}

// quoteHolding returns whether a quotation accepted by ok holds sp.
func (d *doc) quoteHolding(sp text.Span, ok func(quote) bool) bool {
	i, found := slices.BinarySearchFunc(d.quotes, sp.Start, func(q quote, off int) int { return q.inner.Start - off })
	if found {
		// The last quotation starting at sp.Start.
		for i+1 < len(d.quotes) && d.quotes[i+1].inner.Start == sp.Start {
			i++
		}
	} else {
		i--
	}
	for ; i >= 0 && d.idx.quoteMaxEnd[i] >= sp.End; i-- {
		if q := d.quotes[i]; q.inner.Contains(sp) && ok(q) {
			return true
		}
	}
	return false
}

// lastMentionBefore returns the mention of ms (sorted by end) that ends
// last at or before end, at or after from, and that ok accepts.
func lastMentionBefore(ms []mention, from, end int, ok func(mention) bool) mention {
	i, _ := slices.BinarySearchFunc(ms, end+1, func(m mention, off int) int { return m.End - off })
	for i--; i >= 0 && ms[i].End > from; i-- {
		if ms[i].Start >= from && ok(ms[i]) {
			return ms[i]
		}
	}
	return mention{}
}

// appendOut records a statement in d.out.
func (d *doc) appendOut(st Statement) {
	end := st.Content.End
	if n := len(d.idx.outMaxEnd); n > 0 {
		end = max(end, d.idx.outMaxEnd[n-1])
	}
	if cap(d.out) == 0 {
		// About one statement in four sentences.
		d.out = make([]Statement, 0, len(d.sents)/4+4)
		d.idx.outMaxEnd = make([]int, 0, cap(d.out))
	}
	d.out = append(d.out, st)
	d.idx.outMaxEnd = append(d.idx.outMaxEnd, end)
}

// extendLast moves the end of the latest statement's content.
func (d *doc) extendLast(end int) {
	n := len(d.out) - 1
	d.out[n].Content.End = end
	d.idx.outMaxEnd[n] = max(d.idx.outMaxEnd[n], end)
}

// overlapsOut reports whether a statement found so far overlaps sp.
func (d *doc) overlapsOut(sp text.Span) bool {
	for i := len(d.out) - 1; i >= 0 && d.idx.outMaxEnd[i] > sp.Start; i-- {
		if d.out[i].Content.Overlaps(sp) {
			return true
		}
	}
	return false
}
