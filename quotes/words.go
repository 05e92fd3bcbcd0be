package quotes

// wordTable maps the lower-cased words the finder knows to their
// wordInfo: a map[string]wordInfo made for the one look-up per token in
// read, where most words are short and many are not in it. It hashes at
// most the first and last eight bytes and the length, and a tag byte per
// slot rejects other words without comparing strings.
type wordTable struct {
	// slots are the hash table: 0 when empty, else a tag byte (the top
	// bits of the hash) over 1 + the index of the entry in entries. Four
	// bytes a slot keep the table in the cache.
	slots   []uint32
	mask    uint64
	entries []wordEntry
}

type wordEntry struct {
	key  string
	info wordInfo
}

func newWordTable(m map[string]wordInfo) *wordTable {
	n := 8
	for n < 2*len(m) {
		n <<= 1
	}
	t := &wordTable{slots: make([]uint32, n), mask: uint64(n - 1)}
	for w, wi := range m {
		t.entries = append(t.entries, wordEntry{w, wi})
		h := wordHash(w)
		i := h & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = uint32(wordTag(h))<<24 | uint32(len(t.entries))
	}
	return t
}

// get returns the wordInfo of w, zero when the table does not hold it.
func (t *wordTable) get(w string) wordInfo {
	h := wordHash(w)
	tag := wordTag(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return wordInfo{}
		}
		if uint8(s>>24) == tag {
			if e := &t.entries[s&(1<<24-1)-1]; e.key == w {
				return e.info
			}
		}
	}
}

func wordTag(h uint64) uint8 { return uint8(h>>57) | 0x80 }

func wordHash(w string) uint64 {
	x := uint64(len(w)) * 0x9e3779b97f4a7c15
	// Overlapping loads of the first and last bytes, as wyhash reads
	// short keys: no loop over the bytes.
	switch {
	case len(w) >= 8:
		x ^= load64(w)
		x = (x ^ x>>29) * 0xbf58476d1ce4e5b9
		x ^= load64(w[len(w)-8:])
	case len(w) >= 4:
		x ^= uint64(load32(w)) | uint64(load32(w[len(w)-4:]))<<32
	case len(w) > 0:
		x ^= uint64(w[0]) | uint64(w[len(w)/2])<<8 | uint64(w[len(w)-1])<<16
	}
	x = (x ^ x>>31) * 0x94d049bb133111eb
	return x ^ x>>29
}

// load32 reads the first four bytes of s, little-endian.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// load64 reads the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
