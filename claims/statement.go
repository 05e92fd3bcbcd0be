package claims

import (
	"slices"

	"github.com/hearsay-go/hearsay/quantity"
	"github.com/hearsay-go/hearsay/quotes"
	"github.com/hearsay-go/hearsay/text"
	"github.com/hearsay-go/hearsay/worthy"
)

// StatementThreshold is the check-worthiness from which a sentence in the
// article's own voice is reported as a Statement claim.
const StatementThreshold = 0.5

// worthyStatement is a body sentence in the article's own voice that
// scores as check-worthy: the k-th of the body, with its quantities.
type worthyStatement struct {
	k     int
	qs    []quantity.Quantity
	score float64
	why   worthy.Reason
}

// worthyStatements finds the body's check-worthy sentences in the
// article's own voice: sentences that hold no attributed statement, no cue
// and no quotation, whose numbers, comparisons or superlatives make them
// worth checking. bodySents are the body's sentences and tokens their
// tokens (tokenRuns). They are found before the claims are made, so that
// the claims are allocated once.
func (pl *pipeline) worthyStatements(work string, bodySents []text.Span, tokens [][]text.Token, statements []quotes.Statement) []worthyStatement {
	voiced := make([]bool, len(bodySents))
	for _, st := range statements {
		markOverlaps(voiced, bodySents, st.Content)
		markOverlaps(voiced, bodySents, st.Cue)
	}
	var out []worthyStatement
	for k, sp := range bodySents {
		if voiced[k] {
			continue
		}
		qs := pl.numbers.Append(nil, work, sp)
		score, why := pl.worthy.ScoreTokens(work, sp, tokens[k], qs)
		if score >= StatementThreshold {
			out = append(out, worthyStatement{k: k, qs: qs, score: score, why: why})
		}
	}
	return out
}

// appendStatements appends to out the Statement claims of ws; index maps
// the body's sentences to res.Sentences.
func appendStatements(out []Claim, res *Result, ws []worthyStatement, bodySents []text.Span, index []int, docHash [32]byte, mentions mentionList) []Claim {
	for _, w := range ws {
		sp := bodySents[w.k]
		c := Claim{
			Kind: Statement, Form: quotes.Clause, Span: sp, Text: sp.Text(res.src), Sentence: index[w.k],
			Entities: mentions.keysIn(sp), Quantities: w.qs, Lang: res.Lang, Confidence: w.score, Worthiness: w.score, Why: w.why,
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
