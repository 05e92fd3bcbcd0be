package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress keeps a status line on standard error while a batch runs:
// documents read, failures, megabytes and the rate. It writes only to a
// terminal (or when asked to), so that logs and pipes stay clean.
type progress struct {
	w      io.Writer
	start  time.Time
	shown  time.Time
	every  time.Duration
	docs   int
	failed int
	bytes  int64
	now    func() time.Time
}

// newProgress returns a progress line on w for mode "on", or for "auto"
// when w is a terminal; nil otherwise. A nil *progress does nothing.
func newProgress(w io.Writer, mode string) *progress {
	if mode == "off" || mode == "auto" && !isTerminal(w) {
		return nil
	}
	p := &progress{w: w, every: 200 * time.Millisecond, now: time.Now}
	p.start = p.now()
	return p
}

// isTerminal reports a character device, which is what a terminal is to
// the standard library; no dependency is needed for that.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// done counts one document of size bytes, failed or not, and redraws the
// line at most every p.every.
func (p *progress) done(size int, failed bool) {
	if p == nil {
		return
	}
	p.docs++
	p.bytes += int64(size)
	if failed {
		p.failed++
	}
	if now := p.now(); now.Sub(p.shown) >= p.every {
		p.shown = now
		p.draw("\r")
	}
}

// note writes a message (an error, ending in a line break) above the
// status line.
func (p *progress) note(msg string) {
	fmt.Fprintf(p.w, "\r\x1b[K%s", msg)
	p.draw("")
}

// finish draws the final counts and ends the line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.draw("\r")
	fmt.Fprintln(p.w)
}

func (p *progress) draw(prefix string) {
	secs := p.now().Sub(p.start).Seconds()
	mb := float64(p.bytes) / 1e6
	rate := 0.0
	if secs > 0 {
		rate = mb / secs
	}
	fmt.Fprintf(p.w, "%s\x1b[Khearsay: %d documents, %d failed, %.1f MB, %.1f MB/s", prefix, p.docs, p.failed, mb, rate)
}
