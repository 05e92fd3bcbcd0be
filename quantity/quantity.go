package quantity

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

// Kind is what a quantity measures.
type Kind uint8

const (
	Number  Kind = iota // a plain number or count: "5 million", "two"
	Money               // an amount of money: "$ 1 billion", "5 milljónir króna"
	Percent             // a percentage: "5%", "2,5 Prozent"
	Date                // a calendar date, month or year: "13. Februar 2021"
	Measure             // a number with a unit: "10 km", "5 years"
)

var kindNames = [...]string{"number", "money", "percent", "date", "measure"}

// String returns the kind's name: "number", "money", "percent", "date" or
// "measure".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText writes the kind's name, so JSON carries "money", not 1.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Quantity is a number found in a text, with what it counts.
type Quantity struct {
	// Span is where the quantity is written: src[Start:End] is exactly its
	// text, from the currency or sign before the number to the last word
	// after it ("180 miliardi di dollari"); approximators before it
	// ("oltre") are left out.
	text.Span
	Kind Kind `json:"kind"`
	// Value is the number with its scale words applied ("5 million" is
	// 5e6, "2,5 %" is 2.5); 0 for dates.
	Value float64 `json:"value"`
	// Unit is the ISO 4217 code for money ("USD"), "%" for percentages, the
	// unit's symbol for measures ("km", "year"), "" for plain numbers and,
	// for dates, the ISO 8601 date: "2021-02-13", "2021-02", "2021", or
	// "--02-13" for a day and month without a year.
	Unit string `json:"unit,omitempty"`
}

// builtinCurrencies are symbols and ISO codes, read in every language and
// without a pack. A pack's own entries come first and win.
var builtinCurrencies = [][2]string{
	{"$", "USD"}, {"US$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₽", "RUB"}, {"₹", "INR"}, {"₩", "KRW"},
	{"₺", "TRY"}, {"₴", "UAH"}, {"₪", "ILS"}, {"C$", "CAD"}, {"A$", "AUD"}, {"R$", "BRL"}, {"HK$", "HKD"},
	{"USD", "USD"}, {"EUR", "EUR"}, {"GBP", "GBP"}, {"JPY", "JPY"}, {"CHF", "CHF"}, {"CNY", "CNY"}, {"RUB", "RUB"},
	{"ISK", "ISK"}, {"SEK", "SEK"}, {"NOK", "NOK"}, {"DKK", "DKK"}, {"CAD", "CAD"}, {"AUD", "AUD"}, {"INR", "INR"},
	{"BRL", "BRL"}, {"PLN", "PLN"}, {"CZK", "CZK"}, {"HUF", "HUF"}, {"UAH", "UAH"}, {"KRW", "KRW"}, {"ZAR", "ZAR"},
	{"MXN", "MXN"}, {"HKD", "HKD"}, {"SGD", "SGD"}, {"NZD", "NZD"}, {"TRY", "TRY"},
}

// Finder finds quantities in text with one language's knowledge. It is
// immutable after New and safe for concurrent use: build one per pack and
// share it.
type Finder struct {
	lex     lexicon
	months  map[string]int // lower-case month name → 1–12
	monthLo int            // the shortest and longest month name, in bytes
	monthHi int
	initial [utf8.RuneSelf]bool // ASCII letters that begin a month name; others are looked up
	// initials are the first runes of the month names; pairs holds a bit
	// for the first two runes of each name when both are ASCII.
	initials []rune
	pairs    [utf8.RuneSelf * utf8.RuneSelf / 64]uint64
	decimal  rune
	groups   []rune
	order    string // numeric dates: "dmy", "mdy", "ymd" or ""
}

