package schema

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"dateline/timeline"
)

func TestLocate(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "good.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	root, _, serr := ParseYAML(b)
	if serr != nil {
		t.Fatal(serr.Msg)
	}
	tests := []struct {
		path      timeline.Path
		line, col int
	}{
		{"events[0].citations[1].quote", 47, 16},
		{"events[0].actors[1]", 39, 9},
		{"events[0].actors[1].role", 39, 30},
		{"events[0]", 31, 5},
		{"actors[1].aliases[1]", 29, 9},
		{"sources[0].text", 12, 16},             // text_file stands in for text
		{"events[1].date_note", 49, 5},          // absent field: its record
		{"events[0].citations[9].quote", 42, 7}, // no such item: the list
		{"events[7]", 31, 3},
		{"dateline", 2, 11},
		{"nothing", 1, 1},
		{"", 1, 1},
		{"events[x]", 31, 3},
		{"title[0]", 3, 8},
	}
	for _, tt := range tests {
		line, col := (&Locator{Root: root}).Locate(tt.path)
		if line != tt.line || col != tt.col {
			t.Errorf("locate(%q) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.col)
		}
	}
}

func TestRepeats(t *testing.T) {
	var probs []Problem
	for _, p := range []timeline.Path{"events[1].citations[0].start", "events[2]", "actors[0].id"} {
		probs = append(probs, Problem{Severity: timeline.SeverityError, Path: p})
	}
	probs = append(probs, Problem{Severity: timeline.SeverityWarning, Path: "events[5]"})
	seen := NewReported(probs)
	tests := []struct {
		d    timeline.Diagnostic
		want bool
	}{
		{timeline.Diagnostic{Severity: timeline.SeverityError, Path: "events[1].citations[0]"}, true},          // encloses a decoding error
		{timeline.Diagnostic{Severity: timeline.SeverityWarning, Path: "events[1]"}, false},                    // a warning about the record stays
		{timeline.Diagnostic{Severity: timeline.SeverityCitation, Path: "events[2].citations[0].quote"}, true}, // inside a broken record
		{timeline.Diagnostic{Severity: timeline.SeverityError, Path: "actors[0].id"}, true},
		{timeline.Diagnostic{Severity: timeline.SeverityError, Path: "actors[0].name"}, false},
		{timeline.Diagnostic{Severity: timeline.SeverityError, Path: "events[20]"}, false}, // prefix, not a parent
		{timeline.Diagnostic{Severity: timeline.SeverityError, Path: ""}, false},
		{timeline.Diagnostic{Severity: timeline.SeverityWarning, Path: "events[5]"}, false}, // decoder warnings hide nothing
		{timeline.Diagnostic{Severity: timeline.SeverityError, Path: "events"}, true},       // a list holding an error
	}
	for _, tt := range tests {
		if got := seen.Repeats(tt.d); got != tt.want {
			t.Errorf("repeats(%v) = %v, want %v", tt.d, got, tt.want)
		}
	}
}

func TestYAMLSyntaxErrorPlace(t *testing.T) {
	b := []byte("a: 1\nb: 2\nc: 3\n\n")
	tests := []struct {
		err  string
		line int
		msg  string
	}{
		{"yaml: line 2: mapping values are not allowed in this context", 2, "YAML syntax error: mapping values are not allowed in this context"},
		{"yaml: line 99: did not find expected key", 3, "YAML syntax error: did not find expected key"},
		{"yaml: control characters are not allowed", 3, "YAML syntax error: control characters are not allowed"},
		{"something else", 3, "YAML syntax error: something else"},
	}
	for _, tt := range tests {
		e := yamlSyntaxError(errors.New(tt.err), b)
		if e.Line != tt.line || e.Col != 1 || e.Msg != tt.msg {
			t.Errorf("yamlSyntaxError(%q) = %d:%d %q, want %d:1 %q", tt.err, e.Line, e.Col, e.Msg, tt.line, tt.msg)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := map[string]string{
		"titel":   " (did you mean title?)",
		"Title":   " (did you mean title?)",
		"summery": " (did you mean summary?)",
		"<<":      " (fields: id, date, date_note, title, summary, status, actors, tags, citations)",
		"when":    " (fields: id, date, date_note, title, summary, status, actors, tags, citations)",
	}
	for in, want := range tests {
		if got := eventFields.suggest(in); got != want {
			t.Errorf("suggest(%q) = %q, want %q", in, got, want)
		}
	}
}
