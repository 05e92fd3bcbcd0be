package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunGroupsTheSeeds(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run("../../testdata/seeds", &out))
	got := out.String()
	// Peskov's "interesting proposal", reported in five articles in four
	// languages, is one group.
	var peskov []string // the lines of that group
	in := false
	for _, line := range strings.Split(got, "\n") {
		switch {
		case line == "Dmitry Peskov, in 5 articles:":
			in = true
		case in && strings.HasPrefix(line, "  "):
			peskov = append(peskov, line)
		default:
			in = false
		}
	}
	require.NotEmpty(t, peskov, "a group of Peskov's in five articles:\n%s", got)
	for _, lang := range []string{"[is]", "[de]", "[it]", "[en]"} {
		assert.Contains(t, strings.Join(peskov, "\n"), lang)
	}
	assert.Contains(t, got, "Elon Musk, in 4 articles:")
	for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
		if strings.HasPrefix(line, "  ") {
			assert.LessOrEqual(t, len([]rune(line)), 2+5+len("000_b655113abce0b368.txt: ")+80, "one short line per claim")
		}
	}
}

func TestRunMissingDir(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(t.TempDir(), &out), "an empty directory has no groups")
	assert.Empty(t, out.String())
}
