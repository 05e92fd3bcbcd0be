// Package export writes the claims of a claims.Result in the formats that
// fact-check pipelines store and exchange:
//
//   - W3C Web Annotations (https://www.w3.org/TR/annotation-model/), which
//     point at a claim in its document with a TextQuoteSelector and a
//     TextPositionSelector: Annotation, Annotations; Anchor finds a stored
//     annotation's text again in a document that has changed since.
//   - schema.org Claim JSON-LD (https://schema.org/Claim): SchemaClaim.
//   - schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview, the
//     markup search engines read from fact-check articles): ClaimReview.
//
// Every value is a typed struct with JSON tags: encode it with
// encoding/json. Fields that may be unknown (a URL, a date, a speaker) are
// left out of the JSON rather than written empty.
//
// hearsay's spans are UTF-8 byte offsets into the document's text; the Web
// Annotation model counts characters (Unicode code points). The
// conversion happens here: positions in a TextPositionSelector are code
// points, and Anchor returns byte offsets again.
package export
