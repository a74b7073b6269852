// Package timex finds the temporal expressions of a text and normalizes them
// against a reference date (the publication date of an article).
//
// It works in two passes, as HeidelTime and SUTime do. The first finds
// expressions over a stream of typed tokens (month names, weekdays,
// numerals, units, modifiers) and records what each one says without
// resolving it: "Tuesday" is "the Tuesday nearest the anchor, in the
// direction of the sentence's tense". The second walks the expressions in
// text order and resolves each against its anchor: the reference date for
// deictic expressions ("last year", "yesterday"), the last date the text
// mentioned for anaphoric ones ("a year earlier", "the following spring").
//
// Every resolved date gets its TIMEX3 value, an EDTF date (levels 0 and 1,
// as timeline.ParseDate reads them) of the same extent, and a one-line note
// that says how it was derived. Where the text contradicts itself or leaves
// a reading open, a Warning names both readings.
//
// The package does no I/O and has no terminal code.
package timex
