package claims_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hearsay-go/hearsay/claims"
)

func TestStatements(t *testing.T) {
	x, err := claims.New()
	require.NoError(t, err)
	tests := []struct {
		name, lang, src string
		want            []string // sentences reported as statements
	}{
		{"quantity and superlative", "en",
			"Musk, the world's richest man, invited Putin on Sunday. The app has been downloaded around 5 million times. Is it worth it? I think we should wait.",
			[]string{"Musk, the world's richest man, invited Putin on Sunday.", "The app has been downloaded around 5 million times."}},
		{"money", "it",
			"L’uomo più ricco al mondo ha una fortuna di oltre 180 miliardi di dollari. Il tempo era bello.",
			[]string{"L’uomo più ricco al mondo ha una fortuna di oltre 180 miliardi di dollari."}},
		{"attributed speech is the speaker's, not the article's", "en",
			"Investors valued the company at $ 1 billion last month. Peskov said the company was worth $ 2 billion.",
			[]string{"Investors valued the company at $ 1 billion last month."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Extract(context.Background(), claims.Document{Text: tt.src, Lang: tt.lang})
			require.NoError(t, err)
			var got []string
			for _, c := range res.Claims {
				if c.Kind != claims.Statement {
					continue
				}
				got = append(got, c.Text)
				assert.Equal(t, tt.src[c.Span.Start:c.Span.End], c.Text)
				assert.GreaterOrEqual(t, c.Worthiness, claims.StatementThreshold)
				assert.Empty(t, c.Speaker.Name, "the article's own statement has no speaker")
				assert.NotEqual(t, "none", c.Why.String())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
