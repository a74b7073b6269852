package article

import (
	"fmt"
	"regexp"
	"strings"
)

// pageTitle is og:title, else <title> without a trailing " | Site Name",
// else twitter:title.
func (p *pageReader) pageTitle(publisher string) (string, string) {
	if t := oneLine(p.meta["og:title"]); t != "" {
		return t, "HTML metadata og:title"
	}
	if t := oneLine(p.title.String()); t != "" {
		if publisher != "" {
			for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
				if rest, ok := strings.CutSuffix(t, sep+publisher); ok && rest != "" {
					t = rest
					break
				}
			}
		}
		return t, "HTML <title>"
	}
	if t := oneLine(p.meta["twitter:title"]); t != "" {
		return t, "HTML metadata twitter:title"
	}
	return "", ""
}

// publishedMeta are the metadata names that carry a publication date, best
// first: Open Graph's article:published_time, then those of schema.org,
// Dublin Core and common publishing systems.
var publishedMeta = []string{
	"article:published_time", "datepublished", "og:published_time", "pubdate",
	"publishdate", "publish-date", "date", "dc.date.issued", "dc.date", "dcterms.issued",
	"dcterms.created", "sailthru.date", "parsely-pub-date",
}

var ldDatePublished = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)

func (p *pageReader) published(blocks []htmlBlock) Published {
	for _, key := range publishedMeta {
		if d, ok := metadataDate(p.meta[key]); ok {
			return Published{Date: d, From: "HTML metadata " + key}
		}
	}
	if m := ldDatePublished.FindStringSubmatch(p.ldJSON.String()); m != nil {
		if d, ok := metadataDate(m[1]); ok {
			return Published{Date: d, From: "HTML JSON-LD datePublished"}
		}
	}
	// A <time> marked as the publication time, else the first <time> of
	// the story, else the first of the page.
	story := 0
	if len(blocks) > 0 {
		story = blocks[0].article
	}
	pick := func(ok func(htmlTime) bool) (Published, bool) {
		for _, t := range p.times {
			if d, valid := metadataDate(t.value); valid && ok(t) {
				return Published{Date: d, From: fmt.Sprintf("HTML <time datetime> on line %d", t.line), Line: t.line}, true
			}
		}
		return Published{}, false
	}
	for _, ok := range []func(htmlTime) bool{
		func(t htmlTime) bool { return t.pub },
		func(t htmlTime) bool { return story > 0 && t.article == story },
		func(t htmlTime) bool { return story == 0 },
	} {
		if pub, found := pick(ok); found {
			return pub
		}
	}
	return Published{}
}
