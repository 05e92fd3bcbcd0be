// Extract shows the library's main call: it reads one article and prints
// who said what, one line per claim:
//
//	[kind] Speaker (resolution): "text"
//
// Run it on a file, or on standard input without an argument:
//
//	go run ./examples/extract testdata/seeds/003_253bd25c9828cc7a.txt
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/hearsay-go/hearsay/claims"
)

func main() {
	log.SetFlags(0)
	in := io.Reader(os.Stdin)
	if len(os.Args) > 1 {
		f, err := os.Open(os.Args[1])
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		in = f
	}
	if err := run(context.Background(), in, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, in io.Reader, out io.Writer) error {
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	// Build the extractor once in a real program: it parses every
	// language pack.
	x, err := claims.New()
	if err != nil {
		return err
	}
	res, err := x.Extract(ctx, claims.Document{Text: string(data)})
	if err != nil {
		return err
	}
	for _, c := range res.Claims {
		speaker, how := c.Speaker.Name, c.Speaker.Resolution.String()
		switch {
		case !c.Kind.Attributed():
			speaker, how = "the article", "own statement"
		case speaker == "":
			speaker = "?"
		}
		if _, err := fmt.Fprintf(out, "[%s] %s (%s): %q\n", c.Kind, speaker, how, c.Text); err != nil {
			return err
		}
	}
	return nil
}
