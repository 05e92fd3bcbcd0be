package lang

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"
)

//go:embed data/*.toml
var builtinFS embed.FS

// Registry is a set of packs keyed by language code. It is immutable after
// construction and safe for concurrent use.
type Registry struct {
	packs map[string]*Pack
	codes []string
	det   *detector
}

// NewRegistry builds a registry of the given packs; a later pack with the
// same code replaces an earlier one, so callers can override built-ins.
func NewRegistry(packs ...*Pack) (*Registry, error) {
	r := &Registry{packs: make(map[string]*Pack, len(packs))}
	for _, p := range packs {
		if p == nil {
			return nil, fmt.Errorf("lang: nil pack")
		}
		if _, dup := r.packs[p.Code]; !dup {
			r.codes = append(r.codes, p.Code)
		}
		r.packs[p.Code] = p
	}
	if len(r.packs) == 0 {
		return nil, fmt.Errorf("lang: no packs")
	}
	sort.Strings(r.codes)
	ordered := make([]*Pack, len(r.codes))
	for i, c := range r.codes {
		ordered[i] = r.packs[c]
	}
	r.det = newDetector(ordered)
	return r, nil
}

// LoadFS parses every *.toml file in the root of fsys.
func LoadFS(fsys fs.FS) ([]*Pack, error) {
	names, err := fs.Glob(fsys, "*.toml")
	if err != nil {
		return nil, err
	}
	packs := make([]*Pack, 0, len(names))
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err
		}
		p, err := Parse(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if want := name[:len(name)-len(path.Ext(name))]; p.Code != want {
			return nil, fmt.Errorf("%s: code %q does not match the file name", name, p.Code)
		}
		packs = append(packs, p)
	}
	return packs, nil
}

// BuiltinPacks returns freshly parsed copies of the packs embedded in the
// binary, for callers that want to extend them.
func BuiltinPacks() ([]*Pack, error) {
	sub, err := fs.Sub(builtinFS, "data")
	if err != nil {
		return nil, err
	}
	return LoadFS(sub)
}

var defaultRegistry = sync.OnceValues(func() (*Registry, error) {
	packs, err := BuiltinPacks()
	if err != nil {
		return nil, err
	}
	return NewRegistry(packs...)
})

// Default returns the registry of the built-in packs, parsed once per
// process.
func Default() (*Registry, error) { return defaultRegistry() }

// Get returns the pack for a language code.
func (r *Registry) Get(code string) (*Pack, bool) {
	p, ok := r.packs[code]
	return p, ok
}

// Codes returns the installed language codes, sorted.
func (r *Registry) Codes() []string { return append([]string(nil), r.codes...) }
