// Command hearsay reads news articles and writes who said what as JSON
// Lines: one object per document, in input order.
//
// Usage:
//
//	hearsay [flags] [FILE|DIR|-]...
//
// With no arguments it reads standard input. Plain-text files hold one
// article each; with --input jsonl every line is a document
// {"id", "text", "lang"?, "url"?, "published"?}. Directories are read in
// name order. A document that cannot be read is reported on standard error
// and skipped; the exit status is then 1. Usage errors exit with 2.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
