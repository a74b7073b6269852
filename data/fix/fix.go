package fix

// Fix: `dateline validate --fix` writes a copy of a dataset file in which
// every citation that resolved records its position, re-anchored citations
// quote the source as it now reads, and every source records the checksum
// of its current text. The copy is made by editing the file's own tree
// (yaml.v3 nodes for YAML, an order-keeping tree for JSON, line by line for
// JSON Lines) rather than by marshalling the Dataset, so that comments, key
// order and text_file references survive.

import (
	"bytes"
	"crypto/sha256"
	"dateline/data/atomicfile"
	"dateline/data/embedded"
	"dateline/data/internal/schema"
	"dateline/data/jsonl"
	"dateline/data/timelinejs"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"dateline/timeline"
)

// The formats Format tells apart.
const (
	YAML  = "yaml"
	JSON  = "json"
	JSONL = "jsonl"
)

// ErrNotFixable is returned (wrapped, naming the file) for an input that
// --fix cannot rewrite: a TimelineJS or Sheets CSV file, which is imported
// into dateline's model rather than written in it.
var ErrNotFixable = errors.New("--fix writes dateline YAML, JSON or JSON Lines")

// Report says what Fix changed, and what it left alone.
type Report struct {
	File string // the file written
	// Scores are the scores of the re-anchored citations, in file order.
	Scores []float64
	// Rewritten counts the citations that matched only tolerantly and whose
	// quote, prefix or suffix were rewritten in the source's characters.
	Rewritten int
	// Positions counts the resolved citations (re-anchored ones aside)
	// whose recorded start/end were added or corrected.
	Positions int
	// Checksums counts the sources whose recorded sha256 was corrected,
	// NewChecksums those that recorded none and now do.
	Checksums, NewChecksums int
	// Relocated counts text_file paths rewritten to point at the same file
	// from OUT's folder; Inlined those written inline instead, because OUT's
	// folder cannot reach the file (it must stay inside that folder) or the
	// dataset is the embedded one.
	Relocated, Inlined int
	// Orphaned and Unresolved count the citations kept as they were.
	Orphaned, Unresolved int
	// StaleChecksums counts the sources whose recorded sha256 no longer
	// matches and was kept, because some of their citations are orphaned:
	// a matching checksum would tell the validator that the text never
	// changed, and the orphans would lose their fuzzy search.
	StaleChecksums int
}

// maxListedScores is how many scores the summary lists: the lowest, which
// are the ones worth a look; a big file re-anchors thousands.
const maxListedScores = 5

// String is the one-line summary `validate --fix` prints, e.g. "wrote
// f.yaml: 2 citations re-anchored (scores 0.83, 0.91), 13 positions
// recorded, 1 checksum updated; 1 orphaned citation left as it was".
// Scores are listed lowest first, at most five of them.
func (r Report) String() string {
	var did, kept []string
	if n := len(r.Scores); n > 0 {
		sorted := slices.Clone(r.Scores)
		slices.Sort(sorted)
		scores := make([]string, 0, maxListedScores+1)
		for _, s := range sorted[:min(n, maxListedScores)] {
			scores = append(scores, timeline.FormatScore(s))
		}
		if n > maxListedScores {
			scores = append(scores, "…")
		}
		word := "scores"
		if n == 1 {
			word = "score"
		}
		did = append(did, fmt.Sprintf("%s re-anchored (%s %s)", timeline.Plural(n, "citation"), word, strings.Join(scores, ", ")))
	}
	if r.Rewritten > 0 {
		did = append(did, timeline.Plural(r.Rewritten, "quote")+" rewritten in the source's characters")
	}
	if r.Positions > 0 {
		did = append(did, timeline.Plural(r.Positions, "position")+" recorded")
	}
	if r.NewChecksums > 0 {
		did = append(did, timeline.Plural(r.NewChecksums, "checksum")+" recorded")
	}
	if r.Checksums > 0 {
		did = append(did, timeline.Plural(r.Checksums, "checksum")+" updated")
	}
	if r.Relocated > 0 {
		did = append(did, timeline.Plural(r.Relocated, "text_file path")+" rewritten for the new folder")
	}
	if r.Inlined > 0 {
		did = append(did, timeline.Plural(r.Inlined, "text_file")+" written inline")
	}
	if r.Orphaned > 0 {
		kept = append(kept, timeline.Plural(r.Orphaned, "orphaned citation"))
	}
	if r.Unresolved > 0 {
		kept = append(kept, timeline.Plural(r.Unresolved, "unresolved citation"))
	}
	if r.StaleChecksums > 0 {
		kept = append(kept, timeline.Plural(r.StaleChecksums, "old checksum")+" (for the orphans)")
	}
	s := "wrote " + r.File + ": "
	if len(did) == 0 {
		s += "nothing to change"
	} else {
		s += strings.Join(did, ", ")
	}
	if len(kept) > 0 {
		s += "; " + strings.Join(kept, ", ") + " left as it was"
		if r.Orphaned+r.Unresolved+r.StaleChecksums > 1 {
			s = strings.TrimSuffix(s, " it was") + " they were"
		}
	}
	return s
}

