package claims

import (
	"context"
	"crypto/sha256"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/hearsay-go/hearsay/entities"
	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/quantity"
	"github.com/hearsay-go/hearsay/quotes"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/text/article"
	"github.com/hearsay-go/hearsay/text/markup"
	"github.com/hearsay-go/hearsay/text/sentence"
	"github.com/hearsay-go/hearsay/worthy"
)

// DefaultMaxBytes is the default size limit of one document: far above any
// news article, low enough that one bad input cannot exhaust memory.
const DefaultMaxBytes = 32 << 20

// Document is one article to read.
type Document struct {
	// ID names the document in results; the command uses the file's name.
	ID string
	// Text is the article as scraped, UTF-8.
	Text string
	// Lang is an ISO 639-1 code; empty means detect it.
	Lang string
	// URL and Published are carried into the result for citation.
	URL       string
	Published time.Time
}

// Extractor reads articles. Build it once with New: it holds the parsed
// language packs and per-language rules. It is immutable and safe for
// concurrent use by many goroutines.
type Extractor struct {
	reg      *lang.Registry
	maxBytes int
	units    Units
	langs    map[string]*pipeline
	neutral  *pipeline
}

// pipeline is the per-language set of stages.
type pipeline struct {
	pack     *lang.Pack
	segment  *sentence.Segmenter
	articles *article.Reader
	entities *entities.Recognizer
	quotes   *quotes.Finder
	numbers  *quantity.Finder
	worthy   *worthy.Scorer
}

func newPipeline(p *lang.Pack, c *config) *pipeline {
	return &pipeline{
		pack:     p,
		segment:  sentence.New(p),
		articles: article.New(p),
		entities: entities.NewRecognizer(p, c.gaz, entities.WithProse(c.prose), entities.WithNotNames(c.calendar...)),
		quotes:   quotes.New(p),
		numbers:  quantity.New(p),
		worthy:   worthy.New(p),
	}
}

// Option configures an Extractor.
type Option func(*config) error

type config struct {
	reg      *lang.Registry
	gaz      *entities.Gazetteer
	langs    []string
	maxBytes int
	units    Units
	prose    bool
	calendar []string // month and day names of every language
}

// WithGazetteer uses the given names instead of the built-in gazetteer
// (entities.DefaultGazetteer), for example one extended with a newsroom's
// own list (entities.NewGazetteer).
func WithGazetteer(g *entities.Gazetteer) Option {
	return func(c *config) error {
		if g == nil {
			return fmt.Errorf("claims: nil gazetteer")
		}
		c.gaz = g
		return nil
	}
}

// WithProse turns on prose/v2's part-of-speech and entity signals for
// English text (off by default: see README.md for what they cost and add).
func WithProse(on bool) Option {
	return func(c *config) error {
		c.prose = on
		return nil
	}
}

// WithRegistry uses the given language packs instead of the built-in ones.
func WithRegistry(r *lang.Registry) Option {
	return func(c *config) error {
		if r == nil {
			return fmt.Errorf("claims: nil registry")
		}
		c.reg = r
		return nil
	}
}

// WithLanguages limits the extractor to some installed languages, for
// detection as well as for documents that name their language.
func WithLanguages(codes ...string) Option {
	return func(c *config) error {
		c.langs = append(c.langs, codes...)
		return nil
	}
}

// WithMaxBytes sets the largest document Extract accepts; larger ones get a
// *TooLargeError. Zero or less means no limit.
func WithMaxBytes(n int) Option {
	return func(c *config) error {
		c.maxBytes = n
		return nil
	}
}

// Units are the offset units a result's JSON carries besides bytes.
type Units uint8

const (
	// CodePoints adds start_cp and end_cp: Unicode code points, as Python
	// strings count.
	CodePoints Units = 1 << iota
	// UTF16 adds start_u16 and end_u16: UTF-16 code units, as JavaScript
	// and Java strings count.
	UTF16
)

