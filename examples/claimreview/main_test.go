package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seed = "../../testdata/seeds/003_253bd25c9828cc7a.txt"

func TestRunSeed(t *testing.T) {
	var out, errOut bytes.Buffer
	args := []string{"-org", "Test Check", "-rating", "False", "-url", "https://factcheck.example.org/t", "-article-url", "https://example.com/a", seed}
	require.NoError(t, run(context.Background(), args, nil, &out, &errOut))
	assert.Empty(t, errOut.String())

	var reviews []map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &reviews), "the output is one JSON array")
	require.GreaterOrEqual(t, len(reviews), 3)
	var speakers []string
	for _, r := range reviews {
		assert.Equal(t, "https://schema.org", r["@context"])
		assert.Equal(t, "ClaimReview", r["@type"])
		assert.Equal(t, "https://factcheck.example.org/t", r["url"])
		assert.Equal(t, map[string]any{"@type": "Organization", "name": "Test Check"}, r["author"])
		assert.Equal(t, "False", r["reviewRating"].(map[string]any)["alternateName"])
		item := r["itemReviewed"].(map[string]any)
		assert.Equal(t, "Claim", item["@type"])
		assert.Equal(t, r["claimReviewed"], item["text"])
		assert.True(t, strings.HasPrefix(item["@id"].(string), "urn:hearsay:003_253bd25c9828cc7a.txt:c"), item["@id"])
		assert.Equal(t, "https://example.com/a", item["appearance"].(map[string]any)["url"])
		author := item["author"].(map[string]any)
		speakers = append(speakers, author["name"].(string))
	}
	assert.Contains(t, speakers, "Dmitry Peskov")
}

func TestRunStdin(t *testing.T) {
	var out bytes.Buffer
	in := strings.NewReader("Kremlin spokesman Dmitry Peskov said: \"We need more details.\"")
	require.NoError(t, run(context.Background(), nil, in, &out, &bytes.Buffer{}))
	var reviews []struct {
		ClaimReviewed string `json:"claimReviewed"`
		Author        struct {
			Name string `json:"name"`
		} `json:"author"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &reviews))
	require.Len(t, reviews, 1)
	assert.Equal(t, "We need more details", reviews[0].ClaimReviewed)
	assert.Equal(t, "Example Fact Check", reviews[0].Author.Name, "the placeholder")

	out.Reset()
	require.NoError(t, run(context.Background(), nil, strings.NewReader("Nobody says anything here."), &out, &bytes.Buffer{}))
	assert.Equal(t, "[]\n", out.String())
}

func TestRunBadFlag(t *testing.T) {
	var errOut bytes.Buffer
	assert.Error(t, run(context.Background(), []string{"-nope"}, nil, &bytes.Buffer{}, &errOut))
	assert.Contains(t, errOut.String(), "-org")
}
