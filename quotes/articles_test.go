package quotes_test

// Hand-written test articles: testdata/articles/<lang>_<name>.txt, each with
// <lang>_<name>.expect.json listing the statements it holds and text that
// must not be reported as a statement.
//
// The articles are original (invented events and people). French and
// Spanish have three each that together show every form the finder reads:
// quote styles, quotes broken by their attribution, over two paragraphs,
// unclosed, nested; reported clauses, "selon/según X", mixed speech, colon
// speech, headlines, embedded posts; speakers by name, pronoun, subject left
// out, role, organisation, unnamed source, continuation. English, German,
// Italian and Icelandic have one each for the forms the seeds do not show.
// The traps are scare quotes, titles of books and films, bylines, link
// lists and apostrophes inside words.
//
// An expectation file reads:
//
//	{"lang": "fr",
//	 "statements": [{"kind": "direct|indirect|mixed",
//	                 "form": "quoted|colon|headline|post|clause|according-to",
//	                 "case": "what the statement tests (names the failure)",
//	                 "content": "exact text of the article, without the outer marks",
//	                 "speaker": "canonical name, or an unnamed source as written",
//	                 "speaker_alt": ["other acceptable names (optional)"]}],
//	 "not_statements": ["exact text no statement may overlap"]}
//
// TestArticleExpectations checks the files themselves; TestArticles runs
// the extractor:
//
//	go test ./quotes/ -run 'TestArticles$' -v                 # every miss and the recall
//	go test ./quotes/ -run 'TestArticles$/fr_' -v             # one language

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/text"
)

const articleDir = "testdata/articles"

type articleExpect struct {
	Lang          string             `json:"lang"`
	Statements    []articleStatement `json:"statements"`
	NotStatements []string           `json:"not_statements"`
}

type articleStatement struct {
	Kind       string   `json:"kind"`
	Form       string   `json:"form"`
	Case       string   `json:"case"`
	Content    string   `json:"content"`
	Speaker    string   `json:"speaker"`
	SpeakerAlt []string `json:"speaker_alt"`
}

type articleCase struct {
	name string // file name without .txt
	src  string
	exp  articleExpect
}

// loadArticles reads every article and its expectations, in name order.
func loadArticles(t *testing.T) []articleCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(articleDir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, paths, "no articles in %s", articleDir)
	sort.Strings(paths)
	var out []articleCase
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		raw, err := os.ReadFile(filepath.Join(articleDir, name+".expect.json"))
		require.NoError(t, err, "article %s has no expectations", name)
		var exp articleExpect
		dec := json.NewDecoder(strings.NewReader(string(raw)))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&exp), "%s.expect.json", name)
		out = append(out, articleCase{name: name, src: string(src), exp: exp})
	}
	return out
}

// span returns where s occurs in src; ok is false unless it occurs exactly
// once.
func articleSpan(src, s string) (sp text.Span, ok bool) {
	i := strings.Index(src, s)
	if s == "" || i < 0 || strings.Contains(src[i+1:], s) {
		return text.Span{}, false
	}
	return text.Span{Start: i, End: i + len(s)}, true
}

// articleOccurrences returns every span where s occurs in src.
func articleOccurrences(src, s string) []text.Span {
	var out []text.Span
	for at := 0; s != "" && at <= len(src); {
		i := strings.Index(src[at:], s)
		if i < 0 {
			break
		}
		out = append(out, text.Span{Start: at + i, End: at + i + len(s)})
		at += i + 1
	}
	return out
}

