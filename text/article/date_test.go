package article

import "testing"

func TestIsNumericDate(t *testing.T) {
	for s, want := range map[string]bool{
		"15.02.2021":  true,
		"2021-02-15":  true,
		"2/15/2021":   true,
		"15.2.2021":   true,
		"15..2.2021":  true, // empty groups are skipped
		"15.02.21":    false,
		"15.02.202x":  false,
		"1502.2021":   false,
		"15.02.2021.": false,
		"":            false,
		"15:51":       false,
	} {
		if got := isNumericDate(s); got != want {
			t.Errorf("isNumericDate(%q) = %v, want %v", s, got, want)
		}
	}
}
