package sentence

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/lang"
)

// TestWordSetHas checks the shape filter against the map alone: every
// stopword and month of every pack is found, and words one byte longer or
// shorter, or with another first byte, are found exactly when the map
// holds them.
func TestWordSetHas(t *testing.T) {
	reg, err := lang.Default()
	require.NoError(t, err)
	for _, code := range reg.Codes() {
		p, _ := reg.Get(code)
		for _, words := range [][]string{p.Stopwords, p.Months} {
			set := lowerSet(words)
			for w := range set.m {
				assert.True(t, set.has([]byte(w)), "%s: %q", code, w)
				for _, v := range []string{w + "s", w[:len(w)-1], "x" + w[1:], strings.Repeat(w, 9)} {
					_, want := set.m[v]
					assert.Equal(t, want, set.has([]byte(v)), "%s: %q", code, v)
				}
			}
			assert.False(t, set.has(nil))
		}
	}
}