// WithOffsets makes every span in the results' JSON carry its offsets in
// these units as well as in bytes (Result.Units). Byte offsets stay the
// spans' own; text.Index converts them in Go.
func WithOffsets(u Units) Option {
	return func(c *config) error {
		if u&^(CodePoints|UTF16) != 0 {
			return fmt.Errorf("claims: unknown offset units %#x", uint8(u))
		}
		c.units = u
		return nil
	}
}

// New builds an Extractor: it parses the language packs and prepares every
// language's rules once.
func New(opts ...Option) (*Extractor, error) {
	c := config{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		if err := o(&c); err != nil {
			return nil, err
		}
	}
	if c.reg == nil {
		r, err := lang.Default()
		if err != nil {
			return nil, fmt.Errorf("claims: loading language packs: %w", err)
		}
		c.reg = r
	}
	if len(c.langs) > 0 {
		packs := make([]*lang.Pack, 0, len(c.langs))
		for _, code := range c.langs {
			p, ok := c.reg.Get(code)
			if !ok {
				return nil, fmt.Errorf("claims: %w %q (installed: %v)", ErrUnknownLanguage, code, c.reg.Codes())
			}
			packs = append(packs, p)
		}
		r, err := lang.NewRegistry(packs...)
		if err != nil {
			return nil, err
		}
		c.reg = r
	}
	if c.gaz == nil {
		g, err := entities.DefaultGazetteer()
		if err != nil {
			return nil, fmt.Errorf("claims: loading gazetteer: %w", err)
		}
		c.gaz = g
	}
	// Articles quote other languages' dates ("February 13, 2021" under an
	// embedded post in an Icelandic article): no month is a name.
	for _, code := range c.reg.Codes() {
		p, _ := c.reg.Get(code)
		c.calendar = append(append(c.calendar, p.Months...), p.Days...)
	}
	x := &Extractor{reg: c.reg, maxBytes: c.maxBytes, units: c.units, langs: map[string]*pipeline{}, neutral: newPipeline(nil, &c)}
	for _, code := range c.reg.Codes() {
		p, _ := c.reg.Get(code)
		x.langs[code] = newPipeline(p, &c)
	}
	return x, nil
}

// Languages returns the codes of the languages the extractor reads.
func (x *Extractor) Languages() []string { return x.reg.Codes() }

