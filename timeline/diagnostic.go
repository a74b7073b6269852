package timeline

import (
	"fmt"
	"strings"
)

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
	// Uses, for a problem found in many fields, such as an id used by many
	// events, names the first few; nil for most. One diagnostic stands for
	// them all, so that a file with a hundred thousand repeats costs no
	// more than one without (a pointer keeps the common case small).
	Uses *Uses
}

// Uses are the first fields of a problem found in many.
type Uses struct {
	Paths []Path // at most MaxUses
	More  bool   // there are more than Paths
}

// MaxUses is how many of a repeated problem's uses a Diagnostic lists.
const MaxUses = 3

// Text is the message followed by the uses, each written by at (as
// "LINE:COL" where the caller knows positions), e.g. `duplicate event id
// "x": used by 2 events (at 3:5, 7:5)` or, when there are more, `… used by
// 9 events (first at 3:5, 7:5, 11:5, …)`. A nil at writes the paths.
func (d Diagnostic) Text(at func(Path) string) string {
	if d.Uses == nil || len(d.Uses.Paths) == 0 {
		return d.Message
	}
	var b strings.Builder
	b.WriteString(d.Message)
	if d.Uses.More {
		b.WriteString(" (first at ")
	} else {
		b.WriteString(" (at ")
	}
	for k, u := range d.Uses.Paths {
		if k > 0 {
			b.WriteString(", ")
		}
		if at == nil {
			b.WriteString(string(u))
		} else {
			b.WriteString(at(u))
		}
	}
	if d.Uses.More {
		b.WriteString(", …")
	}
	b.WriteString(")")
	return b.String()
}

func (d Diagnostic) String() string {
	if d.Path == "" {
		return d.Severity.String() + ": " + d.Text(nil)
	}
	return string(d.Path) + ": " + d.Severity.String() + ": " + d.Text(nil)
}