// Format returns the format of the dataset file at path as --fix would
// rewrite it (YAML, JSON or JSONL), detected as LoadFile detects it,
// or an error wrapping ErrNotFixable for TimelineJS and Sheets CSV files.
func Format(path string) (string, error) {
	if strings.EqualFold(filepath.Ext(path), ".jsonl") || jsonl.Sniff(path) {
		return JSONL, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", path, atomicfile.WithoutPath(err))
	}
	return formatOf(path, b)
}

func formatOf(path string, b []byte) (string, error) {
	b = bytes.TrimPrefix(b, schema.UTF8BOM)
	switch {
	case jsonl.Is(b):
		return JSONL, nil
	case timelinejs.Is(b):
		return "", notFixable(path, "a TimelineJS file")
	case timelinejs.IsSheetsCSV(b):
		return "", notFixable(path, "a Sheets CSV file")
	case schema.IsJSON(b):
		return JSON, nil
	}
	return YAML, nil
}

// notFixable is the refusal of an imported format, saying what to do.
func notFixable(path, what string) error {
	return fmt.Errorf("%s is %s, and %w: export it to JSON first (`dateline export %s --to json -o OUT`), then fix OUT", path, what, ErrNotFixable, path)
}

// File writes the fixed copy of the dataset l, loaded from the file in
// ("" for the embedded dataset), to out through WriteFileFunc (so out is
// replaced only with force; errors.Is(err, fs.ErrExist) tells that
// refusal). l must have loaded without errors. out must be neither in (the
// same file, by os.SameFile, or the same path) nor the text_file of a
// source, even with force; File refuses both.
//
// In the copy, every citation that resolved (exactly, tolerantly or
// re-anchored) records start/end = its span; one that matched only
// tolerantly has its quote, prefix and suffix in the source's characters
// (Report.Rewritten); a re-anchored citation quotes
// the source's text now at the span, and its prefix and suffix (when it has
// them) are the text now just before and after it, of about the same
// length in code points as before, cut at a word boundary (see
// timeline.SourceText.PrefixStart); every source records the sha256 of its current
// text, unless some of its citations are orphaned (see
// Report.StaleChecksums); orphaned and unresolved citations, and
// everything else, are left as they were.
func File(l *schema.Loaded, in, out string, force bool) (Report, error) {
	rep := Report{File: out}
	if l.Timeline == nil {
		return rep, fmt.Errorf("%s has errors; nothing written", l.File)
	}
	var (
		b      []byte
		format string
		err    error
	)
	if in == "" {
		b, err = fs.ReadFile(embedded.FS, embedded.Name)
		format = YAML
	} else {
		if atomicfile.SameFile(in, out) {
			return rep, fmt.Errorf("will not write %s: it is the input file", out)
		}
		format, err = Format(in)
		if err == nil && format != JSONL {
			b, err = os.ReadFile(in)
		}
	}
	if err != nil {
		return rep, err
	}
	if format != JSONL {
		// A JSON Lines file under another name is found by content.
		if format, err = formatOf(in, b); err != nil {
			return rep, err
		}
	}
	p := newPlan(l.Timeline, in, out, &rep)
	var write func(io.Writer) error
	switch format {
	case YAML:
		fixed, err := p.yaml(b)
		if err != nil {
			return rep, fmt.Errorf("%s: %w", l.File, err)
		}
		if p.err != nil {
			return rep, p.err
		}
		write = func(w io.Writer) error { _, err := w.Write(fixed); return err }
	case JSON:
		fixed, err := p.json(b)
		if err != nil {
			return rep, fmt.Errorf("%s: %w", l.File, err)
		}
		if p.err != nil {
			return rep, p.err
		}
		write = func(w io.Writer) error { _, err := w.Write(fixed); return err }
	default:
		write = func(w io.Writer) error {
			var r io.Reader = bytes.NewReader(b)
			if b == nil {
				f, err := os.Open(in)
				if err != nil {
					return fmt.Errorf("cannot read %s: %w", in, atomicfile.WithoutPath(err))
				}
				defer f.Close()
				r = f
			}
			return p.jsonl(r, w)
		}
	}
	return rep, atomicfile.WriteFileFunc(out, force, write)
}

