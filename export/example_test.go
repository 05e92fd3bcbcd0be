package export_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/export"
)

const article = "Putin open to Musk chat\n\n" +
	"Kremlin spokesman Dmitry Peskov told reporters on Monday that the proposal is interesting. " +
	"He added: \"First we need to understand the proposal.\""

// read extracts the example article.
func read() *claims.Result {
	x, err := claims.New()
	if err != nil {
		panic(err)
	}
	res, err := x.Extract(context.Background(), claims.Document{
		ID: "a1", Text: article, URL: "https://example.com/putin-musk",
		Published: time.Date(2021, 2, 15, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		panic(err)
	}
	return res
}

func printJSON(v any) {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
}

func ExampleAnnotation() {
	res := read()
	printJSON(export.Annotation(res, res.Claims[1]))
	// Output:
	// {
	//   "@context": "http://www.w3.org/ns/anno.jsonld",
	//   "id": "urn:hearsay:a1:c6b9cfb182298099f",
	//   "type": "Annotation",
	//   "motivation": "identifying",
	//   "body": [
	//     {
	//       "type": "TextualBody",
	//       "value": "direct statement by Dmitry Peskov",
	//       "purpose": "describing",
	//       "format": "text/plain",
	//       "language": "en"
	//     },
	//     {
	//       "type": "TextualBody",
	//       "value": "per:dmitry-peskov",
	//       "purpose": "tagging"
	//     }
	//   ],
	//   "target": {
	//     "source": "https://example.com/putin-musk",
	//     "selector": [
	//       {
	//         "type": "TextQuoteSelector",
	//         "exact": "First we need to understand the proposal",
	//         "prefix": "osal is interesting. He added: \"",
	//         "suffix": ".\""
	//       },
	//       {
	//         "type": "TextPositionSelector",
	//         "start": 127,
	//         "end": 167
	//       }
	//     ]
	//   }
	// }
}

func ExampleAnnotations() {
	for _, a := range export.Annotations(read()) {
		fmt.Printf("%s %q at %d-%d\n", a.Body[0].Value, a.Target.Quote.Exact, a.Target.Position.Start, a.Target.Position.End)
	}
	// Output:
	// indirect statement by Dmitry Peskov "that the proposal is interesting" at 82-114
	// direct statement by Dmitry Peskov "First we need to understand the proposal" at 127-167
}

func ExampleAnchor() {
	res := read()
	a := export.Annotation(res, res.Claims[0])
	// The article is corrected later: a paragraph is added before the claim.
	edited := strings.Replace(res.Source(), "\n\n", "\n\nUpdated with the Kremlin's reply.\n\n", 1)
	sp, ok := export.Anchor(edited, a.Target.Quote, &a.Target.Position)
	fmt.Println(ok, sp, res.Claims[0].Span)
	fmt.Println(sp.Text(edited))
	// Output:
	// true [117,149) [82,114)
	// that the proposal is interesting
}

func ExampleSchemaClaim() {
	res := read()
	printJSON(export.SchemaClaim(res, res.Claims[1]))
	// Output:
	// {
	//   "@context": "https://schema.org",
	//   "@type": "Claim",
	//   "@id": "urn:hearsay:a1:c6b9cfb182298099f",
	//   "text": "First we need to understand the proposal",
	//   "author": {
	//     "@type": "Person",
	//     "name": "Dmitry Peskov",
	//     "identifier": "per:dmitry-peskov"
	//   },
	//   "datePublished": "2021-02-15",
	//   "inLanguage": "en",
	//   "appearance": {
	//     "@type": "NewsArticle",
	//     "url": "https://example.com/putin-musk",
	//     "headline": "Putin open to Musk chat",
	//     "datePublished": "2021-02-15",
	//     "inLanguage": "en"
	//   },
	//   "firstAppearance": {
	//     "@type": "NewsArticle",
	//     "url": "https://example.com/putin-musk",
	//     "headline": "Putin open to Musk chat",
	//     "datePublished": "2021-02-15",
	//     "inLanguage": "en"
	//   }
	// }
}

func ExampleClaimReview() {
	res := read()
	printJSON(export.ClaimReview(res, res.Claims[1], export.Review{
		URL:         "https://factcheck.example.org/peskov-proposal",
		Author:      "Example Fact Check",
		Rating:      "Unproven",
		RatingValue: 3, BestRating: 5, WorstRating: 1,
		Date: time.Date(2021, 2, 20, 0, 0, 0, 0, time.UTC),
	}))
	// Output:
	// {
	//   "@context": "https://schema.org",
	//   "@type": "ClaimReview",
	//   "url": "https://factcheck.example.org/peskov-proposal",
	//   "claimReviewed": "First we need to understand the proposal",
	//   "itemReviewed": {
	//     "@type": "Claim",
	//     "@id": "urn:hearsay:a1:c6b9cfb182298099f",
	//     "text": "First we need to understand the proposal",
	//     "author": {
	//       "@type": "Person",
	//       "name": "Dmitry Peskov",
	//       "identifier": "per:dmitry-peskov"
	//     },
	//     "datePublished": "2021-02-15",
	//     "inLanguage": "en",
	//     "appearance": {
	//       "@type": "NewsArticle",
	//       "url": "https://example.com/putin-musk",
	//       "headline": "Putin open to Musk chat",
	//       "datePublished": "2021-02-15",
	//       "inLanguage": "en"
	//     },
	//     "firstAppearance": {
	//       "@type": "NewsArticle",
	//       "url": "https://example.com/putin-musk",
	//       "headline": "Putin open to Musk chat",
	//       "datePublished": "2021-02-15",
	//       "inLanguage": "en"
	//     }
	//   },
	//   "author": {
	//     "@type": "Organization",
	//     "name": "Example Fact Check"
	//   },
	//   "reviewRating": {
	//     "@type": "Rating",
	//     "ratingValue": 3,
	//     "bestRating": 5,
	//     "worstRating": 1,
	//     "alternateName": "Unproven"
	//   },
	//   "datePublished": "2021-02-20"
	// }
}
