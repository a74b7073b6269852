// Package timeline is dateline's domain model: dated events, the actors
// involved in them, the sources they come from and the verbatim citations that
// tie every claim to the characters of its source. It has no terminal code.
//
// # Dates
//
// Dates are EDTF (Extended Date/Time Format, Library of Congress 2019, part of
// ISO 8601-2), levels 0 and 1. [ParseDate] accepts a day ("2024-02-20"), a
// month ("2023-09"), a year ("2017"), a date-time with "Z" or an offset,
// qualifiers on a whole date ("?" uncertain, "~" approximate, "%" both),
// unspecified digits from the right ("201X", "2004-XX"), seasons 21–24
// (northern meteorological), long years ("Y170000002"), negative years and
// intervals ("2023-09/2024-02-20", "../2021", "2024-02-20/..", "/2024").
// A [Date] knows its earliest and latest calendar [Day] (proleptic Gregorian,
// astronomical years, so year 0 is 1 BCE), its [Precision] and its qualifiers,
// and formats itself for people with [Date.Human].
//
// # Records
//
// A [Dataset] holds [Actor]s, [Source]s and [Event]s as authored. Events name
// actors by id, optionally with a role, and carry [Citation]s: a W3C
// TextQuoteSelector (quote, prefix, suffix) plus an optional recorded
// TextPositionSelector (start, end). [ResolveQuote] anchors a citation in its
// source's text: exact match first, then a match tolerant of typographic
// changes (quotes, dashes, whitespace runs); offsets are code points.
//
// # Timelines
//
// [New] validates a dataset, resolves its citations and builds a [Timeline]:
// events in chronological order (see [Timeline] for the rule) with indexes
// that let a [Filter] on actors or dates touch only the matching events.
// Problems come back as [Diagnostic]s with a [Severity] and the [Path] of the
// field at fault; the data package turns paths into file positions.
package timeline
