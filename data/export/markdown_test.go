package export

import (
	"dateline/data/timelinejs"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestMarkdownGolden compares the Markdown export of the embedded dataset
// with testdata/TestMarkdownGolden.golden (go test -update rewrites it).
func TestMarkdownGolden(t *testing.T) {
	l := loadEmbedded(t)
	golden.RequireEqual(t, export(t, l, everything(l), Markdown))
}

// TestMarkdownExport checks the structure on a dataset with every status,
// an undated event, markup in the text and quotes.
func TestMarkdownExport(t *testing.T) {
	l := exportFixture(t, "dates.yaml")
	md := string(export(t, l, everything(l), Markdown))
	for _, want := range []string{
		"# Harbour \\<works> & more\n",
		"\n## 20 Feb 2024 — A day\n\n**Status:** alleged\\\n**Who:** Mayor Kim (speaker), Dockers' union\n\nTwo paragraphs \\<b>not\\</b> HTML & such.\n\nThe second one.[^2]\n\n[^2]: *Memo on the harbour works*, paragraph 2: “start in the summer”\n",
		"\n## Sep 2023 – 20 Feb 2024 — Mixed ends\n\n**Status:** reported\\\n**Who:** Harbour Board\n\nCited:[^1]\n\n[^1]: *Memo on the harbour works*, paragraph 1: “The harbour board met in March 2023”\n",
		"\n## until 2021 — Until 2021\n",
		"\n## Undated — No date at all\n",
		"\n## Sources\n\n- **Memo on the harbour works**, Harbour Gazette, 2 May 2023. <https://example.org/memo?a=1&b=2>\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	// Every footnote referenced is defined once, and the other way round.
	refs := regexp.MustCompile(`\[\^(\d+)\][^:]`).FindAllStringSubmatch(md, -1)
	defs := regexp.MustCompile(`(?m)^\[\^(\d+)\]: `).FindAllStringSubmatch(md, -1)
	if len(refs) != 2 || len(defs) != 2 {
		t.Errorf("%d footnote references and %d definitions, want 2 and 2", len(refs), len(defs))
	}
	// Events come in chronological order: 44 BCE before 2017.
	if strings.Index(md, "Ides of March") > strings.Index(md, "— A year") {
		t.Error("events are not in chronological order")
	}
}

func TestMDEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, Kim Jong-un", "plain words, Kim Jong-un"},
		{"*stars* _under_ `code` [link](x) <tag>", `\*stars\* \_under\_ \` + "`" + `code\` + "`" + ` \[link\](x) \<tag>`},
		{"# not a heading", `\# not a heading`},
		{"- not a list\n+ nor this\n> nor a quote", "\\- not a list\n\\+ nor this\n\\> nor a quote"},
		{"2017. A year", `2017\. A year`},
		{"12) item", `12\) item`},
		{"2017 was a year", "2017 was a year"},
		{`back\slash`, `back\\slash`},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in); got != tt.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMarkdownShowsNEL: U+0085, a C1 control Unicode counts as white space,
// is written as the escape \u0085, not folded into a space with the rest
// of a quote's white space.
func TestMarkdownShowsNEL(t *testing.T) {
	if got := timelinejs.OneLine("a\u0085b  c\n d"); got != "a\u0085b c d" {
		t.Errorf("OneLine = %q", got)
	}
	l := exportFixture(t, "dates.yaml")
	ev := l.Timeline.Event(0)
	ev.Title = "Before\u0085after"
	md := string(export(t, l, everything(l), Markdown))
	if !strings.Contains(md, `Before\u0085after`) || strings.Contains(md, "\u0085") {
		t.Errorf("the Markdown should show NEL as \\u0085:\n%s", md)
	}
}
