package main

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunSeed(t *testing.T) {
	f, err := os.Open("../../testdata/seeds/003_253bd25c9828cc7a.txt")
	require.NoError(t, err)
	defer f.Close()
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), f, &out))

	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.GreaterOrEqual(t, len(lines), 3, out.String())
	line := regexp.MustCompile(`^\[(direct|indirect|mixed|statement)\] [^(]+ \([a-z ]+\): ".+"$`)
	for _, l := range lines {
		assert.Regexp(t, line, l)
	}
	assert.Contains(t, lines, `[direct] Dmitry Peskov (named): "First of all, we want to know this: You know that President Putin personally does not directly use social networks and does not have any social networks"`)
	assert.Contains(t, out.String(), "] Elon Musk (")
}

func TestRunInvalid(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), strings.NewReader("Peskov said: \xff"), &out)
	assert.ErrorContains(t, err, "UTF-8")
	assert.Empty(t, out.String())
}
