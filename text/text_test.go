package text_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/text"
)

func TestSpanTrim(t *testing.T) {
	src := " \u00a0 Pútín\u200b \n"
	s := text.Span{Start: 0, End: len(src)}.Trim(src)
	assert.Equal(t, "Pútín", s.Text(src))
	assert.True(t, text.Span{Start: 0, End: 3}.Trim("   ").Empty())
}

func TestSpanRelations(t *testing.T) {
	a := text.Span{Start: 2, End: 8}
	assert.True(t, a.Contains(text.Span{Start: 2, End: 8}))
	assert.False(t, a.Contains(text.Span{Start: 1, End: 8}))
	assert.True(t, a.Overlaps(text.Span{Start: 7, End: 9}))
	assert.False(t, a.Overlaps(text.Span{Start: 8, End: 9}), "half-open: touching is not overlapping")
	assert.Equal(t, 6, a.Len())
	assert.Equal(t, "[2,8)", a.String())
}

func TestIndex(t *testing.T) {
	tests := []struct {
		name, src string
	}{
		{"ascii", "Peskov said: First of all."},
		{"icelandic", "Pútín hefur áhuga á „mjög áhugavert“."},
		{"astral", "emoji 😀 then text 𝔘 and more"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := text.NewIndex(tt.src)
			runes, units := 0, 0
			for i, r := range tt.src {
				assert.Equal(t, runes, x.Runes(i), "runes before byte %d", i)
				assert.Equal(t, units, x.UTF16(i), "utf16 before byte %d", i)
				runes++
				units += len(utf16.Encode([]rune{r}))
			}
			assert.Equal(t, runes, x.Runes(len(tt.src)))
			assert.Equal(t, units, x.UTF16(len(tt.src)))
		})
	}
}

