// Package data reads and writes dateline's file formats and holds the
// embedded default dataset. It turns files into timeline.Datasets, and
// timeline.Diagnostics into file positions.
package data
