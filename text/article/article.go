package article

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

// Splitter splits text into sentences; *sentence.Segmenter satisfies it.
type Splitter interface {
	Append(dst []text.Span, src string, within text.Span) []text.Span
}

// Page is what Read finds in a scraped page. Spans point into the original
// input; an empty span means not found.
type Page struct {
	Title  text.Span
	Byline text.Span
	Date   text.Span
	// Body holds the title and the main text in order, without navigation,
	// link lists, bylines, captions, footers and repeated passages.
	Body []text.Span
	// Sentences are the sentences of every paragraph, as the splitter gave
	// them: callers need not split the page a second time.
	Sentences []text.Span
	// Tokens are the tokens of the sentences, in order: those of a span
	// that starts and ends at token boundaries are a run of them, the ones
	// text.AppendTokens would give, so callers need not tokenize again.
	Tokens []text.Token
}

// Reader finds article bodies with the page vocabulary of one language. It
// is immutable and safe for concurrent use.
type Reader struct {
	pack         *lang.Pack
	bylinePrefix phrases
	bylineSuffix phrases
	footer       phrases
	labels       phrases
	credits      phrases
}

// New returns a Reader for the language of p; p may be nil for structure
// alone.
func New(p *lang.Pack) *Reader {
	if p == nil {
		p = &lang.Pack{}
	}
	return &Reader{
		pack:         p,
		bylinePrefix: compilePhrases(p.BylinePrefix, false),
		bylineSuffix: compilePhrases(p.BylineSuffix, false),
		footer:       compilePhrases(p.Footer, true),
		labels:       compilePhrases(p.LinkLabels, true),
		credits:      compilePhrases(p.Credits, true),
	}
}

type kind uint8

const (
	kindText    kind = iota // not yet classified
	kindProse               // running text
	kindHeading             // short line without final punctuation
	kindLabel               // "read more", "approfondimento": a link follows
	kindList                // long run of headlines or navigation
	kindPunct               // punctuation only
	kindPost                // "— Name (@handle) date" under an embedded post
	kindTitle
	kindByline
	kindDate
	kindCredit
	kindCaption
	kindFooter
	kindDup
)

type unit struct {
	text.Span
	para   int
	t0, t1 int // tokens toks[t0:t1]
	kind   kind
	words  int
}

// Limits that tell headlines and lists from sentences, in words.
const (
	maxTitleWords   = 30
	maxTitleBytes   = 300
	maxCaptionWords = 30
	maxFooterWords  = 12
	maxLabelWords   = 8
	minProseWords   = 4
	// A one-word line before the text is navigation ("Home", a section
	// name), not a heading.
	minHeadingWords = 2
	// An unterminated run this long is a list of links, not a sentence.
	minListWords = 60
	// Header units are searched for bylines, dates and credits until the
	// first plain sentence of at least this many words.
	minCleanProseWords = 8
	maxHeaderUnits     = 12
)

// Read finds the title, byline, date and body of the page src, given its
// paragraphs (text.Paragraphs) and a sentence splitter.
func (r *Reader) Read(src string, paragraphs []text.Span, split Splitter) Page {
	return r.ReadInto(nil, src, paragraphs, split)
}

