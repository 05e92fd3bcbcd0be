package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hearsay-go/hearsay/claims"
)

// sources expands the paths into documents, in order, on a channel.
func sources(paths []string, o options, stdin io.Reader) <-chan item {
	ch := make(chan item)
	go func() {
		defer close(ch)
		for _, p := range paths {
			if p == "-" {
				readInput(ch, "stdin", "stdin", stdin, o)
				continue
			}
			files, err := expand(p)
			if err != nil {
				ch <- item{err: err}
				continue
			}
			for _, f := range files {
				readFile(ch, f, o)
			}
		}
	}()
	return ch
}

// expand lists a file, or the regular files under a directory in name
// order (hidden files and directories skipped).
func expand(p string) ([]string, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{p}, nil
	}
	var files []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func readFile(ch chan<- item, path string, o options) {
	f, err := os.Open(path)
	if err != nil {
		ch <- item{err: err}
		return
	}
	defer f.Close()
	readInput(ch, path, filepath.Base(path), f, o)
}

// readInput sends the documents of one input: the whole of it as one
// article, or one per line with --input jsonl.
func readInput(ch chan<- item, path, id string, r io.Reader, o options) {
	if o.input == "text" {
		// Read one byte past the limit so that Extract reports the size.
		limit := int64(o.maxBytes)
		if limit <= 0 {
			limit = 1<<63 - 2
		}
		data, err := io.ReadAll(io.LimitReader(r, limit+1))
		if err != nil {
			ch <- item{err: fmt.Errorf("%s: %w", path, err)}
			return
		}
		ch <- item{doc: claims.Document{ID: id, Text: string(data)}}
		return
	}
	br := bufio.NewReaderSize(r, 1<<16)
	for line := 1; ; line++ {
		data, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(data)) > 0 {
			doc, perr := parseLine(data)
			if perr != nil {
				ch <- item{err: fmt.Errorf("%s:%d: %w", path, line, perr)}
			} else {
				if doc.ID == "" {
					doc.ID = fmt.Sprintf("%s:%d", id, line)
				}
				ch <- item{doc: doc}
			}
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			ch <- item{err: fmt.Errorf("%s:%d: %w", path, line, err)}
			return
		}
	}
}

// jsonDoc is one line of --input jsonl.
type jsonDoc struct {
	ID        json.RawMessage `json:"id"`
	Text      *string         `json:"text"`
	Lang      string          `json:"lang"`
	URL       string          `json:"url"`
	Published string          `json:"published"`
}

func parseLine(data []byte) (claims.Document, error) {
	var j jsonDoc
	if err := json.Unmarshal(data, &j); err != nil {
		return claims.Document{}, fmt.Errorf("not a JSON document: %w", err)
	}
	if j.Text == nil {
		return claims.Document{}, errors.New(`no "text" field`)
	}
	doc := claims.Document{Text: *j.Text, Lang: j.Lang, URL: j.URL}
	if len(j.ID) > 0 {
		var s string
		if err := json.Unmarshal(j.ID, &s); err == nil {
			doc.ID = s
		} else {
			doc.ID = string(j.ID) // a number
		}
	}
	if j.Published != "" {
		t, err := parsePublished(j.Published)
		if err != nil {
			return claims.Document{}, err
		}
		doc.Published = t
	}
	return doc, nil
}

func parsePublished(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published %q is not an RFC 3339 time or a date", s)
}
