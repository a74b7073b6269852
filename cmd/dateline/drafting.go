package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"dateline/data"
	"dateline/data/article"
	"dateline/data/atomicfile"
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
		msg = timeline.VisibleControls(msg)
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
				d.warnings[len(d.warnings)-1].Path = citingEvent(res.Events, w.SourceID, w.Offset)
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

// citingEvent is the path of the first event whose citation of source
// spans offset (a code point of its text), so that a drafting warning,
// which is about a date in a sentence, leads to the event drafted from
// that sentence (the viewer's problems list goes there on enter); "" when
// no event cites it (the date gave none).
func citingEvent(events []timeline.Event, source string, offset int) timeline.Path {
	for i, ev := range events {
		for _, c := range ev.Citations {
			if c.Source == source && c.Start >= 0 && c.Start <= offset && offset < c.End {
				return timeline.FieldPath("events", i, "")
			}
		}
	}
	return ""
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

// articleView is the viewer's side of an opened article: each load drafts
// it afresh (r and --watch re-read it), and the last draft shown is the
// one the yaml export saves.
type articleView struct {
	path, published string
	mu              sync.Mutex
	last            *drafted
}

// load drafts the article into a dataset the viewer can show.
func (v *articleView) load() *data.Loaded {
	d, err := draftArticles([]string{v.path}, v.published, "")
	if err != nil {
		return &data.Loaded{File: v.path, Problems: []data.Problem{errProblem(v.path, err)}}
	}
	v.mu.Lock()
	v.last = d
	v.mu.Unlock()
	return d.loaded()
}

// loaded builds the timeline straight from the drafted dataset, with the
// drafting warnings as its problems: no file is written or parsed. What
// timeline.New says about an event is placed at its sentence in the
// article. A dataset it cannot build (a bug of the drafter) is loaded
// through its YAML instead, so that each error gets a line and column,
// in the YAML that saving it would write.
func (d *drafted) loaded() *data.Loaded {
	file := d.paths[0]
	tl, diags := timeline.New(d.ds)
	if tl != nil {
		probs := slices.Clone(d.warnings)
		for _, dg := range diags {
			probs = append(probs, d.place(dg))
		}
		return &data.Loaded{File: file, Dataset: d.ds, Timeline: tl, Problems: probs}
	}
	b, err := data.MarshalDataset(d.ds, "yaml", nil)
	if err != nil {
		return &data.Loaded{File: file, Problems: []data.Problem{errProblem(file, err)}}
	}
	l := data.LoadBytes(file+" (draft as YAML)", b, filepath.Dir(file))
	l.Problems = append(slices.Clone(d.warnings), l.Problems...)
	return l
}

// place puts a diagnostic about the draft at the start of the sentence
// its event cites, in the article that sentence is from; one about
// anything else names the first article without a position.
func (d *drafted) place(dg timeline.Diagnostic) data.Problem {
	p := data.Problem{File: d.paths[0], Severity: dg.Severity, Message: dg.Message, Path: dg.Path}
	var ev int
	if _, err := fmt.Sscanf(string(dg.Path), "events[%d]", &ev); err != nil || ev < 0 || ev >= len(d.ds.Events) {
		return p
	}
	cs := d.ds.Events[ev].Citations
	if len(cs) == 0 {
		return p
	}
	for i, s := range d.ds.Sources {
		if s.ID == cs[0].Source {
			p.File = d.paths[i]
			p.Line, p.Col = d.read[i].Position(cs[0].Start)
		}
	}
	return p
}

// save writes the last draft as a YAML dataset at out, as extract would
// write it, except that an article text extract writes inline (Markdown,
// HTML, or a text file in another folder) goes into OUT-STEM.txt beside
// it, named by text_file: the dataset stays short to edit, and --watch
// sees the text. It returns the files written, the dataset last. Nothing
// is written when out, or a text file that differs, exists and force is
// not set; an article itself is never written.
func (v *articleView) save(out string, force bool) ([]string, error) {
	v.mu.Lock()
	d := v.last
	v.mu.Unlock()
	if d == nil {
		return nil, errors.New("nothing drafted yet")
	}
	for _, p := range d.paths {
		if atomicfile.SameFile(p, out) {
			return nil, fmt.Errorf("%s is the article; save the draft under another name", out)
		}
	}
	// The checked form: exactly what `dateline extract ARTICLE -o OUT` writes.
	if _, err := d.marshal("yaml", out, d.besideOut(out)); err != nil {
		return nil, err
	}
	if !force {
		if _, err := os.Lstat(out); err == nil {
			return nil, &fs.PathError{Op: "write", Path: out, Err: fs.ErrExist}
		}
	}
	files := d.besideOut(out)
	type textCopy struct{ path, text string }
	var copies []textCopy
	stem := strings.TrimSuffix(out, filepath.Ext(out))
	for _, s := range d.ds.Sources {
		if _, ok := files[s.ID]; ok {
			continue
		}
		name := stem + ".txt"
		if len(d.ds.Sources) > 1 {
			name = stem + "-" + s.ID + ".txt"
		}
		if atomicfile.SameFile(name, out) || slices.ContainsFunc(d.paths, func(p string) bool { return atomicfile.SameFile(p, name) }) {
			return nil, fmt.Errorf("the article text would go to %s, which is the dataset or an article; save the draft under another name", name)
		}
		files[s.ID] = filepath.Base(name)
		copies = append(copies, textCopy{name, s.Text})
	}
	b, err := data.MarshalDataset(d.ds, "yaml", files)
	if err != nil {
		return nil, err
	}
	var written []string
	for _, c := range copies {
		if old, err := os.ReadFile(c.path); err == nil && data.SourceFileText(old) == c.text {
			continue // already there, as from an earlier save
		}
		if err := atomicfile.WriteFile(c.path, []byte(c.text), force); err != nil {
			return written, err
		}
		written = append(written, c.path)
	}
	if err := atomicfile.WriteFile(out, b, force); err != nil {
		return written, err
	}
	return append(written, out), nil
}