// ReadInto is Read with the page's tokens appended to buf[:0]: a caller
// that reads many pages one after another can reuse one buffer.
func (r *Reader) ReadInto(buf []text.Token, src string, paragraphs []text.Span, split Splitter) Page {
	var sents []text.Span
	paraOf := make([]int, 0, len(paragraphs))
	for pi, p := range paragraphs {
		from := len(sents)
		sents = split.Append(sents, src, p)
		for range sents[from:] {
			paraOf = append(paraOf, pi)
		}
	}
	// Sized for the usual five bytes a token, so that a long page's
	// tokens are not copied again and again as they grow.
	toks := slices.Grow(buf[:0], len(src)/5+16)
	// The units do not outlive the call: their buffer and markDuplicates'
	// go back to a pool for the next page.
	sc := scratches.Get().(*scratch)
	defer scratches.Put(sc)
	units := resize(&sc.units, len(sents))
	for i, s := range sents {
		t0 := len(toks)
		toks = text.AppendTokens(toks, src, s)
		units[i] = unit{Span: s, para: paraOf[i], t0: t0, t1: len(toks)}
	}
	for i := range units {
		units[i].words = countWords(toks[units[i].t0:units[i].t1])
	}
	page := Page{Sentences: sents, Tokens: toks}
	units = r.header(src, toks, units, &page)
	for i := range units {
		if units[i].kind == kindText {
			units[i].kind = r.classify(src, toks, units[i])
		}
	}
	r.markTitle(src, units, &page)
	markDuplicates(src, toks, units, sc)
	page.Body = r.body(src, toks, units)
	if cap(units) > maxPooledUnits {
		sc.units, sc.next = nil, nil
	}
	return page
}

// scratch holds the buffers of one ReadInto call.
type scratch struct {
	units []unit
	head  map[uint64]int // markDuplicates' groups
	next  []int
}

var scratches = sync.Pool{New: func() any { return &scratch{head: map[uint64]int{}} }}

// maxPooledGroups bounds the units whose groups markDuplicates keeps in
// the pooled map.
const maxPooledGroups = 1 << 10

// maxPooledUnits bounds the units kept for the next page: a huge page's
// are left to the collector.
const maxPooledUnits = 1 << 14

// resize returns (*buf)[:n], allocated anew when too small; elements are
// not cleared, callers set every one.
func resize[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n)
	}
	return (*buf)[:n]
}

func countWords(toks []text.Token) int {
	n := 0
	for _, t := range toks {
		if t.Word {
			n++
		}
	}
	return n
}

// header splits the first units of the page at bylines, dates and photo
// credits, which one-line pages run together with the title and the text.
func (r *Reader) header(src string, toks []text.Token, units []unit, page *Page) []unit {
	// The first units are split into head; most pages have nothing to
	// split, and keep units as they are.
	var buf [maxHeaderUnits + 4]unit
	out := buf[:0]
	done := false
	k := 0 // units read
	for ; k < len(units) && !done && k < maxHeaderUnits; k++ {
		u := units[k]
		pieces := r.splitHeader(src, toks, u)
		for _, p := range pieces {
			switch p.kind {
			case kindByline:
				if page.Byline.Empty() {
					page.Byline = p.Span
				}
			case kindDate:
				if page.Date.Empty() {
					page.Date = p.Span
				}
			case kindCredit:
				// The text just before a credit is its photo's caption.
				if k := len(out) - 1; k >= 0 && out[k].kind == kindText && out[k].words <= maxCaptionWords {
					out[k].kind = kindCaption
				}
			}
			out = append(out, p)
		}
		if len(pieces) == 1 && u.words >= minCleanProseWords && r.classify(src, toks, u) == kindProse {
			done = true
		}
	}
	if len(out) == k {
		copy(units, out)
		return units
	}
	return append(append(make([]unit, 0, len(out)+len(units)-k), out...), units[k:]...)
}

