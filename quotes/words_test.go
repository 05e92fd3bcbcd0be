package quotes

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/hearsay-go/hearsay/lang"
	"github.com/hearsay-go/hearsay/text"
)

// TestWordTable checks the classes and cues the word table gives against
// the finder's sets and lexicons, for their own words and for the words
// of the test articles.
func TestWordTable(t *testing.T) {
	reg, err := lang.Default()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	files, _ := filepath.Glob("testdata/articles/*.txt")
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src := string(raw)
		for _, tok := range text.AppendTokens(nil, src, text.Span{Start: 0, End: len(src)}) {
			words = append(words, lowerRef(tok.Text(src)))
		}
	}
	words = append(words, "", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "regierungssprecherin")
	for _, code := range append(reg.Codes(), "") {
		p, _ := reg.Get(code)
		f := New(p)
		sets := f.classSets()
		cues := cueFirst(f.before, f.after, f.verbs)
		all := append([]string(nil), words...)
		for _, s := range sets {
			for w := range s.set {
				all = append(all, w, w+"x")
				if w != "" {
					all = append(all, w[:len(w)-1])
				}
			}
		}
		for w := range cues {
			all = append(all, w)
		}
		for _, w := range all {
			var want wordClass
			for _, s := range sets {
				if s.set[w] {
					want |= s.cls
				}
			}
			got := f.words.get(w)
			if got.cls != want {
				t.Errorf("%s %q: classes %b, want %b", code, w, got.cls, want)
			}
			if (got.cues == nil) != (cues[w] == nil) || got.cues != nil && !reflect.DeepEqual(*got.cues, *cues[w]) {
				t.Errorf("%s %q: cues %v, want %v", code, w, got.cues, cues[w])
			}
		}
	}
}

// TestPhraseIndex checks the matches of indexed phrase lists against
// trying every phrase in order.
func TestPhraseIndex(t *testing.T) {
	reg, err := lang.Default()
	if err != nil {
		t.Fatal(err)
	}
	naive := func(ps []phrase, words []string, i int) (best match, found bool) {
		for _, p := range ps {
			if m, ok := matchPhrase(p, words, i); ok && (!found || m.last()-m.start > best.last()-best.start) {
				best, found = m, true
			}
		}
		return best, found
	}
	for _, code := range reg.Codes() {
		p, _ := reg.Get(code)
		f := New(p)
		for first, cl := range cueFirst(f.before, f.after, f.verbs) {
			for _, ps := range []phrases{cl.before, cl.after, cl.verbs} {
				// Every phrase's words, and its words with those of every
				// other phrase after them, as sentences.
				for _, a := range ps.all {
					for _, b := range append(slices.Clip(ps.all), phrase{}) {
						words := append(append(append([]string{"x"}, a.head...), "y"), a.tail...)
						words = append(append(words, b.head...), b.tail...)
						got, gotOK := ps.match(words, 1)
						want, wantOK := naive(ps.all, words, 1)
						if got != want || gotOK != wantOK {
							t.Fatalf("%s %q %q: got %v %v, want %v %v", code, first, words, got, gotOK, want, wantOK)
						}
					}
				}
			}
		}
	}
}
