package article

import (
	"strings"
	"testing"
)

func TestReadMarkdown(t *testing.T) {
	a, err := Read("testdata/article.md")
	if err != nil {
		t.Fatal(err)
	}
	want := `City council approves tram extension

Published 12 March 2024

The council voted 31 to 12 on Tuesday to extend the tram line to the
airport, ending a decade-long debate
that began in 2014.

"This is the most important transport decision of our generation,"
said council leader Maria Keller.

What it costs

Construction starts in spring 2025.
The budget is €420 million, set in budget_2024.xlsx.
Opponents, led by the_ratepayers_group, said the cost_estimate was too low.

Route: Central - Airport
Stops: 9

A tram at Central station

Work on the depot was approved in 2023. See https://citynews.example/tram for maps.

Council minutes, 4 May 2023.`
	if a.Text != want {
		t.Errorf("Text =\n%s\n\nwant\n%s", a.Text, want)
	}
	checks := []struct{ field, got, want string }{
		{"Format", string(a.Format), string(Markdown)},
		{"Title", a.Title, "City council approves tram extension"},
		{"TitleFrom", a.TitleFrom, "Markdown front matter title"},
		{"URL", a.URL, "https://citynews.example/tram-extension"},
		{"Publisher", a.Publisher, "City News"},
		{"Published.Date", a.Published.Date, "2024-03-12"},
		// The line in the file, front matter and all.
		{"Published.From", a.Published.From, "line 9"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

func TestMarkdownLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"## Heading ##", "Heading"},
		{"**bold** and *em* and ***both***", "bold and em and both"},
		{"__bold__ and _em_ but snake_case_name", "bold and em but snake_case_name"},
		{"5 * 3 * 2 = 30", "5 * 3 * 2 = 30"},
		{"a [link](https://x.example/a_(b)) and [ref][1]", "a link and ref"},
		{"![alt text](img.png) caption", "alt text caption"},
		{"`**not bold**` code", "**not bold** code"},
		{"> > nested quote", "nested quote"},
		{"1. first item", "first item"},
		{"- [x] done task", "done task"},
		{`escaped \*stars\* stay`, "escaped *stars* stay"},
		{"line<br/>break and <span class=\"x\">span</span>", "linebreak and span"},
		{"===", ""},
		{"|---|:---:|", ""},
		{"--- | ---", ""},
		{"| Year | Event |", "| Year | Event |"},
		{"[1]: https://x.example", ""},
	}
	for _, tt := range tests {
		if got := markdownLine(tt.in); got != tt.want {
			t.Errorf("markdownLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownFrontMatterDate(t *testing.T) {
	md := "---\ntitle: 'Ferry sinks'\ndate: 2023-05-19T10:00:00Z\n---\n\nText, 1 June 2023.\n"
	a, err := Parse("a.md", strings.NewReader(md))
	if err != nil {
		t.Fatal(err)
	}
	want := Published{Date: "2023-05-19", From: "Markdown front matter date (line 3)", Line: 3}
	if a.Published != want || a.Title != "Ferry sinks" {
		t.Errorf("Published = %+v, Title = %q", a.Published, a.Title)
	}
	if a.Text != "Text, 1 June 2023." {
		t.Errorf("Text = %q", a.Text)
	}
}