// splitHeader cuts u at its byline, date and credit; the rest stays text.
func (r *Reader) splitHeader(src string, toks []text.Token, u unit) []unit {
	var marks []unit
	prevEnd := u.t0 // text.Token after the last mark
	afterByline := false
	// A date counts right after a byline (a separator between is fine) or
	// at the start of a unit; elsewhere it belongs to a sentence.
	dateCanStart := func(i int) bool {
		if i == u.t0 {
			return true
		}
		return afterByline && (i == prevEnd || i == prevEnd+1 && !toks[prevEnd].Word)
	}
	for i := u.t0; i < u.t1; {
		if end, start := r.bylineSuffixAt(src, toks, u.t0, i, u.t1); end > 0 && start >= prevEnd {
			marks = append(marks, piece(u, toks, start, end, kindByline))
			i, prevEnd, afterByline = end, end, true
			continue
		}
		if end := r.bylinePrefixAt(src, toks, i, u.t1); end > 0 && (i == u.t0 || toks[i].Upper) {
			marks = append(marks, piece(u, toks, i, end, kindByline))
			i, prevEnd, afterByline = end, end, true
			continue
		}
		if end := r.dateAt(src, toks, i, u.t1); end > 0 && dateCanStart(i) {
			marks = append(marks, piece(u, toks, i, end, kindDate))
			i, prevEnd, afterByline = end, end, false
			continue
		}
		if end := r.creditAt(src, toks, i, u.t1); end > 0 {
			marks = append(marks, piece(u, toks, i, end, kindCredit))
			i, prevEnd, afterByline = end, end, false
			continue
		}
		i++
	}
	if len(marks) == 0 {
		return []unit{u}
	}
	var out []unit
	at := u.t0
	for _, m := range marks {
		if m.t0 > at {
			out = append(out, piece(u, toks, at, m.t0, kindText))
		}
		out = append(out, m)
		at = m.t1
	}
	if at < u.t1 {
		out = append(out, piece(u, toks, at, u.t1, kindText))
	}
	return out
}

func piece(u unit, toks []text.Token, t0, t1 int, k kind) unit {
	p := unit{Span: text.Span{Start: toks[t0].Start, End: toks[t1-1].End}, para: u.para, t0: t0, t1: t1, kind: k}
	p.words = countWords(toks[t0:t1])
	return p
}

// names counts the capitalised name tokens from i (particles such as "de",
// "van" allowed between them), at most four. A month or a capitalised
// function word ("March", "The") ends the name.
func (r *Reader) names(src string, toks []text.Token, i, end int) int {
	n, last := 0, i
	for j := i; j < end && n < 4; j++ {
		t := toks[j]
		if t.Upper {
			if w := strings.ToLower(t.Text(src)); r.pack.IsMonth(w) || r.pack.IsStopword(w) {
				return last - i
			}
		}
		switch {
		case t.Word && t.Upper:
			n++
			last = j + 1
		case t.Word && t.Lower && len(t.Text(src)) <= 3 && n > 0:
			continue
		default:
			return last - i
		}
	}
	return last - i
}

func (r *Reader) bylinePrefixAt(src string, toks []text.Token, i, end int) int {
	n := r.bylinePrefix.match(src, toks, i)
	if n == 0 {
		return 0
	}
	k := r.names(src, toks, i+n, end)
	if k == 0 {
		return 0
	}
	return i + n + k
}

// bylineSuffixAt matches "First Last skrifar": two or three names before a
// suffix word at i; it returns the end and start text.Token indices.
func (r *Reader) bylineSuffixAt(src string, toks []text.Token, from, i, end int) (int, int) {
	n := r.bylineSuffix.match(src, toks, i)
	if n == 0 {
		return 0, 0
	}
	k := 0
	for j := i - 1; j >= from && k < 3 && toks[j].Word && toks[j].Upper; j-- {
		k++
	}
	if k < 2 {
		return 0, 0
	}
	return i + n, i - k
}

// dateAt matches a date, with an optional time after it, at toks[i]:
// "15. febrúar 2021 15:51", "13. Februar 2021", "February 13, 2021",
// "13/02/2021", "2021-02-13".
func (r *Reader) dateAt(src string, toks []text.Token, i, end int) int {
	j := i
	tok := func(k int) string {
		if k < end {
			return toks[k].Text(src)
		}
		return ""
	}
	switch {
	case isDay(tok(j)):
		j++
		if tok(j) == "." {
			j++
		}
		if !r.pack.IsMonth(strings.ToLower(tok(j))) {
			return 0
		}
		j++
		if tok(j) == "." {
			j++
		}
		if isYear(tok(j)) {
			j++
		}
	case isDay(tok(j+1)) && r.pack.IsMonth(strings.ToLower(tok(j))):
		// The cheap test first: most words are not followed by a day.
		j += 2
		if tok(j) == "," {
			j++
		}
		if !isYear(tok(j)) {
			return 0
		}
		j++
	case isNumericDate(tok(j)):
		j++
	default:
		return 0
	}
	// An optional time: "15:51", "kl. 15:51", "- 10.30 Uhr".
	k := j
	for k < end && k < j+3 && !isClock(tok(k)) && len(tok(k)) <= 4 && !toks[k].Upper {
		k++
	}
	if isClock(tok(k)) {
		j = k + 1
	}
	return j
}

