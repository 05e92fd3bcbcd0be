package quotes

import (
	"os"
	"path/filepath"
	"reflect"
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
		sets := []struct {
			set map[string]bool
			cls wordClass
		}{
			{f.pronouns, cPronoun}, {f.objects, cObject}, {f.things, cThing}, {f.roles, cRole}, {f.dets, cDet},
			{f.comps, cComp}, {f.mood, cMood}, {f.titles, cTitle}, {f.relative, cRelative}, {f.relSubj, cRelSubj},
			{f.subord, cSubord}, {f.terms, cTerm}, {f.preps, cPrep}, {f.objPreps, cObjPrep}, {f.orgNouns, cOrgNoun},
			{f.agents, cAgent}, {f.abbrev, cAbbrev},
		}
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