// New prepares a Finder for the pack's language. With a nil pack it reads
// digits ("1,234.5"), currency symbols and codes ("$", "€", "USD") and
// "%", and ISO dates ("2021-02-13").
func New(p *lang.Pack) *Finder {
	f := &Finder{decimal: '.', groups: []rune{','}, months: map[string]int{}}
	l := &f.lex
	if p != nil {
		if r, _ := utf8.DecodeRuneInString(p.DecimalSeparator); p.DecimalSeparator != "" {
			f.decimal = r
		}
		if p.DecimalSeparator != "" || len(p.GroupSeparators) > 0 {
			f.groups = f.groups[:0]
			for _, g := range p.GroupSeparators {
				r, _ := utf8.DecodeRuneInString(g)
				f.groups = append(f.groups, r)
			}
		}
		f.order = p.NumericDates
		for _, m := range p.Months {
			low := strings.ToLower(m)
			if n := p.MonthNumber(low); n > 0 {
				f.months[low] = n
				if f.monthLo == 0 || len(low) < f.monthLo {
					f.monthLo = len(low)
				}
				f.monthHi = max(f.monthHi, len(low))
				if c := low[0]; c < utf8.RuneSelf {
					f.initial[c] = true
				}
				r1, n1 := utf8.DecodeRuneInString(low)
				if !slices.Contains(f.initials, r1) {
					f.initials = append(f.initials, r1)
				}
				if r2, _ := utf8.DecodeRuneInString(low[n1:]); r1 < utf8.RuneSelf && r2 < utf8.RuneSelf && n1 < len(low) {
					k := int(r1)*utf8.RuneSelf + int(r2)
					f.pairs[k/64] |= 1 << (k % 64)
				}
			}
		}
		for w, v := range p.Scales {
			l.add(w, clsScale, v, "")
		}
		for w, c := range p.Currencies {
			l.add(w, clsCurrency, 0, c)
		}
		for w, s := range p.Units {
			l.add(w, clsUnit, 0, s)
		}
		for w, v := range p.NumberWords {
			l.add(w, clsNumberWord, v, "")
		}
		for _, set := range []struct {
			words []string
			cls   class
		}{
			{p.Percent, clsPercent},
			{p.Approximators, clsApprox},
			{p.UnitConnectors, clsConnector},
			{p.YearPrepositions, clsYearPrep},
			{p.DaySuffixes, clsDaySuffix},
			{p.DateConnectors, clsDateConnector},
		} {
			for _, w := range set.words {
				l.add(w, set.cls, 0, "")
			}
		}
	}
	for _, c := range builtinCurrencies {
		l.add(c[0], clsCurrency, 0, c[1])
	}
	l.add("%", clsPercent, 0, "")
	l.add("％", clsPercent, 0, "")
	// Map iteration order is random: sort the entries so that ties between
	// entries of one length resolve the same way in every process.
	sortEntries(l.entries)
	l.build()
	return f
}