// plan knows, from the Timeline, what to change in the file's tree.
type plan struct {
	tl     *timeline.Timeline
	events map[string]*timeline.Event // by id
	rep    *Report
	// orphans holds the ids of the sources some orphaned citation cites.
	orphans map[string]bool
	// inDir and outDir are the folders text_file paths are relative to, in
	// and out; inDir is "" for the embedded dataset.
	inDir, outDir string
	out           string
	err           error // set when OUT is a source's text file
}

func newPlan(tl *timeline.Timeline, in, out string, rep *Report) *plan {
	p := &plan{tl: tl, rep: rep, events: make(map[string]*timeline.Event, tl.Len()), orphans: map[string]bool{}}
	for i := range tl.Len() {
		e := tl.Event(i)
		p.events[e.ID] = e
		for _, c := range e.Citations {
			if c.Span.Orphaned {
				p.orphans[c.Source] = true
			}
		}
	}
	p.out, p.outDir = out, filepath.Dir(out)
	if in != "" {
		p.inDir = filepath.Dir(in)
	}
	return p
}

// mapNode is one mapping of the file's tree, YAML or JSON, as the plan edits
// it. Keys absent from it are inserted in schema order.
type mapNode interface {
	// str returns the text of key's scalar value; ok is false when key is
	// absent or its value is not a scalar.
	str(key string) (s string, ok bool)
	setStr(key, value string, order []string)
	setInt(key string, value int, order []string)
	// list returns the mappings of key's list, nil for items that are not
	// mappings.
	list(key string) []mapNode
	// replace puts key new with value where key old was.
	replace(old, new, value string)
}

// dataset edits the root mapping of a dataset (or the header of a JSON
// Lines file, which has no events).
func (p *plan) dataset(root mapNode) {
	for _, s := range root.list("sources") {
		if s != nil {
			p.source(s)
		}
	}
	for _, e := range root.list("events") {
		if e != nil {
			p.event(e)
		}
	}
}

// source records the checksum of the source's text and keeps its text_file
// reachable from OUT's folder.
func (p *plan) source(m mapNode) {
	id, _ := m.str("id")
	src, ok := p.tl.Source(id)
	if !ok {
		return
	}
	sum := sha256.Sum256([]byte(src.Text))
	hexSum := hex.EncodeToString(sum[:])
	switch old, _ := m.str("sha256"); {
	case old == hexSum:
	case p.orphans[id]:
		// Keep the checksum that says the text changed since the orphans
		// were anchored, or they would read as never found at all.
		if old != "" {
			p.rep.StaleChecksums++
		}
	case old == "":
		m.setStr("sha256", hexSum, schema.SourceFields.Names)
		p.rep.NewChecksums++
	default:
		m.setStr("sha256", hexSum, schema.SourceFields.Names)
		p.rep.Checksums++
	}
	name, ok := m.str("text_file")
	if !ok {
		return
	}
	if p.inDir != "" && p.err == nil && atomicfile.SameFile(filepath.Join(p.inDir, filepath.FromSlash(name)), p.out) {
		p.err = fmt.Errorf("will not write %s: it is the text_file of source %q", p.out, id)
	}
	switch rel, ok := p.relocate(name); {
	case !ok:
		m.replace("text_file", "text", src.Text)
		p.rep.Inlined++
	case rel != name:
		m.setStr("text_file", rel, schema.SourceFields.Names)
		p.rep.Relocated++
	}
}