func TestIndexLongText(t *testing.T) {
	// Long enough to cross many checkpoints, with multi-byte runes
	// straddling them.
	var src []byte
	for i := 0; i < 2000; i++ {
		src = append(src, "ab þ 😀 "[i%7:]...)
	}
	s := string(src)
	x := text.NewIndex(s)
	for off := 0; off <= len(s); off++ {
		if off < len(s) && !utf8.RuneStart(s[off]) {
			continue
		}
		want := utf8.RuneCountInString(s[:off])
		require.Equal(t, want, x.Runes(off), "offset %d", off)
		require.Equal(t, len(utf16.Encode([]rune(s[:off]))), x.UTF16(off), "offset %d", off)
	}
	sp := text.Span{Start: 10, End: 40}
	assert.Equal(t, text.Span{Start: x.Runes(10), End: x.Runes(40)}, x.SpanRunes(sp))
	assert.Equal(t, text.Span{Start: x.UTF16(10), End: x.UTF16(40)}, x.SpanUTF16(sp))
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"blank lines", "One.\n\nTwo.\n \n\nThree.", []string{"One.", "Two.", "Three."}},
		{"line per paragraph", "Headline\nFirst sentence.\nSecond line.", []string{"Headline", "First sentence.", "Second line."}},
		{"hard wrap", "The spokesman said the\nproposal was interesting.\nNext.", []string{"The spokesman said the\nproposal was interesting.", "Next."}},
		{"crlf", "One.\r\n\r\nTwo.\r\n", []string{"One.", "Two."}},
		{"only space", " \n\t\n", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range text.Paragraphs(tt.src) {
				got = append(got, p.Text(tt.src))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func FuzzParagraphs(f *testing.F) {
	for _, s := range []string{"", "a\n\nb", "x\ny", "\xff\xfe\n\n\xc3", " \u00a0\n\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		prev := 0
		for _, p := range text.Paragraphs(src) {
			require.GreaterOrEqual(t, p.Start, prev)
			require.Less(t, p.Start, p.End)
			require.LessOrEqual(t, p.End, len(src))
			require.Equal(t, p, p.Trim(src), "paragraph %v not trimmed", p)
			if utf8.ValidString(src) {
				// In invalid text a stray continuation byte is a character
				// of its own; the pipeline refuses such text anyway.
				require.True(t, p.Start == 0 || utf8.RuneStart(src[p.Start]))
				require.True(t, p.End == len(src) || utf8.RuneStart(src[p.End]))
			}
			prev = p.End
		}
		x := text.NewIndex(src)
		require.Equal(t, utf8.RuneCountInString(src), x.Runes(len(src)))
	})
}

func ExampleIndex() {
	src := "Pútín: „mjög áhugavert“"
	x := text.NewIndex(src)
	quote := text.Span{Start: 9, End: 31} // bytes
	fmt.Println(quote.Text(src), x.SpanRunes(quote), x.SpanUTF16(quote))
	// Output: „mjög áhugavert“ [7,23) [7,23)
}

// BenchmarkParagraphsLeadingSpace guards against rescanning: 64 KiB of
// white space before short lines must cost time linear in the input.
func BenchmarkParagraphsLeadingSpace(b *testing.B) {
	src := strings.Repeat(" ", 64<<10) + strings.Repeat("line\n", 10000)
	b.SetBytes(int64(len(src)))
	for range b.N {
		text.Paragraphs(src)
	}
}

func ExampleParagraphs() {
	src := "Headline\nFirst line of text,\ncontinued here.\n\nNext paragraph."
	for _, p := range text.Paragraphs(src) {
		fmt.Printf("%q\n", p.Text(src))
	}
	// Output:
	// "Headline"
	// "First line of text,\ncontinued here."
	// "Next paragraph."
}

func ExampleAppendTokens() {
	src := "Vísir/EPA: 15:51, l’ipotesi (@elonmusk)."
	for _, t := range text.AppendTokens(nil, src, text.Span{Start: 0, End: len(src)}) {
		fmt.Printf("%q ", t.Text(src))
	}
	fmt.Println()
	// Output: "Vísir/EPA" ":" "15:51" "," "l’ipotesi" "(" "@elonmusk" ")" "."
}

func TestSpanClip(t *testing.T) {
	src := "añb" // ñ is two bytes: 1 and 2
	tests := []struct{ in, want text.Span }{
		{text.Span{0, 4}, text.Span{0, 4}},
		{text.Span{-3, 99}, text.Span{0, 4}},
		{text.Span{2, 4}, text.Span{3, 4}}, // inside ñ: moved forward to a rune start
		{text.Span{0, 2}, text.Span{0, 1}}, // ends inside ñ: moved back
		{text.Span{3, 1}, text.Span{3, 3}}, // reversed: empty at its start
		{text.Span{9, 12}, text.Span{4, 4}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.in.Clip(src), "%v", tt.in)
	}
}

func TestCountWords(t *testing.T) {
	src := "„Sehr interessant“, sagte Peskow – 15:51 Uhr, @elonmusk."
	all := text.Span{Start: 0, End: len(src)}
	for _, tc := range []struct {
		sp    text.Span
		limit int
		want  int
	}{
		{all, 100, 7}, // Sehr interessant sagte Peskow 15:51 Uhr @elonmusk
		{all, 3, 3},
		{all, 0, 0},
		{text.Span{Start: 0, End: 3}, 10, 0}, // „ alone
		{text.Span{Start: 3, End: 22}, 10, 2},
	} {
		assert.Equal(t, tc.want, text.CountWords(src, tc.sp, tc.limit), "%q limit %d", tc.sp.Text(src), tc.limit)
	}
}

// NextToken is the core AppendTokens loops over: the same tokens one at a
// time, from any offset.
func TestNextTokenMatchesAppendTokens(t *testing.T) {
	src := "Elon Musk (@elonmusk) February 13, 2021 — l’ipotesi „Kreml-Sprecher“ 15:51.\n"
	toks := text.AppendTokens(nil, src, text.Span{Start: 0, End: len(src)})
	var got []text.Token
	for i := 0; ; {
		tok, ok := text.NextToken(src, i, len(src))
		if !ok {
			break
		}
		got = append(got, tok)
		i = tok.End
	}
	assert.Equal(t, toks, got)
	assert.Greater(t, len(toks), 10)
	_, ok := text.NextToken(src, len(src)-1, len(src))
	assert.False(t, ok, "only a line break is left")
}

// FuzzTokens checks the tokenizer on arbitrary text: tokens in order,
// inside the span, on character boundaries, never empty and never white
// space, and CountWords agreeing with them.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Elon Musk (@elonmusk) 13, 2021", "l’ipotesi „Kreml-Sprecher“ 15:51.", "#tag @ - -- a-", "\xff\xfe a", "ǅemal 1.5 e-mail@x ##a a_b q Ünal 2021:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		sp := text.Span{Start: 0, End: len(src)}
		prev, words := 0, 0
		for _, tok := range text.AppendTokens(nil, src, sp) {
			require.True(t, prev <= tok.Start && tok.Start < tok.End && tok.End <= len(src), "token %v after %d", tok.Span, prev)
			if utf8.ValidString(src) {
				require.True(t, utf8.RuneStart(src[tok.Start]) && (tok.End == len(src) || utf8.RuneStart(src[tok.End])), "token %v cuts a character", tok.Span)
			}
			require.Equal(t, tok.Span, tok.Trim(src), "token %q holds white space", tok.Text(src))
			prev = tok.End
			if tok.Word {
				words++
			}
		}
		require.Equal(t, words, text.CountWords(src, sp, len(src)+1))
		for i := 0; ; {
			want, wantOK := referenceNextToken(src, i, len(src))
			got, ok := text.NextToken(src, i, len(src))
			require.Equal(t, wantOK, ok, "at %d", i)
			require.Equal(t, want, got, "at %d", i)
			if !ok {
				break
			}
			i = got.End
		}
	})
}

