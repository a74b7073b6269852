package article

import (
	"strings"
	"testing"
)

func TestReadNewsPage(t *testing.T) {
	a, err := Read("testdata/news_page.html")
	if err != nil {
		t.Fatal(err)
	}
	// The story only: no script, style, cookie banner, site header, nav,
	// breadcrumbs, share bar, figure, aside, form, footer or teaser.
	// Entities are decoded, a no-break space is a space, <br> a line break.
	want := strings.Join([]string{
		"Rail unions call three-day strike over pay",
		"By Ana Lind, Transport correspondent · 20 February 2024",
		"Rail workers will walk out for three days next month after talks with operators collapsed on Monday, the RMT union said — the longest stoppage since 2022.",
		"“We have been left with no choice,” the union’s general secretary, Mick Ward, told reporters in Leeds. “Members’ pay has fallen behind for a decade.”",
		"The Department for Transport said the offer of 4.5% & a one-off payment was \"fair and final\".\nOperators said services would be cut by half.",
		"What happens next",
		"Talks are due to resume on 1 March at the conciliation service, Acas.",
	}, "\n\n")
	if a.Text != want {
		t.Errorf("Text =\n%s\n\nwant\n%s", a.Text, want)
	}
	checks := []struct{ field, got, want string }{
		{"Format", string(a.Format), string(HTML)},
		{"Title", a.Title, "Rail unions call three-day strike over pay & conditions"},
		{"TitleFrom", a.TitleFrom, "HTML metadata og:title"},
		{"URL", a.URL, "https://ledger.example/news/2024/rail-strike"},
		{"Publisher", a.Publisher, "The Northern Ledger"},
		{"Published.Date", a.Published.Date, "2024-02-20"},
		{"Published.From", a.Published.From, "HTML metadata article:published_time"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
}

func TestHTMLMetadataFallbacks(t *testing.T) {
	tests := []struct {
		name, page                        string
		title, titleFrom, published, from string
	}{
		{name: "title without the site's name",
			page:  `<title>Ferry sinks | Coast News</title><meta property="og:site_name" content="Coast News"><p>Text.</p>`,
			title: "Ferry sinks", titleFrom: "HTML <title>"},
		{name: "JSON-LD",
			page:  `<script type="application/ld+json">{"datePublished": "2023-05-19T10:00:00+02:00"}</script><p>Text.</p>`,
			title: "Text.", titleFrom: "line 1", published: "2023-05-19", from: "HTML JSON-LD datePublished"},
		{name: "time in the story, not the site header's date",
			page: "<header><time datetime=\"2024-03-01\">today</time></header>\n<article>\n<h1>Ferry sinks</h1>\n" +
				"<p>Posted <time datetime=\"2024-02-19T08:00\">Monday</time></p><p>Story text.</p></article>",
			title: "Ferry sinks", titleFrom: "line 3", published: "2024-02-19", from: "HTML <time datetime> on line 4"},
		{name: "dateline in the text, with its line in the page",
			page:  "<html>\n<body>\n<h1>Ferry sinks</h1>\n<p>Published 20 February 2024</p>\n<p>Story.</p>",
			title: "Ferry sinks", titleFrom: "line 3", published: "2024-02-20", from: "line 4"},
		{name: "no date anywhere",
			page:  "<h1>Ferry sinks</h1><p>Story.</p>",
			title: "Ferry sinks", titleFrom: "line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("page.html", strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.TitleFrom != tt.titleFrom {
				t.Errorf("Title = %q from %q, want %q from %q", a.Title, a.TitleFrom, tt.title, tt.titleFrom)
			}
			if a.Published.Date != tt.published || a.Published.From != tt.from {
				t.Errorf("Published = %+v, want %q from %q", a.Published, tt.published, tt.from)
			}
		})
	}
}

func TestHTMLTeasersAndPre(t *testing.T) {
	page := `<body><article><p>Teaser.</p></article>
<article><p>The long story, with <b>bold</b> words.</p><pre>  kept
    as is</pre></article></body>`
	a, err := Parse("page.html", strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "The long story, with bold words.\n\n  kept\n    as is"
	if a.Text != want {
		t.Errorf("Text = %q, want %q", a.Text, want)
	}
}

func TestHTMLCharset(t *testing.T) {
	// Windows-1252: é is 0xe9, the curly apostrophe 0x92.
	page := "<meta charset=\"windows-1252\"><p>Caf\xe9 owner\x92s view</p>"
	a, err := Parse("page.html", strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != "Café owner’s view" {
		t.Errorf("Text = %q", a.Text)
	}
}

func TestHTMLWithoutLandmarks(t *testing.T) {
	// An older page: divs with ids and classes for everything.
	page := `<body><div id="header"><a href="/">Coast News</a> <span>Home | World</span></div>
<div class="navbar"><a>Sport</a></div>
<div class="content"><div class="article-header"><h1>Ferry sinks</h1></div>
<p>The ferry sank on Monday.</p></div>
<div class="footer">Contact us</div></body>`
	a, err := Parse("page.html", strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Ferry sinks\n\nThe ferry sank on Monday."; a.Text != want {
		t.Errorf("Text = %q, want %q", a.Text, want)
	}
}