// TestArticleExpectations checks the expectation files against their
// articles: contents occur exactly once, traps occur and lie outside every
// expected statement, kinds and forms are known.
func TestArticleExpectations(t *testing.T) {
	kinds := map[string]bool{"direct": true, "indirect": true, "mixed": true}
	forms := map[string]bool{"quoted": true, "colon": true, "headline": true, "post": true, "clause": true, "according-to": true}
	perLang := map[string]int{}
	for _, a := range loadArticles(t) {
		t.Run(a.name, func(t *testing.T) {
			require.True(t, strings.HasPrefix(a.name, a.exp.Lang+"_"), "file name must start with the language %q", a.exp.Lang)
			require.NotEmpty(t, a.exp.Statements)
			words := len(strings.Fields(a.src))
			if words < 150 || words > 400 {
				t.Errorf("%d words, want 150–400", words)
			}
			var spans []text.Span
			for i, st := range a.exp.Statements {
				if !kinds[st.Kind] || !forms[st.Form] {
					t.Errorf("statement %d: kind %q, form %q", i+1, st.Kind, st.Form)
				}
				if strings.TrimSpace(st.Speaker) == "" || st.Case == "" {
					t.Errorf("statement %d: speaker and case are required", i+1)
				}
				sp, ok := articleSpan(a.src, st.Content)
				if !ok {
					t.Errorf("statement %d: content must occur exactly once: %q", i+1, st.Content)
					continue
				}
				for k, o := range spans {
					if o.Overlaps(sp) {
						t.Errorf("statements %d and %d overlap", k+1, i+1)
					}
				}
				spans = append(spans, sp)
			}
			for _, ns := range a.exp.NotStatements {
				occ := articleOccurrences(a.src, ns)
				if len(occ) == 0 {
					t.Errorf("not_statement not in the article: %q", ns)
				}
				for _, o := range occ {
					for i, sp := range spans {
						if sp.Overlaps(o) {
							t.Errorf("not_statement %q overlaps statement %d", ns, i+1)
						}
					}
				}
			}
			perLang[a.exp.Lang] += len(a.exp.Statements)
		})
	}
	t.Logf("expected statements per language: %v", perLang)
}

// articleTally counts the expected statements found.
type articleTally struct{ found, total int }

func (c *articleTally) add(found, total int) { c.found += found; c.total += total }

func (c articleTally) String() string {
	if c.total == 0 {
		return "0/0"
	}
	return fmt.Sprintf("%d/%d (%.0f%%)", c.found, c.total, 100*float64(c.found)/float64(c.total))
}

// TestArticles runs the extractor over every article: each expected
// statement needs a returned statement whose content overlaps it and whose
// speaker matches; no returned statement may overlap a not_statement.
func TestArticles(t *testing.T) {
	cases := loadArticles(t)
	x, err := claims.New()
	require.NoError(t, err)
	ctx := context.Background()

	byLang := map[string]*articleTally{}
	byForm := map[string]*articleTally{}
	tally := func(m map[string]*articleTally, k string) *articleTally {
		if m[k] == nil {
			m[k] = &articleTally{}
		}
		return m[k]
	}

	for _, a := range cases {
		t.Run(a.name, func(t *testing.T) {
			res, err := x.Extract(ctx, claims.Document{ID: a.name, Text: a.src, Lang: a.exp.Lang})
			require.NoError(t, err)
			src := res.Source()
			var statements []claims.Claim // the attributed ones: the article's own statements are not speech
			for _, c := range res.Claims {
				if c.Kind.Attributed() {
					statements = append(statements, c)
				}
			}
			matched := make([]bool, len(statements))

			found := 0
			for i, want := range a.exp.Statements {
				hit := false
				t.Run(articleSubtest(i, want), func(t *testing.T) {
					sp, ok := articleSpan(src, want.Content)
					if !ok {
						t.Errorf("[%s] bad expectation: content must occur exactly once: %q", want.Case, want.Content)
						return
					}
					var near []int
					for k, st := range statements {
						if !st.Span.Overlaps(sp) {
							continue
						}
						near = append(near, k)
						if articleSpeakerOK(st.Speaker.Name, want) {
							matched[k] = true
							hit = true
							return
						}
					}
					if len(near) == 0 {
						articleMiss(t, "[%s] missed %s %s by %q: %q", want.Case, want.Kind, want.Form, want.Speaker, want.Content)
						return
					}
					for _, k := range near {
						matched[k] = true
						articleMiss(t, "[%s] wrong speaker for %q: got %s, want %q", want.Case, want.Content,
							articleDescribe(src, statements[k]), want.Speaker)
					}
				})
				if hit {
					found++
				}
				tally(byForm, want.Form).add(b2i(hit), 1)
			}

			for i, ns := range a.exp.NotStatements {
				t.Run(fmt.Sprintf("not_%02d_%s", i+1, articleSlug(ns)), func(t *testing.T) {
					occ := articleOccurrences(src, ns)
					if len(occ) == 0 {
						t.Errorf("bad expectation: not_statement not in the article: %q", ns)
					}
					for k, st := range statements {
						for _, o := range occ {
							if st.Span.Overlaps(o) {
								matched[k] = true
								t.Errorf("reported a statement over %q: %s", ns, articleDescribe(src, st))
								break
							}
						}
					}
				})
			}

			for k, st := range statements {
				if !matched[k] {
					t.Logf("not in the expectations (no error): %s", articleDescribe(src, st))
				}
			}
			tally(byLang, a.exp.Lang).add(found, len(a.exp.Statements))
			t.Logf("recall %s: %s", a.name, articleTally{found, len(a.exp.Statements)})
		})
	}

	for _, k := range articleKeys(byLang) {
		t.Logf("recall %s: %s", k, byLang[k])
		c := byLang[k]
		if got := float64(c.found) / float64(max(c.total, 1)); got < articleFloors[k] {
			t.Errorf("recall %s %.2f below its floor %.2f", k, got, articleFloors[k])
		}
	}
	for _, k := range articleKeys(byForm) {
		t.Logf("recall form %s: %s", k, byForm[k])
	}
}