// referenceNextToken is NextToken as first written, rune by rune with
// Unicode tables only: the ASCII fast path must give the same tokens.
func referenceNextToken(src string, from, end int) (text.Token, bool) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) }
	isSpace := func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x200B, 0xFEFF:
			return true
		}
		return r > 0x7F && unicode.IsSpace(r)
	}
	startsWord := func(s string) bool {
		r, _ := utf8.DecodeRuneInString(s)
		return isWord(r)
	}
	i := from
	for i < end {
		r, n := utf8.DecodeRuneInString(src[i:end])
		switch {
		case isSpace(r):
			i += n
		case isWord(r) || ((r == '@' || r == '#') && i+n < end && startsWord(src[i+n:end])):
			t := text.Token{Span: text.Span{Start: i}, Word: true, Digits: true}
			first := true
			j := i
			for j < end {
				c, m := utf8.DecodeRuneInString(src[j:end])
				if isWord(c) || (first && (c == '@' || c == '#')) {
					if unicode.IsLetter(c) {
						if !t.Letter {
							t.Upper = unicode.IsUpper(c) || unicode.IsTitle(c)
							t.Lower = unicode.IsLower(c)
						}
						t.Letter = true
					}
					if !unicode.IsDigit(c) {
						t.Digits = false
					}
					j += m
					first = false
					continue
				}
				if strings.ContainsRune(".:/'’-_‐&", c) && j+m < end && startsWord(src[j+m:end]) {
					t.Digits = false
					j += m
					continue
				}
				break
			}
			t.End = j
			return t, true
		default:
			return text.Token{Span: text.Span{Start: i, End: i + n}}, true
		}
	}
	return text.Token{}, false
}

func ExampleNextToken() {
	src := "„Ja“, sagte Peskow."
	for i := 0; ; {
		t, ok := text.NextToken(src, i, len(src))
		if !ok {
			break
		}
		fmt.Printf("%q word=%v\n", t.Text(src), t.Word)
		i = t.End
	}
	// Output:
	// "„" word=false
	// "Ja" word=true
	// "“" word=false
	// "," word=false
	// "sagte" word=true
	// "Peskow" word=true
	// "." word=false
}

func ExampleCountWords() {
	src := "“It is a very interesting proposal,” Peskov said."
	all := text.Span{Start: 0, End: len(src)}
	fmt.Println(text.CountWords(src, all, 100), text.CountWords(src, all, 3))
	// Output: 8 3
}

// BenchmarkAppendTokens tokenizes the bundled seed articles.
func BenchmarkAppendTokens(b *testing.B) {
	names, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(names) == 0 {
		b.Skip("no seed articles")
	}
	var docs []string
	size := 0
	for _, n := range names {
		raw, err := os.ReadFile(n)
		require.NoError(b, err)
		docs = append(docs, string(raw))
		size += len(raw)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var toks []text.Token
	for range b.N {
		for _, d := range docs {
			toks = text.AppendTokens(toks[:0], d, text.Span{End: len(d)})
		}
	}
}
