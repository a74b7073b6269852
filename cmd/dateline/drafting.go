package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"dateline/data"
	"dateline/data/article"
	"dateline/timeline"
	"dateline/timeline/draft"
)

// drafted is a chronology drafted from articles, before it is written:
// what extract writes and what the viewer shows when it opens an article.
type drafted struct {
	paths []string
	read  []*article.Article // read[i] is the article at paths[i]
	ds    *timeline.Dataset
	// log is what extract says on stderr, in order: each article's
	// publication date and where it came from, then the warnings.
	log []string
	// warnings are the FILE:LINE:COL warnings of log, for the viewer.
	warnings []data.Problem
}

// draftArticles reads the articles and drafts one dataset from them, the
// one drafting path of extract and of `dateline ARTICLE`. published
// (YYYY-MM-DD, may be "") dates every article; title (may be "") names the
// one article's source.
func draftArticles(paths []string, published, title string) (*drafted, error) {
	var ref time.Time
	if published != "" {
		t, err := time.Parse("2006-01-02", published)
		if err != nil {
			return nil, usagef("--published %q is not a date of the form YYYY-MM-DD", published)
		}
		ref = t
	}
	d := &drafted{paths: paths}
	var (
		arts    []draft.Article
		sources []timeline.Source
	)
	warn := func(file string, line, col int, msg string) {
		msg = clean(msg)
		d.log = append(d.log, fmt.Sprintf("%s:%d:%d: warning: %s", file, line, col, msg))
		d.warnings = append(d.warnings, data.Problem{File: file, Line: line, Col: col, Severity: timeline.SeverityWarning, Message: msg})
	}
	ids := map[string]bool{}
	for _, p := range paths {
		art, err := article.Read(p)
		if err != nil {
			return nil, err
		}
		pub := ref
		if published == "" {
			if !art.Published.Known() {
				return nil, usagef("cannot tell when %s was published; pass --published DATE", p)
			}
			t, err := time.Parse("2006-01-02", art.Published.Date)
			if err != nil {
				return nil, fmt.Errorf("%s: publication date %q: %v", p, art.Published.Date, err)
			}
			pub = t
			d.log = append(d.log, fmt.Sprintf("%s: published %s, from %s", p, art.Published.Date, art.Published.From))
			if art.Published.Note != "" {
				warn(p, art.Published.Line, 1, art.Published.Note)
			}
		}
		t := art.Title
		if title != "" {
			t = title
		}
		id := draft.Unique(draft.Slug(t, 8), ids)
		sum := sha256.Sum256([]byte(art.Text))
		sources = append(sources, timeline.Source{ID: id, Title: t, Publisher: art.Publisher, URL: art.URL,
			Published: timeline.MustParseDate(pub.Format("2006-01-02")), Text: art.Text, SHA256: hex.EncodeToString(sum[:])})
		arts = append(arts, draft.Article{SourceID: id, Text: art.Text, Published: pub})
		d.read = append(d.read, art)
	}
	res := draft.Draft(arts)
	for _, w := range res.Warnings {
		for i, s := range sources {
			if s.ID == w.SourceID {
				line, col := d.read[i].Position(w.Offset)
				warn(paths[i], line, col, w.Message)
			}
		}
	}
	dsTitle := "Draft chronology"
	if len(sources) == 1 {
		dsTitle = "Draft: " + sources[0].Title
	}
	d.ds = &timeline.Dataset{Title: dsTitle, Sources: sources, Actors: res.Actors, Events: res.Events}
	return d, nil
}

// besideOut are the sources whose article is a plain-text file in out's
// folder: the dataset names that file (text_file) rather than copying it,
// since the offsets index its text. out "" (standard output) has none.
func (d *drafted) besideOut(out string) map[string]string {
	files := map[string]string{}
	for i, art := range d.read {
		if out != "" && art.Format == article.PlainText && sameDir(d.paths[i], out) {
			files[d.ds.Sources[i].ID] = filepath.Base(d.paths[i])
		}
	}
	return files
}

// marshal writes the dataset file for out in format, sources in
// textFiles named by their text_file, and checks it by loading it back.
func (d *drafted) marshal(format, out string, textFiles map[string]string) ([]byte, error) {
	b, err := data.MarshalDataset(d.ds, format, textFiles)
	if err != nil {
		return nil, err
	}
	// The draft must load as a valid dataset; a problem here is a bug of
	// the drafter, said as such rather than written.
	dir := "."
	if out != "" {
		dir = filepath.Dir(out)
	}
	l := data.LoadBytes("draft."+format, b, dir)
	if err := l.Err(); err != nil {
		return nil, fmt.Errorf("the draft does not validate (a bug in dateline): %v", err)
	}
	return b, nil
}

// summary is extract's last line about the draft.
func (d *drafted) summary() string {
	return fmt.Sprintf("drafted %s and %s from %s", timeline.Plural(len(d.ds.Events), "event"),
		timeline.Plural(len(d.ds.Actors), "actor"), timeline.Plural(len(d.ds.Sources), "article"))
}

// isArticle tells an article from a dataset by its name: text, Markdown
// and HTML files are articles (dateline ARTICLE drafts them); any other
// name is a dataset, whose format the loader tells by content.
func isArticle(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

// errProblem turns a drafting error into the load problem the viewer
// shows: an article error keeps its place, a usage error (no publication
// date) its message.
func errProblem(path string, err error) data.Problem {
	p := data.Problem{File: path, Severity: timeline.SeverityError, Message: err.Error()}
	var ae *article.Error
	if errors.As(err, &ae) {
		p.File, p.Line, p.Col, p.Message = ae.File, ae.Line, ae.Col, ae.Msg
	}
	return p
}
