// Package quotes finds the statements an article attributes to someone —
// direct, indirect and mixed speech — and resolves who that someone is.
//
// A Finder (one per language, built once, safe for concurrent use) reads
// the article body's sentences with the quotation marks of the language and
// those used in practice (mismatched, unclosed, over several paragraphs),
// the reporting verbs, "according to" phrases, complementizers, roles and
// pronouns of its language pack, and the entities the entities package
// found. Quoted text becomes a statement only with an attribution (a cue
// and a speaker, a headline "Name: “…”", a post line "— Name (@handle)", or
// the previous speaker of a quote paragraph); scare quotes, titles and
// quoted terms do not.
//
// Speakers are resolved to entities: by name, apposition ("Dimitrí
// Peskov, talsmaður Pútíns"), role (the person an apposition gave the
// role), pronoun, a subject carried over where the language drops it,
// continuation and post authorship. Organisations and unnamed sources
// ("investors", "a Kremlin spokesman") speak too.
package quotes
