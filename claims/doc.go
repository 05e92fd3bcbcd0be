// Package claims is hearsay's public entry point. An Extractor, built once
// with New and shared by every goroutine, reads a news article and returns
// its language, title, byline, date, article body, sentences, named
// entities and claims, all as spans of UTF-8 byte offsets into the
// caller's input.
//
//	x, err := claims.New()
//	res, err := x.Extract(ctx, claims.Document{ID: "a1", Text: article})
//	for _, c := range res.Claims {
//		fmt.Println(c.Kind, c.Speaker.Name, c.Text)
//	}
//
// A Claim is an attributed statement (Direct, Indirect, Mixed: who said
// it, where, with which cue) or a check-worthy Statement the article makes
// itself; each has a stable ID, the entity keys and quantities inside it
// and a check-worthiness score.
//
// Many documents stream through ExtractAll, in input order; Result.Link
// carries full names from one document to the next, and a Corpus groups
// the claims of many documents by speaker and subject, across languages.
// Package export writes claims as W3C Web Annotations and schema.org
// Claim and ClaimReview JSON-LD.
//
// Offsets are bytes; WithOffsets adds code points (Python) and UTF-16
// units (JavaScript) to the JSON output, and text.Index converts them in
// Go.
package claims
