package markup_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/text/markup"
)

func TestMask(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"clean text is returned as is", "Peskov said „yes“ & more.", "Peskov said „yes“ & more."},
		{"paragraph tags break paragraphs", "<p>One.</p><p>Two.</p>", "\n\n One.\n\n  \n\n Two.\n\n  "},
		{"inline tags are spaces", `He <a href="/x?a=1&b=2">said</a> <b>yes</b>.`, "He " + pad("", `<a href="/x?a=1&b=2">`) + "said" + pad("", "</a>") + " " + pad("", "<b>") + "yes" + pad("", "</b>") + "."},
		{"br is a line break", "One<br>two<br/>", "One\n   two\n    "},
		{"references become their character", "&quot;Da&quot;, &laquo;s&igrave;&raquo; &#8220;x&#x201D;",
			before(`"`, "&quot;") + "Da" + pad(`"`, "&quot;") + ", " + before("«", "&laquo;") + "s" + pad("ì", "&igrave;") + pad("»", "&raquo;") + " " + before("“", "&#8220;") + "x" + pad("”", "&#x201D;")},
		{"nbsp is a no-break space", "a&nbsp;b", "a\u00a0    b"},
		{"unknown references stay", "AT&T &foo; &#;", "AT&T &foo; &#;"},
		{"comments and scripts vanish", "a<!-- x -->b<script>var s = '<p>';</script>c", "a" + pad("", "<!-- x -->") + "b" + pad("", "<script>var s = '<p>';</script>") + "c"},
		{"text with angle brackets stays", "a < b and 3 <4, x<-y", "a < b and 3 <4, x<-y"},
		{"unclosed tag stays", "<p class=\"x\" and more text", "<p class=\"x\" and more text"},
		{"control characters become spaces", "a\x00b\x01c\td\r\ne\u0085f", "a b c\td\r\ne  f"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed := markup.Mask(tt.src)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.src != tt.want, changed)
			assert.Len(t, got, len(tt.src), "same length in bytes")
		})
	}
}

// pad is what Mask writes over original: with, then spaces; before is
// what it writes before a word: spaces, then with.
func pad(with, original string) string {
	return with + strings.Repeat(" ", len(original)-len(with))
}

func before(with, original string) string {
	return strings.Repeat(" ", len(original)-len(with)) + with
}

// Unclosed scripts and comments, many of them: each is searched for once.
func TestMaskUnclosedRepeats(t *testing.T) {
	src := strings.Repeat("<script>x <!-- y ", 20000)
	got, changed := markup.Mask(src)
	assert.True(t, changed)
	assert.Len(t, got, len(src))
	assert.True(t, strings.HasPrefix(got, "        x <!-- y "), "the tag is masked, its text and the open comment stay")
}

func FuzzMask(f *testing.F) {
	for _, s := range []string{"<p>a</p>", "&quot;x&quot;", "<script>", "<!--", "a\x00b", "&#0; &#x80; &#55296;", "<a href='>'>x</a>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got, changed := markup.Mask(src)
		require.Len(t, got, len(src))
		require.Equal(t, changed, got != src)
		if utf8.ValidString(src) {
			require.True(t, utf8.ValidString(got), "masking kept UTF-8 valid")
			// Runes start where they started or where spaces were written:
			// any span on rune boundaries of the copy is one of the input.
			for i := 0; i < len(src); i++ {
				if utf8.RuneStart(got[i]) && !utf8.RuneStart(src[i]) {
					require.Equal(t, byte(' '), got[i], "offset %d", i)
				}
			}
		}
	})
}

func ExampleMask() {
	src := `<p>Peskov said: &laquo;Interesting&raquo;</p>`
	masked, _ := markup.Mask(src)
	fmt.Printf("%q\n", masked)
	fmt.Println(len(masked) == len(src))
	// Output:
	// "\n\n Peskov said:      «Interesting»     \n\n  "
	// true
}

// BenchmarkMask measures a page of markup and plain text, which most
// documents are: there Mask only reads every byte once.
func BenchmarkMask(b *testing.B) {
	for _, bm := range []struct{ name, page string }{
		{"markup", strings.Repeat(`<div class="c"><p>Kremlin spokesman Dmitry Peskov said &quot;yes&quot;.</p><!-- ad --></div>`+"\n", 1000)},
		{"plain", strings.Repeat("Kremlin spokesman Dmitry Peskov said „yes“ – and “no”.\n", 1000)},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(bm.page)))
			b.ReportAllocs()
			for range b.N {
				markup.Mask(bm.page)
			}
		})
	}
}

func TestSnap(t *testing.T) {
	src := "He said &quot;yes&quot; &amp; left."
	tests := []struct{ start, end, wantStart, wantEnd int }{
		{8, 9, 8, 14},    // "&" of the first &quot;: the whole reference
		{9, 20, 8, 23},   // both ends inside references
		{14, 17, 14, 17}, // "yes": nothing to widen
		{0, len(src), 0, len(src)},
		{3, 7, 3, 7},
	}
	for _, tt := range tests {
		s, e := markup.Snap(src, tt.start, tt.end)
		assert.Equal(t, [2]int{tt.wantStart, tt.wantEnd}, [2]int{s, e}, "Snap(%d, %d) of %q", tt.start, tt.end, src[tt.start:tt.end])
	}
}

func ExampleSnap() {
	src := "He said &quot;yes&quot;."
	masked, _ := markup.Mask(src)
	// A stage reading the masked copy ends the quotation after its mark,
	// which in src is inside "&quot;".
	end := strings.LastIndex(masked, `"`) + 1
	fmt.Printf("%q\n", src[8:end])
	start, end := markup.Snap(src, 8, end)
	fmt.Printf("%q\n", src[start:end])
	// Output:
	// "&quot;yes&"
	// "&quot;yes&quot;"
}
