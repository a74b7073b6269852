package timelinejs

import (
	"strings"
	"testing"
)

func TestHTMLToText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text keeps its line breaks", "line one\r\nline two\n\npara &amp; more", "line one\nline two\n\npara & more"},
		{"a lone < is text", "a < b and c > d", "a < b and c > d"},
		{"inline tags vanish", "The <b>board</b> <em>meets</em>.", "The board meets."},
		{"no space added inside words", "Un<i>believ</i>able", "Unbelievable"},
		{"paragraphs", "<p>One</p>\n  <p>Two\n   words</p>", "One\n\nTwo words"},
		{"br", "Second<br>line<br/>and<br><br>a paragraph", "Second\nline\nand\n\na paragraph"},
		{"entities", "&lt;tag&gt; &quot;q&quot; &#39;s&#39; &eacute; &#x263A; caf&eacute;&nbsp;au lait", `<tag> "q" 's' é ☺ café au lait`},
		{"lists", "<ul><li>one</li><li>two <b>bold</b></li></ul>after", "- one\n- two bold\n\nafter"},
		{"link with another text", `see <a href="https://example.org/x?a=1&amp;b=2">the memo</a>.`, "see the memo (https://example.org/x?a=1&b=2)."},
		{"link whose text is the URL", `<a href='https://example.org'>https://example.org</a>`, "https://example.org"},
		{"relative link", `<a href="/x">here</a>`, "here"},
		{"script and style dropped", "a<script>alert('<p>')</script>b<style>p{}</style>c", "abc"},
		{"comments dropped", "a<!-- <p>hidden</p> -->b", "ab"},
		{"quoted > in an attribute", `<span title="a > b">x</span>`, "x"},
		{"unclosed tag is text", "a <b never closed", "a <b never closed"},
		{"headings and blockquotes", "<h2>Title</h2><blockquote>Quote</blockquote>", "Title\n\nQuote"},
		{"white space at the ends", "  <p>  padded  </p>  ", "padded"},
		{"doctype", "<!DOCTYPE html><p>x</p>", "x"},
	}
	for _, tt := range tests {
		if got := htmlToText(tt.in); got != tt.want {
			t.Errorf("%s: htmlToText(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestTextToHTML(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"one", "<p>one</p>"},
		{"a & b < c", "<p>a &amp; b &lt; c</p>"},
		{"line one\nline two\n\n  second para  \n\n\n", "<p>line one<br>line two</p><p>second para</p>"},
		{`"quoted" it's`, `<p>"quoted" it's</p>`},
	}
	for _, tt := range tests {
		got := TextToHTML(tt.in)
		if got != tt.want {
			t.Errorf("textToHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// What we write reads back as the same paragraphs.
		if back, want := htmlToText(got), strings.Join(SplitParagraphs(tt.in), "\n\n"); back != want {
			t.Errorf("round trip of %q gave %q, want %q", tt.in, back, want)
		}
	}
}

func FuzzHTMLToText(f *testing.F) {
	for _, s := range []string{"<p>a</p>", "<a href=\"x\">y</a>", "<!--", "<script>", "a<b", "<li>", "<a href='", "&amp"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := htmlToText(s)
		if !hasTag(s) {
			return // plain text keeps its own line breaks
		}
		if strings.Contains(out, "\n\n\n") {
			t.Errorf("three line breaks in %q", out)
		}
		if out != strings.TrimSpace(out) {
			t.Errorf("white space at the ends of %q", out)
		}
	})
}
