// Package quantity finds the numbers a text states and what they count:
// plain numbers and counts ("5 million", "two"), money ("$ 1 billion",
// "180 miliardi di dollari", "5 milljónir króna"), percentages ("2,5 %",
// "5 per cent"), measures ("10 km", "5 years") and dates ("13. Februar
// 2021", "13 de febrero de 2021", "in 2021").
//
// Everything that depends on the language comes from its pack (the
// [numbers] section of lang/FORMAT.md): the decimal and group separators,
// scale words in every inflection ("Milliarden", "milljarða", "mil
// millones"), currency words, percent words, unit words, number words,
// month names and the words around dates. Adding a language is adding data
// to its pack; there is no language-specific code. Without a pack a Finder
// still reads digits, currency symbols and codes ("€", "US$", "USD"), "%"
// and ISO dates.
//
// Every quantity is a half-open span of UTF-8 byte offsets into the
// caller's text, so src[q.Start:q.End] is exactly what was written.
// Approximators ("around", "oltre", "rund", "plus de") stay outside the
// span.
//
//	f := quantity.New(pack)             // once per language; share it
//	qs := f.Append(nil, src, sentence)  // per sentence or document
//
// A Finder is immutable and safe for concurrent use. Append allocates
// nothing beyond the slice it grows, except the Unit string of a date.
package quantity
