package timeline

import "fmt"

// Severity ranks a problem found in a dataset.
type Severity uint8

// Severities, from worst to mildest.
const (
	// SeverityError: the dataset cannot be used (wrong types, unknown fields,
	// duplicate keys or ids, unknown references, invalid dates, empty quotes).
	SeverityError Severity = iota
	// SeverityCitation: the dataset loads but a quote is absent from its
	// source or ambiguous; the citation is shown as unresolved.
	SeverityCitation
	// SeverityWarning: worth a look (an uncited event, a stale recorded
	// position or checksum); validation passes unless strict.
	SeverityWarning
)

var severityNames = [...]string{"error", "citation error", "warning"}

// String returns "error", "citation error" or "warning".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", s)
}

// Path names a field of a dataset record, such as
// "events[3].citations[0].quote" or "actors[2].id". Indexes are 0-based
// positions in the Dataset's slices; the data package maps a Path to the
// line and column where that field (or, failing that, its record) was written.
type Path string

// Field returns the path of a field of the i-th element of list
// ("events", "actors", "sources"), e.g. FieldPath("events", 3, "date").
func FieldPath(list string, i int, field string) Path {
	if field == "" {
		return Path(fmt.Sprintf("%s[%d]", list, i))
	}
	return Path(fmt.Sprintf("%s[%d].%s", list, i, field))
}

// Diagnostic is one problem in a dataset.
type Diagnostic struct {
	Severity Severity
	Path     Path // the field at fault; empty for the dataset as a whole
	Message  string
}

func (d Diagnostic) String() string {
	if d.Path == "" {
		return d.Severity.String() + ": " + d.Message
	}
	return string(d.Path) + ": " + d.Severity.String() + ": " + d.Message
}
