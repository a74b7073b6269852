// Package export writes a dataset, or the filtered view of one, for other
// tools and for readers: TimelineJS JSON and its Sheets CSV, a Markdown
// chronology, and our own JSON. Write is the format switch; the facade
// (package data) re-exports it as data.Export.
package export
