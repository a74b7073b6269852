// Package draft turns an article into a draft chronology: one event per
// dated statement, each dated by the date engine (timeline/timex) against
// the publication date and cited by the sentence it comes from, and the
// people, organisations and states the article names as actors.
//
// It is a draft for an analyst to check, not a finished chronology: titles
// are cut from the sentence, roles follow word order, and names that could
// be two actors are left unmerged. Every date keeps the engine's
// derivation note and warnings in its date_note.
package draft
