package article

import "testing"

// TestHashTokenReadsEveryByte: for one token the hash is a chain of
// bijections of an injective reading of its bytes, so changing any byte
// of a token of any length up to 40 must change it.
func TestHashTokenReadsEveryByte(t *testing.T) {
	for n := 1; n <= 40; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + i%26)
		}
		base := hashToken(duplicateSeed, string(b))
		for i := range b {
			c := append([]byte(nil), b...)
			c[i] ^= 0x20
			if hashToken(duplicateSeed, string(c)) == base {
				t.Fatalf("length %d: byte %d not read", n, i)
			}
		}
		if hashToken(duplicateSeed, string(b[:n-1])) == base {
			t.Fatalf("length %d: length not read", n)
		}
	}
}