// monthPair reports whether a month name begins with the folded ASCII
// letters a and b.
func (f *Finder) monthPair(a, b byte) bool {
	k := int(a)*utf8.RuneSelf + int(b)
	return f.pairs[k/64]&(1<<(k%64)) != 0
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// sortEntries orders entries by text and class; the sort is stable, so a
// pack's entry (added first) stays before a built-in one with the same text.
func sortEntries(es []entry) {
	sort.SliceStable(es, func(a, b int) bool {
		if es[a].text != es[b].text {
			return es[a].text < es[b].text
		}
		return es[a].cls < es[b].cls
	})
}

// Append appends the quantities inside sp to dst, in text order and
// without overlaps, and returns the extended slice. sp is clipped to src.
func (f *Finder) Append(dst []Quantity, src string, sp text.Span) []Quantity {
	c := sp.Clip(src)
	start, end := c.Start, c.End
	s := scan{f: f, src: src, start: start, end: end}
	i := start
	for i < end {
		c := src[i]
		if isDigit(c) {
			if s.midToken(i) {
				i = s.skipToken(i)
				continue
			}
			q, next, ok := s.number(i, ctx{start: i})
			if ok {
				dst = appendFinite(dst, q)
			}
			i = next
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(src[i:end])
		}
		if isSpace(r) {
			i += n
			continue
		}
		if (r == '-' || r == '−' || r == '+') && i+n < end && isDigit(src[i+n]) && !s.wordBefore(i) {
			q, next, ok := s.number(i+n, ctx{start: i, neg: r != '+'})
			if ok {
				dst = appendFinite(dst, q)
			}
			i = next
			continue
		}
		wordStart := isWordRune(r) && !s.wordBefore(i)
		if (!isWordRune(r) || wordStart) && f.lex.prefixes.may(src, i, end) {
			if e, j, ok := f.lex.match(src, i, end, clsCurrency); ok && e.prefix {
				if k := skipSpaces(src, j, end); k < end && isDigit(src[k]) {
					if q, next, ok := s.number(k, ctx{start: i, cur: e}); ok {
						dst = appendFinite(dst, q)
						i = next
						continue
					}
				}
			}
		}
		if wordStart {
			q, next, ok := s.word(i)
			if ok {
				dst = appendFinite(dst, q)
			}
			i = next
			continue
		}
		if isWordRune(r) {
			i = s.skipToken(i)
			continue
		}
		i += n
	}
	return dst
}

// appendFinite keeps a quantity whose value a float64 holds: a run of
// hundreds of digits is no quantity anyone states, and JSON has no
// infinity.
func appendFinite(dst []Quantity, q Quantity) []Quantity {
	if math.IsInf(q.Value, 0) || math.IsNaN(q.Value) {
		return dst
	}
	return append(dst, q)
}

// ctx is what stands before a number.
type ctx struct {
	start  int    // where the quantity begins: currency, sign or number
	cur    *entry // a currency before the number
	neg    bool   // a minus sign before it
	approx bool   // an approximator before it: a count, not a year
	year   bool   // a year preposition before it
}

// scan is one Append call's state.
type scan struct {
	f          *Finder
	src        string
	start, end int
}

// wordBefore reports whether a letter or digit stands right before i.
func (s *scan) wordBefore(i int) bool {
	if i <= s.start {
		return false
	}
	if c := s.src[i-1]; c < utf8.RuneSelf {
		return isWordRune(rune(c))
	}
	r, _ := utf8.DecodeLastRuneInString(s.src[s.start:i])
	return isWordRune(r)
}

// midToken reports whether the digit at i continues a token: a letter or
// digit before it ("A380"), or a joiner after one ("COVID-19", "v1.2");
// a hyphen between digits starts a range's second number ("2019-2021").
func (s *scan) midToken(i int) bool {
	if i <= s.start {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(s.src[s.start:i])
	if isWordRune(r) {
		return true
	}
	switch r {
	case '.', ',', ':', '/', '\'', '’', '-', '_':
	default:
		return false
	}
	if i-n <= s.start {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(s.src[s.start : i-n])
	if r == '-' && p < utf8.RuneSelf && isDigit(byte(p)) {
		return false
	}
	return isWordRune(p)
}

// skipToken returns the end of the token at i: letters, digits and the
// joiners between them.
func (s *scan) skipToken(i int) int {
	src, end := s.src, s.end
	for i < end {
		// ASCII letters and digits without a call.
		if c := src[i]; c < utf8.RuneSelf && asciiWord[c] {
			i++
			continue
		}
		r, n := decodeAt(src, i, end)
		if isWordRune(r) {
			i += n
			continue
		}
		switch r {
		case '.', ',', ':', '/', '\'', '’', '-', '_', '‐':
			if next, _ := decodeAt(src, i+n, end); i+n < end && isWordRune(next) {
				i += n
				continue
			}
		}
		break
	}
	return i
}

// word reads at the start of a word: a date that opens with a month, an
// approximator or year preposition before a number, or a number word. It
// returns the offset to go on from, always past i.
func (s *scan) word(i int) (Quantity, int, bool) {
	src, end, lex := s.src, s.end, &s.f.lex
	if m, j := s.monthAt(i); m != 0 {
		if q, ok := s.monthFirst(i, m, j); ok {
			return q, q.End, true
		}
	}
	if !lex.words.may(src, i, end) {
		return Quantity{}, s.skipToken(i), false
	}
	if e, j, ok := lex.match(src, i, end, wordClasses); ok {
		if e.cls == clsNumberWord {
			if q, ok := s.after(i, j, ctx{start: i}, wordNum(e.val)); ok {
				return q, q.End, true
			}
			return Quantity{}, j, false
		}
		k := skipSpaces(src, j, end)
		if k < end && isDigit(src[k]) && (k > j || !e.word) {
			return s.number(k, ctx{start: k, approx: e.cls == clsApprox, year: e.cls == clsYearPrep})
		}
		if j > i {
			return Quantity{}, j, false
		}
	}
	return Quantity{}, s.skipToken(i), false
}

// num is a number read from digits or a word: mant / 10^frac when exact,
// else approx / 10^frac.
type num struct {
	mant    uint64
	frac    int
	exact   bool
	approx  float64
	integer bool // digits only, no separators
	digits  int  // how many digits, when integer
	small   bool // a number word worth 1: a quantity only with a scale
}

// value returns the number times mult. An exact mantissa is multiplied
// before the division, so "2,3 Milliarden" is 23e9/10 = 2.3e9, rounded
// once.
func (n num) value(mult float64) float64 {
	if n.exact && n.frac < len(pow10) {
		if p := float64(n.mant) * mult; p < 1<<53 {
			return p / pow10[n.frac]
		}
		return float64(n.mant) / pow10[n.frac] * mult
	}
	return n.approx / math.Pow10(n.frac) * mult
}

// wordNum is a number word's value.
func wordNum(v float64) num {
	if v == math.Trunc(v) && v < 1<<53 {
		return num{mant: uint64(v), exact: true, small: v < 2}
	}
	return num{approx: v, small: v < 2}
}

// number reads the number whose first digit is at i, and what follows it.
// It returns the offset to go on from, always past i.
func (s *scan) number(i int, c ctx) (Quantity, int, bool) {
	src, end := s.src, s.end
	if q, j, ok := s.numericDate(i); ok {
		return q, j, true
	} else if j > i {
		return Quantity{}, j, false
	}
	// A leading zero makes a code or a number's tail, not a quantity
	// ("007", the "000" of "15 000" where a space groups no digits).
	if src[i] == '0' && i+1 < end && isDigit(src[i+1]) {
		return Quantity{}, s.skipToken(i), false
	}
	n, j := s.digits(i)
	// A joiner and a digit after the number: a version, an address, a
	// time or a ratio, not a quantity ("1.2.3", "15:51", "24/7").
	if j+1 < end && isDigit(src[j+1]) {
		switch src[j] {
		case '.', ',', ':', '/':
			return Quantity{}, s.skipToken(i), false
		}
	}
	if c.cur == nil && !c.neg && n.integer && n.digits <= 2 && n.mant >= 1 && n.mant <= 31 {
		if q, ok := s.dayFirst(i, j, int(n.mant)); ok {
			return q, q.End, true
		}
	}
	q, ok := s.after(i, j, c, n)
	if !ok {
		return Quantity{}, s.skipToken(i), false
	}
	return q, q.End, true
}

// digits parses the digits at i with the language's separators: groups of
// three after the group separator ("1.234.567"), a fraction after the
// decimal separator.
func (s *scan) digits(i int) (num, int) {
	src, end := s.src, s.end
	n := num{exact: true, integer: true}
	push := func(d byte) {
		n.approx = n.approx*10 + float64(d-'0')
		if n.mant > (1<<53-10)/10 {
			n.exact = false
		}
		n.mant = n.mant*10 + uint64(d-'0')
	}
	j := i
	for j < end && isDigit(src[j]) {
		push(src[j])
		j++
	}
	n.digits = j - i
	if n.digits <= 3 {
		for {
			g, ok := s.group(j)
			if !ok {
				break
			}
			for k := 0; k < 3; k++ {
				push(src[j+g+k])
			}
			j += g + 3
			n.integer = false
		}
	}
	if r, w := decodeAt(src, j, end); r == s.f.decimal && j+w < end && isDigit(src[j+w]) {
		j += w
		for j < end && isDigit(src[j]) {
			push(src[j])
			n.frac++
			j++
		}
		n.integer = false
	}
	return n, j
}

// group returns the width of a group separator at j that three digits and
// then no digit follow.
func (s *scan) group(j int) (int, bool) {
	r, w := decodeAt(s.src, j, s.end)
	if w == 0 {
		return 0, false
	}
	for _, g := range s.f.groups {
		if r != g {
			continue
		}
		k := j + w
		if k+3 > s.end || !isDigit(s.src[k]) || !isDigit(s.src[k+1]) || !isDigit(s.src[k+2]) {
			return 0, false
		}
		if k+3 < s.end && isDigit(s.src[k+3]) {
			return 0, false
		}
		return w, true
	}
	return 0, false
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// after reads the words after a number that ends at j and begins the
// quantity at c.start: scale words, then a percent word, a currency or a
// unit, joined by a connector after a scale ("miliardi di dollari").
func (s *scan) after(i, j int, c ctx, n num) (Quantity, bool) {
	src, end, lex := s.src, s.end, &s.f.lex
	q := Quantity{Span: text.Span{Start: c.start, End: j}}
	if c.cur != nil {
		q.Kind, q.Unit = Money, c.cur.sym
	}
	attached := j < end && isLetterAt(src, j, end)
	pos := j
	// Scale words, a larger one after a smaller ("hundred million").
	mult, last := 1.0, 0.0
	for k := 0; k < 2; k++ {
		at := s.gap(pos, true)
		e, e2, ok := lex.match(src, at, end, clsScale)
		if !ok || e.val <= last {
			break
		}
		// A word that is also a unit ("m") is a unit unless money is
		// counted ("$5m"); a scale written in capitals ("M") beats a
		// unit it matches only ignoring case ("m").
		if c.cur == nil {
			if u, u2, ok := lex.match(src, at, end, clsUnit); ok && u2 >= e2 && (u.exact || !e.exact) {
				break
			}
		}
		mult *= e.val
		last, pos = e.val, e2
	}
	scaled := last > 0
	if n.small && !scaled {
		return q, false
	}
	// A symbol that a digit follows is the next number's ("5 million $5").
	if e, e2, ok := lex.match(src, s.gap(pos, true), end, clsPercent|clsCurrency|clsUnit); ok && !(e2 < end && isDigit(src[e2])) {
		switch {
		case e.cls == clsPercent:
			q.Kind, q.Unit, pos = Percent, "%", e2
		case e.cls == clsCurrency && c.cur == nil:
			q.Kind, q.Unit, pos = Money, e.sym, e2
		case e.cls == clsUnit && c.cur == nil:
			q.Kind, q.Unit, pos = Measure, e.sym, e2
		}
	} else if scaled && c.cur == nil {
		if _, k, ok := lex.match(src, skipSpaces(src, pos, end), end, clsConnector); ok {
			k = skipSpaces(src, k, end)
			if e, e2, ok := lex.match(src, k, end, clsCurrency|clsUnit); ok {
				if e.cls == clsCurrency {
					q.Kind = Money
				} else {
					q.Kind = Measure
				}
				q.Unit, pos = e.sym, e2
			}
		}
	}
	// Letters right after the digits that are no scale, unit or currency
	// make a token of their own ("3D", "1990s", "10am").
	if attached && pos == j {
		return q, false
	}
	q.End = pos
	q.Value = n.value(mult)
	if c.neg {
		q.Value = -q.Value
	}
	if q.Kind == Number && !scaled && c.year && !c.approx && n.integer && n.digits == 4 && n.mant >= 1900 && n.mant <= 2099 {
		q.Kind, q.Value, q.Unit = Date, 0, isoDate(int(n.mant), 0, 0)
	}
	return q, true
}

// gap returns where a word after pos may begin: pos itself, or after white
// space, or (when hyphen is set) after a hyphen ("20-million", "5-year").
func (s *scan) gap(pos int, hyphen bool) int {
	k := skipSpaces(s.src, pos, s.end)
	if k == pos && hyphen {
		if r, w := decodeAt(s.src, pos, s.end); isHyphen(r) {
			return pos + w
		}
	}
	return k
}

func isLetterAt(src string, j, end int) bool {
	r, _ := decodeAt(src, j, end)
	return isLetter(r)
}

func decodeAt(src string, j, end int) (rune, int) {
	if j >= end {
		return utf8.RuneError, 0
	}
	if c := src[j]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(src[j:end])
}

func skipSpaces(src string, i, end int) int {
	for i < end {
		r, n := decodeAt(src, i, end)
		if !isSpace(r) {
			break
		}
		i += n
	}
	return i
}

// readDigits returns the value of the digits at i (the first nine), how
// many there are, and where they end.
func readDigits(src string, i, end int) (v, n, j int) {
	j = i
	for j < end && isDigit(src[j]) {
		if n < 9 {
			v = v*10 + int(src[j]-'0')
		}
		n++
		j++
	}
	return v, n, j
}

// isoDate writes a date as ISO 8601: "2021-02-13", "2021-02", "2021", or
// "--02-13" without a year.
func isoDate(year, month, day int) string {
	var b [10]byte
	out := b[:0]
	if year > 0 {
		out = appendPad(out, year, 4)
	} else {
		out = append(out, '-')
	}
	if month > 0 {
		out = append(out, '-')
		out = appendPad(out, month, 2)
		if day > 0 {
			out = append(out, '-')
			out = appendPad(out, day, 2)
		}
	}
	return string(out)
}

func appendPad(b []byte, v, width int) []byte {
	var d [4]byte
	for k := width - 1; k >= 0; k-- {
		d[k] = byte('0' + v%10)
		v /= 10
	}
	return append(b, d[:width]...)
}

// daysIn is the last day of a month; February has 29 without a year.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year == 0 || year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// monthAt reads a month name at i (a word the pack lists, with its
// abbreviation's dot) and returns its number and end.
func (s *scan) monthAt(i int) (int, int) {
	if len(s.f.months) == 0 {
		return 0, i
	}
	src, end := s.src, s.end
	if i >= end {
		return 0, i
	}
	// Most words begin with no month's first two letters: rule them out
	// before reading the word.
	if c := src[i]; c < utf8.RuneSelf {
		if !s.f.initial[c|0x20] {
			return 0, i
		}
		if i+1 < end && isASCIILetter(src[i+1]) && !s.f.monthPair(lowerASCII[c], lowerASCII[src[i+1]]) {
			return 0, i
		}
	} else if r, _ := decodeAt(src, i, end); !slices.Contains(s.f.initials, unicode.ToLower(r)) {
		return 0, i
	}
	var buf [48]byte
	b := buf[:0]
	j := i
	for j < end {
		if c := src[j]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			if len(b)+utf8.UTFMax > len(buf) {
				return 0, i
			}
			b = append(b, lowerASCII[c])
			j++
			continue
		}
		r, n := decodeAt(src, j, end)
		if !isLetter(r) {
			break
		}
		if len(b)+utf8.UTFMax > len(buf) {
			return 0, i
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
		j += n
	}
	if j == i || len(b) < s.f.monthLo || len(b) > s.f.monthHi || !wordEnds(src, j, end) {
		return 0, i
	}
	m := s.f.months[string(b)]
	if m == 0 {
		return 0, i
	}
	// "Feb. 13": the abbreviation's dot, when a number follows.
	if j < end && src[j] == '.' {
		if k := skipSpaces(src, j+1, end); k > j+1 && k < end && isDigit(src[k]) {
			j++
		}
	}
	return m, j
}

// yearAt reads a year of four digits at i that no digit or letter follows.
func (s *scan) yearAt(i int) (int, int, bool) {
	v, n, j := readDigits(s.src, i, s.end)
	if n != 4 || v < 1000 || v > 2999 || !wordEnds(s.src, j, s.end) {
		return 0, i, false
	}
	if _, ok := s.group(j); ok {
		return 0, i, false
	}
	return v, j, true
}

// connector skips a date connector ("de", "of") and the spaces around it.
func (s *scan) connector(k int) int {
	if _, j, ok := s.f.lex.match(s.src, k, s.end, clsDateConnector); ok {
		if j2 := skipSpaces(s.src, j, s.end); j2 > j {
			return j2
		}
	}
	return k
}

// yearAfter reads ", 2021" or " de 2021" after a date's month or day.
func (s *scan) yearAfter(k int) (int, int, bool) {
	src, end := s.src, s.end
	k2 := skipSpaces(src, k, end)
	if k2 < end && src[k2] == ',' {
		k2 = skipSpaces(src, k2+1, end)
	} else if k2 == k {
		return 0, k, false
	}
	k2 = s.connector(k2)
	if k2 < end && isDigit(src[k2]) {
		return s.yearAt(k2)
	}
	return 0, k, false
}

// dayFirst reads a date that opens with the day at i ("13 February 2021",
// "13. Februar", "13 de febrero de 2021", "13th of February").
func (s *scan) dayFirst(i, j, day int) (Quantity, bool) {
	src, end, lex := s.src, s.end, &s.f.lex
	k := j
	if _, k2, ok := lex.match(src, k, end, clsDaySuffix); ok {
		k = k2
	}
	k2 := skipSpaces(src, k, end)
	if k2 == k && k == j {
		return Quantity{}, false
	}
	k2 = s.connector(k2)
	m, k3 := s.monthAt(k2)
	if m == 0 || day > daysIn(m, 0) {
		return Quantity{}, false
	}
	q := Quantity{Span: text.Span{Start: i, End: k3}, Kind: Date}
	if y, k4, ok := s.yearAfter(k3); ok && day <= daysIn(m, y) {
		q.End, q.Unit = k4, isoDate(y, m, day)
		return q, true
	}
	q.Unit = isoDate(0, m, day)
	return q, true
}

// monthFirst reads a date that opens with month m, read by monthAt from
// i to j ("February 13, 2021", "February 2021", "febrero de 2021").
func (s *scan) monthFirst(i, m, j int) (Quantity, bool) {
	src, end, lex := s.src, s.end, &s.f.lex
	k := skipSpaces(src, j, end)
	if k == j {
		return Quantity{}, false
	}
	k = s.connector(k)
	if k >= end || !isDigit(src[k]) {
		return Quantity{}, false
	}
	q := Quantity{Span: text.Span{Start: i}, Kind: Date}
	if y, k2, ok := s.yearAt(k); ok {
		q.End, q.Unit = k2, isoDate(y, m, 0)
		return q, true
	}
	day, n, k2 := readDigits(src, k, end)
	if n > 2 || day < 1 || day > daysIn(m, 0) {
		return Quantity{}, false
	}
	if _, k3, ok := lex.match(src, k2, end, clsDaySuffix); ok {
		k2 = k3
	}
	if !wordEnds(src, k2, end) {
		return Quantity{}, false
	}
	// "in March 5 million people": the number belongs to what follows.
	if _, _, ok := lex.match(src, s.gap(k2, true), end, clsScale|clsPercent|clsCurrency|clsUnit); ok {
		return Quantity{}, false
	}
	if k2 < end && (src[k2] == '.' || src[k2] == ',') && k2+1 < end && isDigit(src[k2+1]) {
		return Quantity{}, false
	}
	if y, k3, ok := s.yearAfter(k2); ok && day <= daysIn(m, y) {
		q.End, q.Unit = k3, isoDate(y, m, day)
		return q, true
	}
	q.End, q.Unit = k2, isoDate(0, m, day)
	return q, true
}

// numericDate reads a date written in digits: ISO "2021-02-13" always,
// and "13.02.2021" or "2/13/2021" in the pack's order. The second result
// is past i when the digits look like a date but are none, so the caller
// skips them.
func (s *scan) numericDate(i int) (Quantity, int, bool) {
	src, end := s.src, s.end
	a, na, j := readDigits(src, i, end)
	if j >= end || na == 0 || na > 4 {
		return Quantity{}, i, false
	}
	sep := src[j]
	if sep != '-' && sep != '/' && sep != '.' {
		return Quantity{}, i, false
	}
	b, nb, k := readDigits(src, j+1, end)
	if nb == 0 || nb > 2 || k >= end || src[k] != sep {
		return Quantity{}, i, false
	}
	c, nc, l := readDigits(src, k+1, end)
	if nc == 0 || !wordEnds(src, l, end) || (l+1 < end && src[l] == sep && isDigit(src[l+1])) {
		return Quantity{}, i, false
	}
	var y, m, d int
	switch {
	case na == 4 && nc <= 2 && (sep == '-' || s.f.order == "ymd"):
		y, m, d = a, b, c
	case na <= 2 && nc == 4 && s.f.order == "dmy":
		y, m, d = c, b, a
	case na <= 2 && nc == 4 && s.f.order == "mdy":
		y, m, d = c, a, b
	default:
		return Quantity{}, i, false
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(m, y) || y < 1000 {
		return Quantity{}, l, false
	}
	return Quantity{Span: text.Span{Start: i, End: l}, Kind: Date, Unit: isoDate(y, m, d)}, l, true
}
