package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"dateline/data/export"
	"dateline/data/internal/schema"
	"dateline/timeline"
)

// Loaded is the outcome of reading a dataset file: its Dataset, the
// Timeline built from it (nil when a Problem is an error), the Problems
// sorted by position, and the text files it names.
type Loaded = schema.Loaded

// Problem is a diagnostic placed in a file: FILE:LINE:COL: SEVERITY: message.
type Problem = schema.Problem

// The export formats (see Export).
const (
	FormatTimelineJS = export.TimelineJS // TimelineJS JSON
	FormatSheetsCSV  = export.SheetsCSV  // the TimelineJS Google Sheets template as CSV
	FormatMarkdown   = export.Markdown   // a readable chronology with footnoted quotes
	FormatJSON       = export.JSON       // dateline's own JSON format, lossless
)

// ExportFormats lists the formats Export writes, in the order help shows them.
var ExportFormats = export.Formats

// Export writes the events of l at the chronological indexes idx (as
// returned by Timeline.Apply) to w in format, one of ExportFormats; see
// data/export for what each format keeps.
func Export(w io.Writer, l *Loaded, idx []int, format string) error {
	return export.Write(w, l, idx, format)
}

// SourceFileText is a source's text as dateline reads it from a file: a
// leading byte-order mark is dropped and CRLF line ends become LF, so
// offsets and checksums do not change with the editor that saved it.
// b must be valid UTF-8.
func SourceFileText(b []byte) string { return schema.SourceFileText(b) }

// ReadSourceFile reads the file at path as a dataset reads a source's
// text_file and returns its text (see SourceFileText): a regular file (a
// FIFO or device is refused, never waited on) of at most MaxFileSize,
// checked before reading, in UTF-8. Its errors name the file, in the
// words of the loader's text_file problems.
func ReadSourceFile(path string) (string, error) {
	b, err := schema.ReadText(path)
	if err != nil {
		return "", errors.New(schema.TextFileMessage("", path, err))
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("%s is not valid UTF-8", path)
	}
	return schema.SourceFileText(b), nil
}

// MarshalCitation writes c as a one-item YAML list to paste under an
// event's "citations:", as MarshalYAML would write it in a dataset, with
// head as a comment above it and sourceNote as a comment after its source.
func MarshalCitation(c timeline.Citation, head, sourceNote string) ([]byte, error) {
	return schema.MarshalCitation(c, head, sourceNote)
}

// citationIndent is where MarshalDataset puts the items of an event's
// "citations:" list: events are items of a top-level list (two spaces),
// their fields four spaces in, the citations' items six.
const citationIndent = "      "

// MarshalCitationIndented is MarshalCitation indented to paste as it is
// under an event's "citations:" in a YAML dataset laid out as
// MarshalDataset writes one.
func MarshalCitationIndented(c timeline.Citation, head, sourceNote string) ([]byte, error) {
	b, err := schema.MarshalCitation(c, head, sourceNote)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	for _, line := range bytes.SplitAfter(b, []byte("\n")) {
		if len(bytes.TrimSpace(line)) > 0 {
			out.WriteString(citationIndent)
		}
		out.Write(line)
	}
	return out.Bytes(), nil
}

// MarshalDataset writes ds as a complete dataset file in format "yaml" or
// "json" (our own schema). Sources named in textFiles (by id) are written
// as text_file with that path, the others with their text inline.
func MarshalDataset(ds *timeline.Dataset, format string, textFiles map[string]string) ([]byte, error) {
	if format == "json" {
		return schema.MarshalJSONFiles(ds, textFiles)
	}
	return schema.MarshalYAMLFiles(ds, textFiles)
}