// Extract reads one document. It returns an error, and no partial result,
// for invalid UTF-8, a document over the size limit, an unknown language or
// a cancelled context.
func (x *Extractor) Extract(ctx context.Context, doc Document) (res *Result, err error) {
	// A bug in a stage must not bring down a pipeline reading millions of
	// articles: it becomes this document's error. Fuzz tests keep this
	// path unused.
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: %v", ErrInternal, r)
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src := doc.Text
	if x.maxBytes > 0 && len(src) > x.maxBytes {
		return nil, &TooLargeError{Size: len(src), Limit: x.maxBytes}
	}
	if !utf8.ValidString(src) {
		return nil, &InvalidUTF8Error{Offset: firstInvalid(src)}
	}
	// The stages read a copy with HTML left in the text and control
	// characters masked, the same length, so that every offset they give
	// is one of src; texts are taken from src.
	work, _ := markup.Mask(src)
	res = &Result{ID: doc.ID, URL: doc.URL, Published: doc.Published, Units: x.units, src: src, work: work}
	pl := x.neutral
	if doc.Lang != "" {
		p, ok := x.langs[doc.Lang]
		if !ok {
			return nil, fmt.Errorf("%w %q (installed: %v)", ErrUnknownLanguage, doc.Lang, x.reg.Codes())
		}
		pl, res.Lang, res.LangConfidence = p, doc.Lang, 1
	} else if d := x.reg.Detect(work); d.Code != "" {
		pl, res.Lang, res.LangConfidence = x.langs[d.Code], d.Code, d.Confidence
	}

	paragraphs := text.Paragraphs(work)
	// The page's tokens serve every stage and do not outlive Extract:
	// their buffer goes back to a pool for the next document.
	buf := tokenBuffers.Get().(*[]text.Token)
	page := pl.articles.ReadInto(*buf, work, paragraphs, pl.segment)
	defer func() {
		if cap(page.Tokens) <= maxPooledTokens {
			*buf = page.Tokens[:0]
		}
		tokenBuffers.Put(buf)
	}()
	res.Title, res.Byline, res.Date, res.Body = page.Title, page.Byline, page.Date, page.Body
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	res.Sentences = splitAtBody(work, page.Sentences, res.Body)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// Entities come from the body's sentences only; their sentence
	// indices are mapped back to Sentences.
	bodySents := make([]text.Span, 0, len(res.Sentences))
	index := make([]int, 0, len(res.Sentences))
	for i, s := range res.BodySentences() {
		bodySents = append(bodySents, s.Span)
		index = append(index, i)
	}
	tokens := tokenRuns(page.Tokens, bodySents)
	if res.Entities, err = pl.entities.FindTokens(ctx, work, bodySents, tokens); err != nil {
		return nil, err
	}
	// Statements read the same sentences and the entities found in them;
	// both are mapped back to Sentences afterwards.
	statements, err := pl.quotes.FindTokens(ctx, work, bodySents, tokens, res.Entities)
	if err != nil {
		return nil, err
	}
	for _, e := range res.Entities {
		for k := range e.Mentions {
			e.Mentions[k].Sentence = index[e.Mentions[k].Sentence]
		}
	}
	// The article's own check-worthy sentences are found first, so that
	// the claims are allocated once, at their number.
	ws := pl.worthyStatements(work, bodySents, tokens, statements)
	res.Claims = make([]Claim, 0, len(statements)+len(ws))
	docHash := hashText(src)
	mentions := sortedMentions(res.Entities)
	for _, st := range statements {
		c := Claim{
			Kind: kindOf(st.Kind), Form: st.Form, Span: st.Content, Text: st.Content.Text(src),
			Speaker: st.Speaker, Cue: st.Cue, Sentence: index[st.Sentence], Lang: res.Lang, Confidence: st.Confidence,
		}
		c.ID = claimID(docHash, c.Kind, c.Span)
		c.Entities = mentions.keysIn(c.Span)
		c.Quantities = pl.numbers.Append(nil, work, c.Span)
		if run, ok := alignedRun(page.Tokens, c.Span); ok {
			c.Worthiness, c.Why = pl.worthy.ScoreTokens(work, c.Span, run, c.Quantities)
		} else {
			c.Worthiness, c.Why = pl.worthy.Score(work, c.Span, c.Quantities)
		}
		res.Claims = append(res.Claims, c)
	}
	res.Claims = appendStatements(res.Claims, res, ws, bodySents, index, docHash, mentions)
	if work != src {
		snapToReferences(res, docHash)
	}
	return res, ctx.Err()
}

// tokenBuffers holds the token slices of Extract; one that grew beyond
// maxPooledTokens for a huge document is left to the collector.
var tokenBuffers = sync.Pool{New: func() any { return new([]text.Token) }}

const maxPooledTokens = 1 << 16

// tokenRuns returns the tokens of each span: the run of toks (in order, as
// article.Page.Tokens) that lies inside it. Spans start and end at token
// boundaries, so the runs are the spans' own tokens.
func tokenRuns(toks []text.Token, spans []text.Span) [][]text.Token {
	runs := make([][]text.Token, len(spans))
	k := 0
	for i, sp := range spans {
		k += sort.Search(len(toks)-k, func(j int) bool { return toks[k+j].Start >= sp.Start })
		e := k
		for e < len(toks) && toks[e].End <= sp.End {
			e++
		}
		runs[i] = toks[k:e:e]
		k = e
	}
	return runs
}

// alignedRun returns the run of toks (in order, as article.Page.Tokens)
// that covers sp exactly: its first token starts at sp.Start and its last
// ends at sp.End. Such a span's tokens are the ones tokenizing it alone
// gives; a span that starts or ends inside a token or in white space has
// none (false).
func alignedRun(toks []text.Token, sp text.Span) ([]text.Token, bool) {
	k := sort.Search(len(toks), func(j int) bool { return toks[j].Start >= sp.Start })
	if k == len(toks) || toks[k].Start != sp.Start {
		return nil, false
	}
	e := k + sort.Search(len(toks)-k, func(j int) bool { return toks[k+j].Start >= sp.End })
	if e == k || toks[e-1].End != sp.End {
		return nil, false
	}
	return toks[k:e:e], true
}

