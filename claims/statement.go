package claims

import (
	"slices"

	"github.com/hearsay-go/hearsay/quotes"
	"github.com/hearsay-go/hearsay/text"
)

// StatementThreshold is the check-worthiness from which a sentence in the
// article's own voice is reported as a Statement claim.
const StatementThreshold = 0.5

// statements appends to res.Claims the body's check-worthy sentences in
// the article's own voice: sentences that hold no attributed claim, no cue
// and no quotation, whose numbers, comparisons or superlatives make them
// worth checking. bodySents are the body's sentences, tokens their tokens
// (tokenRuns), index their indices in res.Sentences.
func (pl *pipeline) statements(res *Result, bodySents []text.Span, tokens [][]text.Token, index []int, docHash [32]byte, mentions mentionList) []Claim {
	src, work := res.src, res.read()
	out := res.Claims
	voiced := make([]bool, len(bodySents))
	for _, c := range res.Claims {
		markOverlaps(voiced, bodySents, c.Span)
		markOverlaps(voiced, bodySents, c.Cue)
	}
	for k, sp := range bodySents {
		if voiced[k] {
			continue
		}
		qs := pl.numbers.Append(nil, work, sp)
		score, why := pl.worthy.ScoreTokens(work, sp, tokens[k], qs)
		if score < StatementThreshold {
			continue
		}
		c := Claim{
			Kind: Statement, Form: quotes.Clause, Span: sp, Text: sp.Text(src), Sentence: index[k],
			Entities: mentions.keysIn(sp), Quantities: qs, Lang: res.Lang, Confidence: score, Worthiness: score, Why: why,
		}
		c.ID = claimID(docHash, c.Kind, c.Span)
		out = append(out, c)
	}
	return out
}

// markOverlaps marks the sentences (in order, not overlapping) that sp
// overlaps.
func markOverlaps(marks []bool, sents []text.Span, sp text.Span) {
	if sp.Empty() {
		return
	}
	k, _ := slices.BinarySearchFunc(sents, sp.Start, func(s text.Span, off int) int { return s.End - off - 1 })
	for ; k < len(sents) && sents[k].Start < sp.End; k++ {
		if sents[k].Overlaps(sp) {
			marks[k] = true
		}
	}
}
