// Package worthy scores how worth checking a sentence is, for the
// statements an article makes itself (quoted and reported speech is the
// quotes package's business).
//
// A claim worth checking states something that can be measured or ranked:
// an amount of money, a percentage, a measure or a large number (found by
// the quantity package and passed in), a comparison or change ("more
// than", "doubled", "grown rapidly") or a superlative ("the world's
// richest man", "l'homme le plus riche", "ríkasti maður heims"). Dates and
// small counts are weak evidence. Questions, opinions ("I think", "should",
// "must") and hedges ("may", "reportedly") are not claims of fact and pull
// the score down.
//
// The words come from the language pack ([claims] in lang/FORMAT.md:
// superlatives and their endings, comparatives, opinion words, hedges); no
// code depends on the language.
//
//	s := worthy.New(pack)                  // once per language; share it
//	qs := finder.Append(nil, src, sent)    // quantity.Finder
//	score, why := s.Score(src, sent, qs)   // 0–1, and a Reason set
//
// Scores: each signal is a chance that the sentence is a claim (quantity
// 0.6, comparison 0.5, superlative 0.5, date 0.15, count 0.2), combined as
// independent chances above a base of 0.05; a question multiplies the
// score by 0.3, an opinion or a hedge by 0.5. So one strong signal scores
// at least 0.5, weak signals alone stay below it, and a question, opinion
// or hedge keeps any sentence below it.
//
// A Scorer is immutable and safe for concurrent use.
package worthy
