// Package lang holds hearsay's knowledge of each language as data: one TOML
// file per language, embedded in the binary, with quotation marks,
// abbreviations, month names, function words, page boilerplate phrases and
// the vocabulary of reported speech. It also identifies the language of a
// text among the installed packs.
//
// Adding a language is adding a file to data/ (see FORMAT.md); callers can
// also build a Registry from packs of their own with Parse and NewRegistry.
//
// Packs and registries are immutable once built and safe for concurrent use.
package lang
