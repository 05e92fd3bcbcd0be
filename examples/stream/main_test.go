package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type output struct {
	Doc    string `json:"doc"`
	URL    string `json:"url"`
	Lang   string `json:"lang"`
	Claims []struct {
		Text    string `json:"text"`
		Speaker struct {
			Name   string `json:"name"`
			Entity string `json:"entity"`
		} `json:"speaker"`
	} `json:"claims"`
}

func jsonLine(t *testing.T, v any) string {
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return string(data) + "\n"
}

func TestRun(t *testing.T) {
	var in strings.Builder
	for _, name := range []string{"003_253bd25c9828cc7a.txt", "000_b655113abce0b368.txt"} {
		data, err := os.ReadFile("../../testdata/seeds/" + name)
		require.NoError(t, err)
		in.WriteString(jsonLine(t, map[string]string{"id": name, "text": string(data), "url": "https://example.com/" + name}))
	}
	in.WriteString("{not json\n\n")
	in.WriteString(`{"id": "no-text"}` + "\n")
	in.WriteString(jsonLine(t, map[string]string{"id": "klingon", "text": "Qapla'.", "lang": "tlh"}))
	// Named by surname alone: the seeds before gave the full name.
	in.WriteString(jsonLine(t, map[string]string{"text": "Peskov said on Tuesday that talks were possible."}))

	var out, errOut bytes.Buffer
	failed, err := run(context.Background(), strings.NewReader(in.String()), &out, &errOut)
	require.NoError(t, err)
	assert.Equal(t, 3, failed, errOut.String())
	assert.Contains(t, errOut.String(), "line 3: invalid character")
	assert.Contains(t, errOut.String(), `line 5: no "text"`)
	assert.Contains(t, errOut.String(), `klingon: unknown language "tlh"`)

	var got []output
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		var o output
		require.NoError(t, json.Unmarshal([]byte(l), &o), l)
		got = append(got, o)
	}
	require.Len(t, got, 3)
	assert.Equal(t, []string{"003_253bd25c9828cc7a.txt", "000_b655113abce0b368.txt", "line 7"},
		[]string{got[0].Doc, got[1].Doc, got[2].Doc}, "input order")
	assert.Equal(t, "https://example.com/003_253bd25c9828cc7a.txt", got[0].URL)
	assert.Equal(t, []string{"en", "is"}, []string{got[0].Lang, got[1].Lang})
	for _, o := range got {
		require.NotEmpty(t, o.Claims, o.Doc)
		var speakers []string
		for _, c := range o.Claims {
			speakers = append(speakers, c.Speaker.Name)
		}
		assert.Contains(t, speakers, "Dmitry Peskov", "%s: Peskov speaks in every document", o.Doc)
	}
	assert.Equal(t, "per:dmitry-peskov", got[2].Claims[0].Speaker.Entity, "linked across documents")
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out bytes.Buffer
	_, err := run(ctx, strings.NewReader(`{"id":"a","text":"Peskov said so."}`+"\n"), &out, &bytes.Buffer{})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, out.String())
}
