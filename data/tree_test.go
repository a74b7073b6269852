package data

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
	root, _, serr := parseYAML(b)
	if serr != nil {
		t.Fatal(serr.msg)
	}
	tests := []struct {
		path      timeline.Path
		line, col int
		ok        bool
	}{
		{"events[0].citations[1].quote", 47, 16, true},
		{"events[0].actors[1]", 39, 9, true},
		{"events[0].actors[1].role", 39, 30, true},
		{"events[0]", 31, 5, true},
		{"actors[1].aliases[1]", 29, 9, true},
		{"sources[0].text", 12, 16, true},             // text_file stands in for text
		{"events[1].date_note", 49, 5, true},          // absent field: its record
		{"events[0].citations[9].quote", 42, 7, true}, // no such item: the list
		{"events[7]", 31, 3, true},
		{"dateline", 2, 11, true},
		{"nothing", 1, 1, false},
		{"", 1, 1, false},
		{"events[x]", 31, 3, true},
		{"title[0]", 3, 8, true},
	}
	for _, tt := range tests {
		line, col, ok := root.locate(tt.path)
		if line != tt.line || col != tt.col || ok != tt.ok {
			t.Errorf("locate(%q) = %d:%d %v, want %d:%d %v", tt.path, line, col, ok, tt.line, tt.col, tt.ok)
		}
	}
}

func TestRepeats(t *testing.T) {
	errs := []timeline.Path{"events[1].citations[0].start", "events[2]", "actors[0].id"}
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
	}
	for _, tt := range tests {
		if got := repeats(tt.d, errs); got != tt.want {
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
		if e.line != tt.line || e.col != 1 || e.msg != tt.msg {
			t.Errorf("yamlSyntaxError(%q) = %d:%d %q, want %d:1 %q", tt.err, e.line, e.col, e.msg, tt.line, tt.msg)
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
