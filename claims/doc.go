// Package claims is hearsay's public entry point. An Extractor, built once
// with New and shared by every goroutine, reads a news article and returns
// its language, title, byline, date, article body and sentences, and (as
// the entity and quote stages land) its named entities and attributed
// statements, all as spans of UTF-8 byte offsets into the caller's input.
//
//	x, err := claims.New()
//	res, err := x.Extract(ctx, claims.Document{ID: "a1", Text: article})
//	for _, s := range res.Sentences { fmt.Println(s.Text(article)) }
//
// Offsets are bytes; text.Index converts them to code points (Python) or
// UTF-16 units (JavaScript) where a consumer needs those.
package claims
