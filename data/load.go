package data

// STUB: replaced by the loader. The exported API is the contract.

import (
	"fmt"

	"dateline/timeline"
)

// Problem is a diagnostic placed in a file.
type Problem struct {
	File      string // path as given by the user, or "embedded:NAME"
	Line, Col int    // 1-based; 0 when unknown
	Severity  timeline.Severity
	Message   string
}

// String formats the problem as FILE:LINE:COL: SEVERITY: message.
func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", p.File, p.Line, p.Col, p.Severity, p.Message)
}

// Loaded is the outcome of reading a dataset file.
type Loaded struct {
	File     string
	Dataset  *timeline.Dataset  // nil when the file could not be decoded
	Timeline *timeline.Timeline // nil when any Problem has SeverityError
	Problems []Problem          // in file order
}

// Err returns an error naming the first problem when the Timeline is nil.
func (l *Loaded) Err() error {
	if l.Timeline != nil {
		return nil
	}
	for _, p := range l.Problems {
		if p.Severity == timeline.SeverityError {
			return fmt.Errorf("%s", p)
		}
	}
	return fmt.Errorf("%s: cannot load", l.File)
}

// Count returns how many problems have severity s.
func (l *Loaded) Count(s timeline.Severity) int {
	n := 0
	for _, p := range l.Problems {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// LoadFile reads a dataset file (YAML or JSON, by content). It never returns
// nil; unreadable files become a Problem.
func LoadFile(path string) *Loaded { return &Loaded{File: path} }

// Embedded loads the dataset built into the binary.
func Embedded() *Loaded { return &Loaded{File: "embedded"} }