func isDay(s string) bool {
	if len(s) == 0 || len(s) > 2 {
		return false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n >= 1 && n <= 31
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s[0] == '1' || s[0] == '2'
}

// isNumericDate matches 13.02.2021, 13/02/2021 and 2021-02-13.
func isNumericDate(s string) bool {
	if len(s) < 8 || len(s) > 10 {
		return false
	}
	groups, year, n := 0, false, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '.' && s[i] != '/' && s[i] != '-' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
			n++
			continue
		}
		if n > 0 {
			groups++
			year = year || n == 4
		}
		n = 0
	}
	return groups == 3 && year
}

// isClock matches "15:51" and "9.30".
func isClock(s string) bool {
	k := strings.IndexAny(s, ":.")
	if k < 1 || k > 2 || len(s)-k-1 != 2 {
		return false
	}
	for i, c := range []byte(s) {
		if i != k && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// creditAt matches a photo or source credit: "Vísir/EPA", "REUTERS/Name",
// or a credit word of the pack ("Foto:") followed by names.
func (r *Reader) creditAt(src string, toks []text.Token, i, end int) int {
	if n := r.credits.match(src, toks, i); n > 0 {
		k := r.names(src, toks, i+n, end)
		if k == 0 {
			return 0
		}
		return i + n + k
	}
	t := toks[i]
	if !t.Word || !t.Upper {
		return 0
	}
	s := t.Text(src)
	slash := strings.IndexByte(s, '/')
	if slash <= 0 || strings.Count(s, "/") != 1 {
		return 0
	}
	left, right := s[:slash], s[slash+1:]
	if isAcronym(right) || isAcronym(left) && startsUpper(right) {
		return i + 1
	}
	return 0
}

func isAcronym(s string) bool {
	n := 0
	for _, c := range s {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 2
}

func startsUpper(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(c)
}

// closers may follow a sentence's final mark.
const closers = "\"'”“’‘»«)]›‹"

func (r *Reader) classify(src string, toks []text.Token, u unit) kind {
	ts := toks[u.t0:u.t1]
	if u.words == 0 {
		return kindPunct
	}
	if isPost(src, ts) {
		return kindPost
	}
	// A label can stand mid-article, so it wins over a footer phrase.
	if u.words <= maxLabelWords && r.labels.match(src, toks, u.t0) > 0 {
		return kindLabel
	}
	if u.words <= maxFooterWords && r.footer.match(src, toks, u.t0) > 0 {
		return kindFooter
	}
	last := strings.TrimRight(u.Text(src), closers)
	final, _ := utf8.DecodeLastRuneInString(last)
	terminated := strings.ContainsRune(".!?…:;", final)
	// A quotation standing alone is someone's words, however short.
	if first, _ := utf8.DecodeRuneInString(u.Text(src)); terminated && u.words >= 2 && strings.ContainsRune("“„«»\"‘‚", first) {
		return kindProse
	}
	if terminated {
		if u.words >= minProseWords {
			return kindProse
		}
		return kindHeading
	}
	lower, upper := 0, 0
	for _, t := range ts {
		switch {
		case t.Lower:
			lower++
		case t.Upper:
			upper++
		}
	}
	firstLower := false
	for _, t := range ts {
		if t.Letter {
			firstLower = t.Lower
			break
		}
	}
	switch {
	case u.words >= minListWords || u.words >= 40 && upper*10 > u.words*3:
		return kindList
	case firstLower && u.words <= 5:
		return kindLabel
	case u.words >= 15 && lower*2 >= u.words:
		return kindProse
	}
	return kindHeading
}

// isPost matches the line under an embedded post: a dash, a name and a
// handle ("— Elon Musk (@elonmusk) February 13, 2021").
func isPost(src string, ts []text.Token) bool {
	if len(ts) < 3 {
		return false
	}
	switch ts[0].Text(src) {
	case "—", "–", "―", "-", "~":
	default:
		return false
	}
	for _, t := range ts[1:] {
		if t.Word && strings.HasPrefix(t.Text(src), "@") {
			return true
		}
	}
	// "― Karen Bobadilla": a dash and a name alone under a quotation.
	words := 0
	for _, t := range ts[1:] {
		switch {
		case t.Word && t.Upper:
			words++
		case t.Word, words > 0 && t.Text(src) != ".":
			return false
		}
	}
	return words >= 2 && words <= 4
}

// markTitle takes the first paragraph as the title when it is short, or the
// text before a byline on a one-line page.
func (r *Reader) markTitle(src string, units []unit, page *Page) {
	if len(units) == 0 {
		return
	}
	// Text before a byline in the first paragraph.
	for i, u := range units {
		if u.para != units[0].para {
			break
		}
		if u.kind == kindByline {
			if i == 0 {
				return
			}
			words := 0
			for _, v := range units[:i] {
				words += v.words
			}
			if words > maxTitleWords {
				return
			}
			for k := range units[:i] {
				units[k].kind = kindTitle
			}
			page.Title = text.Span{Start: units[0].Start, End: units[i-1].End}
			return
		}
	}
	first := units[0].para
	end, words := 0, 0
	for end < len(units) && units[end].para == first {
		words += units[end].words
		end++
	}
	sp := text.Span{Start: units[0].Start, End: units[end-1].End}
	if end == len(units) || words > maxTitleWords || sp.Len() > maxTitleBytes || words == 0 {
		return
	}
	switch units[0].kind {
	case kindLabel, kindFooter, kindList, kindDate, kindCredit, kindPost:
		return
	}
	for k := 0; k < end; k++ {
		units[k].kind = kindTitle
	}
	page.Title = sp
}

// markDuplicates marks units whose words, spaces folded, came before.
func markDuplicates(src string, toks []text.Token, units []unit, sc *scratch) {
	// Units are grouped by a hash of their tokens; only units with the
	// same hash are compared token by token, so a collision cannot make
	// two different units duplicates, and the result does not depend on
	// the seed.
	head := sc.head
	clear(head)
	if len(units) > maxPooledGroups {
		// A map grown this large would cost every later page its
		// clearing.
		head = make(map[uint64]int, len(units))
	}
	next := resize(&sc.next, len(units)) // the previous unit of the same group, plus one
	clear(next)
	for i, u := range units {
		if u.words < 3 {
			continue
		}
		ts := toks[u.t0:u.t1]
		k := duplicateSeed
		for _, t := range ts {
			k = hashToken(k, src[t.Start:t.End])
		}
		dup := false
		for j := head[k]; j > 0 && !dup; j = next[j-1] {
			dup = sameTokens(src, ts, toks[units[j-1].t0:units[j-1].t1])
		}
		if dup {
			units[i].kind = kindDup
			continue
		}
		next[i] = head[k]
		head[k] = i + 1
	}
}

// duplicateSeed seeds the hashes that group units in markDuplicates, so
// that no text chosen in advance makes many units share a group.
var duplicateSeed = rand.Uint64()

// hashToken mixes token t into h. It reads t eight bytes at a time and
// its last bytes with overlapping loads, as wyhash reads short keys, so
// that every byte and the length count; hashing in place costs less than
// copying the tokens for hash/maphash or calling it once a token.
func hashToken(h uint64, t string) uint64 {
	h = mixHash(h, uint64(len(t)))
	for len(t) > 8 {
		h = mixHash(h, binary.LittleEndian.Uint64([]byte(t[:8])))
		t = t[8:]
	}
	var v uint64
	switch n := len(t); {
	case n == 8:
		v = binary.LittleEndian.Uint64([]byte(t))
	case n >= 4:
		v = uint64(binary.LittleEndian.Uint32([]byte(t[:4]))) | uint64(binary.LittleEndian.Uint32([]byte(t[n-4:])))<<32
	case n > 0:
		v = uint64(t[0]) | uint64(t[n/2])<<8 | uint64(t[n-1])<<16
	}
	return mixHash(h, v)
}

func mixHash(h, v uint64) uint64 {
	h = (h ^ v) * 0x9e3779b97f4a7c15
	return h ^ h>>29
}

// sameTokens reports whether a and b hold the same token texts.
func sameTokens(src string, a, b []text.Token) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k].Text(src) != b[k].Text(src) {
			return false
		}
	}
	return true
}

