package export

import (
	"time"

	"github.com/hearsay-go/hearsay/claims"
	"github.com/hearsay-go/hearsay/entities"
)

// SchemaContext is the JSON-LD context of schema.org.
const SchemaContext = "https://schema.org"

// SchemaOrgClaim is a schema.org Claim.
type SchemaOrgClaim struct {
	// Context is left out when the claim is nested in a ClaimReview,
	// which carries it.
	Context       string `json:"@context,omitempty"`
	Type          string `json:"@type"`
	ID            string `json:"@id"`
	Text          string `json:"text"`
	Author        *Agent `json:"author,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
	InLanguage    string `json:"inLanguage,omitempty"`
	// Appearance and FirstAppearance are the article the claim was read
	// in: hearsay knows of no earlier one.
	Appearance      *NewsArticle `json:"appearance,omitempty"`
	FirstAppearance *NewsArticle `json:"firstAppearance,omitempty"`
}

// Agent is a schema.org Person or Organization.
type Agent struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	// Identifier is hearsay's entity key ("per:dmitry-peskov"), the same
	// in every article and language.
	Identifier string `json:"identifier,omitempty"`
}

// NewsArticle is the schema.org NewsArticle a claim appears in.
type NewsArticle struct {
	Type          string `json:"@type"`
	URL           string `json:"url,omitempty"`
	Headline      string `json:"headline,omitempty"`
	DatePublished string `json:"datePublished,omitempty"`
	InLanguage    string `json:"inLanguage,omitempty"`
}

// SchemaOrgClaimReview is a schema.org ClaimReview: a fact-checker's
// verdict on a claim.
type SchemaOrgClaimReview struct {
	Context       string         `json:"@context"`
	Type          string         `json:"@type"`
	URL           string         `json:"url,omitempty"`
	ClaimReviewed string         `json:"claimReviewed"`
	ItemReviewed  SchemaOrgClaim `json:"itemReviewed"`
	Author        *Agent         `json:"author,omitempty"`
	ReviewRating  Rating         `json:"reviewRating"`
	DatePublished string         `json:"datePublished,omitempty"`
}

// Rating is a schema.org Rating. The numbers are written only with a
// scale (BestRating above zero), so that a zero rating on a scale from
// zero is still written.
type Rating struct {
	Type          string `json:"@type"`
	RatingValue   *int   `json:"ratingValue,omitempty"`
	BestRating    *int   `json:"bestRating,omitempty"`
	WorstRating   *int   `json:"worstRating,omitempty"`
	AlternateName string `json:"alternateName,omitempty"`
}

// Review is a fact-checker's verdict, the part of a ClaimReview that
// hearsay cannot know.
type Review struct {
	// URL is the address of the fact-check article.
	URL string
	// Author is the fact-checking organisation.
	Author string
	// Rating is the verdict in words ("False", "Mostly true").
	Rating string
	// RatingValue is the verdict on the scale WorstRating..BestRating;
	// the numbers are left out when BestRating is zero.
	RatingValue, BestRating, WorstRating int
	// Date is when the review was published; left out when zero.
	Date time.Time
}

// SchemaClaim returns claim c of res as a schema.org Claim. Its author is
// the speaker: a Person, or an Organization when the speaker is an
// organisation or a place (a country's government) by entity type, also
// for an unnamed source ("investors" is a Person, "Police" typed ORG an
// Organization). A claim with no speaker, such as a statement the article
// makes itself, has no author: the article's publisher is not known to a
// claims.Result.
func SchemaClaim(res *claims.Result, c claims.Claim) SchemaOrgClaim {
	s := SchemaOrgClaim{
		Context:       SchemaContext,
		Type:          "Claim",
		ID:            claimIRI(res, c),
		Text:          c.Text,
		DatePublished: date(res.Published),
		InLanguage:    c.Lang,
	}
	if c.Kind.Attributed() && c.Speaker.Name != "" {
		s.Author = &Agent{Type: "Person", Name: c.Speaker.Name, Identifier: c.Speaker.Key}
		if t := c.Speaker.Type; t == entities.Org || t == entities.Loc {
			s.Author.Type = "Organization"
		}
	}
	a := NewsArticle{
		Type:          "NewsArticle",
		URL:           res.URL,
		Headline:      res.Title.Text(res.Source()),
		DatePublished: date(res.Published),
		InLanguage:    res.Lang,
	}
	if a != (NewsArticle{Type: "NewsArticle"}) {
		s.Appearance, s.FirstAppearance = &a, &a
	}
	return s
}

// ClaimReview returns a schema.org ClaimReview of claim c of res with the
// verdict r, in the form search engines read from fact-check articles.
func ClaimReview(res *claims.Result, c claims.Claim, r Review) SchemaOrgClaimReview {
	item := SchemaClaim(res, c)
	item.Context = "" // the review's context covers it
	cr := SchemaOrgClaimReview{
		Context:       SchemaContext,
		Type:          "ClaimReview",
		URL:           r.URL,
		ClaimReviewed: c.Text,
		ItemReviewed:  item,
		ReviewRating:  Rating{Type: "Rating", AlternateName: r.Rating},
		DatePublished: date(r.Date),
	}
	if r.Author != "" {
		cr.Author = &Agent{Type: "Organization", Name: r.Author}
	}
	if r.BestRating > 0 {
		v, best, worst := r.RatingValue, r.BestRating, r.WorstRating
		cr.ReviewRating.RatingValue, cr.ReviewRating.BestRating, cr.ReviewRating.WorstRating = &v, &best, &worst
	}
	return cr
}

// date writes t as an ISO 8601 date ("2021-02-15") when it has no time of
// day, else as RFC 3339; "" for the zero time.
func date(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}
