// Claimreview shows how a fact-checker turns an article's claims into
// ClaimReview markup (https://schema.org/ClaimReview) with package export:
// it prints a JSON array with one ClaimReview for each statement the
// article attributes to someone, its review fields filled from flags as
// placeholders to edit.
//
//	go run ./examples/claimreview -org "Example Fact Check" -rating Unproven \
//		-url https://factcheck.example.org/r/1 testdata/seeds/003_253bd25c9828cc7a.txt
//
// Without a file it reads standard input.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/export"
)

func main() {
	log.SetFlags(0)
	if err := run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if err == flag.ErrHelp {
			return
		}
		log.Fatal(err)
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("claimreview", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var r export.Review
	// The defaults are placeholders on a reserved domain, so that markup
	// published by mistake points nowhere.
	fs.StringVar(&r.Author, "org", "Example Fact Check", "the fact-checking organisation")
	fs.StringVar(&r.Rating, "rating", "Unrated", "the verdict in words")
	fs.StringVar(&r.URL, "url", "https://factcheck.example.org/review", "the address of the fact-check")
	articleURL := fs.String("article-url", "", "the address of the article the claims appear in")
	if err := fs.Parse(args); err != nil {
		return err
	}
	in, id := stdin, ""
	if fs.NArg() > 0 {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return err
		}
		defer f.Close()
		in, id = f, filepath.Base(fs.Arg(0))
	}
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	x, err := claims.New()
	if err != nil {
		return err
	}
	res, err := x.Extract(ctx, claims.Document{ID: id, Text: string(data), URL: *articleURL})
	if err != nil {
		return err
	}
	reviews := []export.SchemaOrgClaimReview{} // "[]", not "null", for none
	for _, c := range res.Claims {
		if c.Kind.Attributed() {
			reviews = append(reviews, export.ClaimReview(res, c, r))
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(reviews)
}