// body keeps the title, the running text between the first sentence and
// the footer, and the headings and post lines that stand within it.
func (r *Reader) body(src string, toks []text.Token, units []unit) []text.Span {
	first, cut := -1, len(units)
	for i, u := range units {
		if first < 0 {
			if u.kind == kindProse {
				first = i
			}
			continue
		}
		if u.kind == kindFooter || r.isTrailingByline(src, toks, u) {
			cut = i
			break
		}
	}
	keep := make([]bool, len(units))
	if first < 0 {
		// No running text: keep whatever is not boilerplate, so that a
		// one-line statement is still read.
		for i, u := range units {
			switch u.kind {
			case kindTitle, kindHeading, kindText, kindLabel:
				keep[i] = true
			}
		}
		return merge(units, keep)
	}
	last := first
	for i := first; i < cut; i++ {
		if units[i].kind == kindProse {
			last = i
		}
	}
	// The line under an embedded post belongs to the post before it.
	if last+1 < cut && units[last+1].kind == kindPost {
		last++
	}
	for i, u := range units {
		switch {
		case u.kind == kindTitle:
			keep[i] = true
		case i < first-1 || i > last:
		case u.kind == kindProse || u.kind == kindPost:
			keep[i] = true
		case u.kind == kindPunct:
			keep[i] = i > 0 && keep[i-1]
		case u.kind == kindHeading && u.words >= minHeadingWords && i+1 < len(units) &&
			(units[i+1].kind == kindProse || units[i+1].kind == kindPost):
			keep[i] = i == 0 || units[i-1].kind != kindLabel
		}
	}
	// A fragment without final mark that ends a paragraph of kept text
	// belongs to it ("… ha affermato Conegliano :"), unless it is
	// boilerplate of its own kind.
	for i := 1; i < cut; i++ {
		u := units[i]
		if !keep[i] && keep[i-1] && u.para == units[i-1].para && units[i-1].kind != kindTitle &&
			(u.kind == kindHeading || u.kind == kindLabel) && !allCapitalised(toks[u.t0:u.t1]) {
			keep[i] = true
		}
	}
	return merge(units, keep)
}

// allCapitalised reports words that all start with a capital, as tags and
// link titles do ("Rússland Tesla Bandaríkin").
func allCapitalised(toks []text.Token) bool {
	for _, t := range toks {
		if t.Word && !t.Upper && !t.Digits {
			return false
		}
	}
	return true
}

// isTrailingByline matches an author line after the text ("Di Milena
// Sala", "By Jane Doe"): the author box that follows ends the article.
func (r *Reader) isTrailingByline(src string, toks []text.Token, u unit) bool {
	if u.words > 6 {
		return false
	}
	end := r.bylinePrefixAt(src, toks, u.t0, u.t1)
	return end > 0 && countWords(toks[end:u.t1]) == 0
}

// merge joins kept units that follow each other in one paragraph.
func merge(units []unit, keep []bool) []text.Span {
	var out []text.Span
	prevPara := -1
	for i, u := range units {
		if !keep[i] {
			prevPara = -1
			continue
		}
		if n := len(out); n > 0 && prevPara == u.para {
			out[n-1].End = u.End
		} else {
			out = append(out, u.Span)
		}
		prevPara = u.para
	}
	return out
}
