// Package sentence splits text into sentences.
//
// A Segmenter applies the rules of one language, taken from its lang.Pack:
// the abbreviations that never end a sentence ("z. B.", "Dr.", "dott.",
// "u.þ.b.", "M."), month names and whether a number followed by a dot is an
// ordinal ("am 3. Mai", "15. febrúar"), and the language's function words,
// which tell a sentence that starts after an abbreviation ("… etc. The next")
// from a name that follows one ("Dr. Smith").
//
// Beyond the pack data the rules are the same for every language:
//
//   - a sentence ends at ".", "!", "?", "…" and their runs ("?!", "...")
//     followed by white space and a word that may start a sentence. A comma,
//     colon or closing bracket after the mark continues the sentence, and so
//     does a lower-case word after a closing quote (“Would you…?” he asked)
//     or after an abbreviation, initial or ordinal; after a plain word it
//     does not ("ok. see you");
//   - closing quotation marks and brackets after the final mark belong to the
//     sentence they end, and so do a citation ("[12]") and an emoticon;
//   - single-letter initials ("J. R. R. Tolkien", "George W. Bush"), dotted
//     acronyms ("U.S.", "e.g."), numbers ("90.000", "3.5"), URLs and e-mail
//     addresses do not end a sentence; an ellipsis in brackets or after a
//     space ("[…]", "credit … While") marks an omission, not an end;
//   - a missing space after a full stop ("the end.Next") still ends a
//     sentence when lower-case letters precede and a capitalised word
//     follows, outside URLs, paths and domain names ("Vísir.is");
//   - colons and semicolons do not end a sentence, except before a bare link
//     ("See: https://…");
//   - every paragraph (see text.Paragraphs) ends a sentence, so headlines and
//     list items without final punctuation stand alone, and no sentence
//     crosses a paragraph boundary;
//   - a would-be sentence without any letter, such as the "1." of a numbered
//     list, joins the sentence that follows.
//
// Some sentences end without a mark inside a paragraph: before a capitalised
// function word that follows a lower-case word (a run-in headline, "…le
// corbeau Le comédien a fait…", in languages that do not capitalise nouns),
// after a URL or an e-mail address followed by a capitalised word, after the
// clock time of a mail header ("10:53 AM I have…"), and around a horizontal
// rule ("-----").
//
// Sentences are text.Span values: half-open byte offsets into the caller's
// input, trimmed of white space. Segmentation runs in time linear in the
// length of the input, with bounded look-arounds, and allocates nothing per
// sentence beyond the slice it appends to. Invalid UTF-8 is treated as
// ordinary non-space characters.
package sentence