// hashText is the SHA-256 of s. The hash only reads its input, so s is
// handed to it in place: a copy would cost an allocation the size of the
// document.
func hashText(s string) [32]byte {
	return sha256.Sum256(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// snapToReferences widens the spans of a result read from a masked copy
// that begin or end inside a character reference of the source
// (markup.Snap), so that each holds whole references: a claim read as
// “…” from "&ldquo;…&rdquo;" spans both references.
func snapToReferences(res *Result, docHash [32]byte) {
	src := res.src
	snap := func(sp *text.Span) {
		if !sp.Empty() {
			sp.Start, sp.End = markup.Snap(src, sp.Start, sp.End)
		}
	}
	for _, sp := range []*text.Span{&res.Title, &res.Byline, &res.Date} {
		snap(sp)
	}
	for i := range res.Body {
		snap(&res.Body[i])
	}
	for i := range res.Sentences {
		snap(&res.Sentences[i].Span)
	}
	for i := range res.Entities {
		for k := range res.Entities[i].Mentions {
			snap(&res.Entities[i].Mentions[k].Span)
		}
	}
	for i := range res.Claims {
		c := &res.Claims[i]
		snap(&c.Span)
		snap(&c.Cue)
		snap(&c.Speaker.Mention)
		for k := range c.Quantities {
			snap(&c.Quantities[k].Span)
		}
		c.Text = c.Span.Text(src)
		c.ID = claimID(docHash, c.Kind, c.Span)
	}
}

// splitAtBody cuts sentences where the body starts or ends inside them, so
// that every sentence lies wholly inside or outside the body, and marks
// the ones inside.
func splitAtBody(src string, sents, body []text.Span) []Sentence {
	out := make([]Sentence, 0, len(sents))
	b := 0
	for _, s := range sents {
		for b < len(body) && body[b].End <= s.Start {
			b++
		}
		at := s.Start
		for k := b; k < len(body) && body[k].Start < s.End; k++ {
			in := body[k]
			if in.Start > at {
				out = appendSentence(out, src, text.Span{Start: at, End: in.Start}, false)
			}
			at = max(at, in.Start)
			end := min(in.End, s.End)
			out = appendSentence(out, src, text.Span{Start: at, End: end}, true)
			at = end
		}
		if at < s.End {
			out = appendSentence(out, src, text.Span{Start: at, End: s.End}, false)
		}
	}
	return out
}

func appendSentence(out []Sentence, src string, sp text.Span, inBody bool) []Sentence {
	sp = sp.Trim(src)
	if sp.Empty() {
		return out
	}
	return append(out, Sentence{Span: sp, InBody: inBody})
}

func firstInvalid(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return len(s)
}

// keyedMention is an entity mention with its entity's key.
type keyedMention struct {
	text.Span
	key string
}

type mentionList []keyedMention

// sortedMentions lists every entity mention by start offset.
func sortedMentions(ents []entities.Entity) mentionList {
	n := 0
	for _, e := range ents {
		n += len(e.Mentions)
	}
	ms := make(mentionList, 0, n)
	for _, e := range ents {
		for _, m := range e.Mentions {
			ms = append(ms, keyedMention{Span: m.Span, key: e.Key})
		}
	}
	slices.SortFunc(ms, func(a, b keyedMention) int { return a.Start - b.Start })
	return ms
}

// keysIn returns the keys of the entities mentioned inside sp, in order of
// first mention, without repeats.
func (ms mentionList) keysIn(sp text.Span) []string {
	i, _ := slices.BinarySearchFunc(ms, sp.Start, func(m keyedMention, off int) int { return m.Start - off })
	var keys []string
	for ; i < len(ms) && ms[i].Start < sp.End; i++ {
		if ms[i].End <= sp.End && !slices.Contains(keys, ms[i].key) {
			keys = append(keys, ms[i].key)
		}
	}
	return keys
}
