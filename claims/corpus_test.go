package claims_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/entities"
)

// seedCorpus extracts the seed articles in name order into a corpus.
func seedCorpus(t *testing.T) (*claims.Corpus, map[string]*claims.Result) {
	t.Helper()
	x, err := claims.New()
	require.NoError(t, err)
	paths, err := filepath.Glob("../testdata/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	sort.Strings(paths)
	corpus := x.NewCorpus()
	linker := entities.NewLinker()
	docs := map[string]*claims.Result{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		res, err := x.Extract(context.Background(), claims.Document{ID: filepath.Base(p), Text: string(b)})
		require.NoError(t, err)
		res.Link(linker)
		corpus.Add(res)
		docs[res.ID] = res
	}
	return corpus, docs
}

// TestCorpusGroupsSeedStatements: the statements calling Musk's proposal
// (very) interesting, in five articles and four languages, share one group
// by Peskov, though the German article names only "a Kremlin spokesman"
// and the Italian ones the Kremlin; Musk's invitation shares another.
func TestCorpusGroupsSeedStatements(t *testing.T) {
	corpus, docs := seedCorpus(t)
	groups := corpus.Groups()
	groupOf := map[claims.ClaimRef]claims.Group{}
	for _, g := range groups {
		for _, ref := range g.Claims {
			groupOf[ref] = g
		}
	}
	// find returns the group of the claim of doc whose text holds all of
	// words.
	find := func(doc string, words ...string) claims.Group {
		t.Helper()
		for _, c := range docs[doc].Claims {
			if !c.Kind.Attributed() {
				continue
			}
			all := true
			for _, w := range words {
				all = all && strings.Contains(strings.ToLower(c.Text), w)
			}
			if all {
				g, ok := groupOf[claims.ClaimRef{Doc: doc, Claim: c.ID}]
				require.True(t, ok, "claim %q is in a group", c.Text)
				return g
			}
		}
		t.Fatalf("%s: no claim with %q", doc, words)
		return claims.Group{}
	}
	const (
		is  = "000_b655113abce0b368.txt"
		de  = "001_d0a4e967319d884a.txt"
		it1 = "002_39eba8b919ba927e.txt"
		en  = "003_253bd25c9828cc7a.txt"
		it2 = "004_8e28e34d488b3364.txt"
	)
	interesting := find(is, "áhugavert")
	assert.Equal(t, "per:dmitry-peskov", interesting.SpeakerKey)
	for _, g := range []claims.Group{
		find(de, "interessant"),                  // "eines offiziellen Kreml-Sprechers"
		find(it1, "proposta molto interessante"), // the headline, "Cremlino: …"
		find(it1, "la proposta “molto interessante”"),
		find(it2, "molto interessante"),
		find(en, "very interesting proposal"),
	} {
		assert.Equal(t, interesting.ID, g.ID, "one group for the proposal called interesting")
	}
	invitation := find(it2, "conversazione su clubhouse")
	assert.Equal(t, "per:elon-musk", invitation.SpeakerKey)
	assert.NotEqual(t, interesting.ID, invitation.ID)
	for _, g := range []claims.Group{
		find(is, "spjall", "clubhouse"),
		find(de, "clubhouse unterhalten"),
		find(it1, "conversazione su clubhouse"),
	} {
		assert.Equal(t, invitation.ID, g.ID, "one group for Musk's invitation")
	}
	// No group mixes speakers: a member names the group's speaker, or is
	// an unnamed source or an organisation the corpus resolved to them.
	for _, g := range groups {
		for _, ref := range g.Claims {
			for _, c := range docs[ref.Doc].Claims {
				if c.ID == ref.Claim && c.Speaker.Key != "" && c.Speaker.Key != g.SpeakerKey {
					assert.Equal(t, "ORG", c.Speaker.Type.String(), "%q by %s in %s's group", c.Text, c.Speaker.Name, g.Speaker)
				}
			}
		}
	}
}

func TestCorpusGroupsEveryClaimOnce(t *testing.T) {
	corpus, docs := seedCorpus(t)
	groups := corpus.Groups()
	seen := map[claims.ClaimRef]int{}
	ids := map[string]bool{}
	for _, g := range groups {
		require.NotEmpty(t, g.Claims)
		require.False(t, ids[g.ID], "group IDs are unique")
		ids[g.ID] = true
		for _, ref := range g.Claims {
			seen[ref]++
		}
	}
	for id, res := range docs {
		for _, c := range res.Claims {
			if c.Kind.Attributed() && c.Speaker.Name != "" {
				require.Equal(t, 1, seen[claims.ClaimRef{Doc: id, Claim: c.ID}], "claim %s of %s in one group", c.ID, id)
			}
		}
	}
	again, _ := seedCorpus(t)
	require.Equal(t, groups, again.Groups(), "the same documents in the same order give the same groups")
}