// relocate returns the path of the text file name (relative to the input's
// folder) relative to OUT's folder; ok is false when there is none that the
// loader accepts, that is inside OUT's folder.
func (p *plan) relocate(name string) (string, bool) {
	if p.inDir == "" {
		return "", false
	}
	in, err1 := realDir(p.inDir)
	out, err2 := realDir(p.outDir)
	if err1 != nil || err2 != nil {
		return "", false
	}
	if in == out {
		return name, true
	}
	target, err := filepath.EvalSymlinks(filepath.Join(in, filepath.FromSlash(name)))
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(out, target)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// realDir is dir as an absolute path with its symbolic links resolved, as
// the loader compares folders.
func realDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// event edits the citations of one event.
func (p *plan) event(m mapNode) {
	id, _ := m.str("id")
	e, ok := p.events[id]
	if !ok {
		return
	}
	for k, cm := range m.list("citations") {
		if cm != nil && k < len(e.Citations) {
			p.citation(cm, &e.Citations[k])
		}
	}
}

// citation records where c resolved; see File.
func (p *plan) citation(m mapNode, c *timeline.Citation) {
	sp := c.Span
	switch {
	case !sp.Resolved && sp.Orphaned:
		p.rep.Orphaned++
		return
	case !sp.Resolved:
		p.rep.Unresolved++
		return
	}
	order := schema.CitationFields.Names
	if sp.Reanchored {
		st, ok := p.tl.SourceText(c.Source)
		if !ok {
			return
		}
		p.rep.Scores = append(p.rep.Scores, sp.Score)
		m.setStr("quote", st.Slice(sp.Start, sp.End), order)
		if c.Prefix != "" {
			from := st.PrefixStart(sp.Start, utf8.RuneCountInString(c.Prefix))
			m.setStr("prefix", st.Slice(from, sp.Start), order)
		}
		if c.Suffix != "" {
			to := st.SuffixEnd(sp.End, utf8.RuneCountInString(c.Suffix))
			m.setStr("suffix", st.Slice(sp.End, to), order)
		}
	} else {
		if sp.Tolerant {
			p.verbatim(m, c)
		}
		if c.Start == sp.Start && c.End == sp.End {
			return
		}
		p.rep.Positions++
	}
	m.setInt("start", sp.Start, order)
	m.setInt("end", sp.End, order)
}

// verbatim rewrites a citation that matched only tolerantly in the
// source's own characters (see timeline.SourceText.Verbatim), so that it
// matches exactly and `validate --strict` no longer warns. A part that
// already matched exactly is left as written.
func (p *plan) verbatim(m mapNode, c *timeline.Citation) {
	st, ok := p.tl.SourceText(c.Source)
	if !ok {
		return
	}
	sel, ok := st.Verbatim(timeline.Selector{Quote: c.Quote, Prefix: c.Prefix, Suffix: c.Suffix, Start: c.Start, End: c.End}, c.Span)
	if !ok {
		return
	}
	order := schema.CitationFields.Names
	for _, f := range []struct{ key, old, new string }{
		{"quote", c.Quote, sel.Quote}, {"prefix", c.Prefix, sel.Prefix}, {"suffix", c.Suffix, sel.Suffix},
	} {
		if f.new != f.old {
			m.setStr(f.key, f.new, order)
		}
	}
	p.rep.Rewritten++
}

// insertAt returns where a key absent from keys goes: after the last key
// that comes before it in the schema order, else first if some key comes
// after it, else last.
func insertAt(keys []string, key string, order []string) int {
	rank := func(k string) int {
		for i, o := range order {
			if o == k {
				return i
			}
		}
		return len(order)
	}
	r := rank(key)
	at := -1
	for i, k := range keys {
		if rank(k) < r {
			at = i
		}
	}
	if at >= 0 {
		return at + 1
	}
	for _, k := range keys {
		if rank(k) < len(order) {
			return 0
		}
	}
	return len(keys)
}
