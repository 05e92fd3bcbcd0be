// Package entities finds the people, organisations, places and other names
// in an article body, in every language hearsay has a pack for, and gives
// each real-world entity one canonical name and key, within an article and
// across articles and languages.
//
// A Recognizer (one per language, built once, safe for concurrent use)
// turns sentences into mentions from capitalisation read with the
// language's rules, function words, sentence starts, titles and roles,
// organisation suffixes, handles and a Gazetteer: a small multilingual name
// list shipped as data (data/gazetteer.toml), country names in every
// language from golang.org/x/text/language/display, and given names. For
// English, prose/v2's part-of-speech tags and named entities are one more
// signal (WithProse).
//
// Mentions of one entity form a cluster within the article: inflected forms
// (Icelandic Pútíns, German Putins), transliterations (Dimitrí, Dmitry;
// Peskow, Peskov), diacritics and a one-letter typo (Elon Munk) are matched.
// A cluster's canonical name is its fullest form; for people it is written
// in ASCII with transliteration variants unified, so that one person has one
// name in every language ("Vladimir Putin" for Pútín and Wladimir Putin).
// Keys are stable strings derived from the canonical name or the gazetteer
// entry. A Linker carries surname-only mentions to the full names other
// articles of a corpus gave.
package entities
