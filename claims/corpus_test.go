package claims_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

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

func TestCorpusDebug(t *testing.T) {
	corpus, docs := seedCorpus(t)
	for _, g := range corpus.Groups() {
		t.Logf("%s %s (%s)", g.ID, g.Speaker, g.SpeakerKey)
		for _, ref := range g.Claims {
			for _, c := range docs[ref.Doc].Claims {
				if c.ID == ref.Claim {
					t.Logf("    %s %s/%s %q", ref.Doc[:3], c.Speaker.Name, c.Kind, strings.ReplaceAll(c.Text[:min(len(c.Text), 90)], "\n", " "))
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