// articleFloors are regression bars for the share of expected statements
// found with the right speaker, per language, a little under what the
// finder reaches (de 20/22, en 19/22, es 33/35, fr 34/38, is 19/22, it
// 18/21). Every miss is logged; ARTICLES_STRICT=1 makes each one an error.
var articleFloors = map[string]float64{"de": 0.85, "en": 0.78, "es": 0.85, "fr": 0.85, "is": 0.80, "it": 0.80}

// articleMiss logs a missed or misattributed statement, or fails on it
// with ARTICLES_STRICT=1.
func articleMiss(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("ARTICLES_STRICT") == "1" {
		t.Errorf(format, args...)
		return
	}
	t.Logf(format, args...)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func articleKeys(m map[string]*articleTally) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// articleSubtest names a statement's subtest: its number, kind, form and
// case, e.g. "03_direct_quoted_broken-by-a-t-il-déclaré-part-1".
func articleSubtest(i int, st articleStatement) string {
	return fmt.Sprintf("%02d_%s_%s_%s", i+1, st.Kind, st.Form, articleSlug(st.Case))
}

// articleSlug keeps the letters and digits of s, lower-cased, joined by
// dashes, at most 48 runes.
func articleSlug(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := []rune(strings.Join(words, "-"))
	if len(out) > 48 {
		out = out[:48]
	}
	return strings.TrimRight(string(out), "-")
}

func articleDescribe(src string, st claims.Claim) string {
	return fmt.Sprintf("%s/%s %q by %q (%s)", st.Kind, st.Form, st.Span.Text(src), st.Speaker.Name, st.Speaker.Resolution)
}

// articleSpeakerOK reports whether got names the expected speaker: the same
// name or an alternative, ignoring case, accents and the kind of
// apostrophe, or the same last word ("Le Bihan" for "Yannick Le Bihan").
func articleSpeakerOK(got string, want articleStatement) bool {
	g := articleFold(got)
	if g == "" {
		return false
	}
	for _, w := range append([]string{want.Speaker}, want.SpeakerAlt...) {
		w = articleFold(w)
		if w != "" && (g == w || articleLastWord(g) == articleLastWord(w)) {
			return true
		}
	}
	return false
}

func articleFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '’' || r == '‘' || r == 'ʼ':
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func articleLastWord(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}
