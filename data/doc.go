// Package data is the front door to dateline's file formats: LoadFile and
// LoadBytes tell the formats apart by content and hand the file to the
// package that reads it, Embedded gives the dataset built into the binary,
// and Export writes a dataset in one of ExportFormats.
//
// The formats live beside it, each in its own package: data/jsonl (JSON
// Lines), data/timelinejs (TimelineJS JSON and its Google Sheets CSV),
// data/export (the writers), data/fix (validate --fix), with
// data/internal/schema (the YAML and JSON trees, the decoder, Problem and
// Loaded) below them all and data/atomicfile (writing files atomically)
// below that. Loaded and Problem are aliases of schema's types, so that
// callers need only this package to load a dataset.
package data
