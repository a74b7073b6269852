package tui

import (
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/data/atomicfile"
	"dateline/timeline"
)

// exportPrompt is the export input (e): one line, "PATH [FORMAT]", the
// format one of data.ExportFormats or, when left out, implied by PATH's
// extension (.md markdown, .csv sheets-csv, .json json). An existing file
// is never replaced unless the line ends with "!" (as vi's :w!): the write
// fails with "exists" and the input stays open to fix the path.
type exportPrompt struct {
	st      *styles
	keys    *keyMap
	in      lineInput
	draft   bool   // the dataset is an unsaved draft: the yaml format saves it
	err     string // why the typed line cannot be exported, or the write failed
	running bool

	// submitted is set by the Update whose enter asked for an export of
	// request: the root then starts it on the events it shows.
	submitted bool
	request   exportRequest
}

func newExportPrompt(st *styles, keys *keyMap) exportPrompt {
	return exportPrompt{st: st, keys: keys, in: newLineInput(st, "export to: ")}
}

// Focus gives the input the keyboard, with the line last typed selected.
func (p *exportPrompt) Focus() {
	p.err = ""
	p.in.Focus()
	p.in.SelectAll()
}

// Focused reports whether the input has the keyboard.
func (p exportPrompt) Focused() bool { return p.in.focused }

// Submitted is the export the last Update asked for, if it asked for one.
func (p exportPrompt) Submitted() (exportRequest, bool) { return p.request, p.submitted }

// Update types a key into the input; enter asks for the export unless one
// is running, esc leaves. The end of an export closes the input, or keeps
// it open with the reason it failed.
func (p exportPrompt) Update(msg tea.Msg) (exportPrompt, tea.Cmd) {
	p.submitted = false
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if !p.Focused() {
			return p, nil
		}
		switch {
		case key.Matches(msg, p.keys.Back):
			p.in.Blur()
		case key.Matches(msg, p.keys.Accept):
			if p.running {
				return p, nil
			}
			p.in.Deselect() // a line refused is fixed, not replaced
			r, err := parseExport(p.in.Value(), p.draft)
			if err != nil {
				p.err = err.Error()
				return p, nil
			}
			p.running, p.err = true, ""
			p.submitted, p.request = true, r
		default:
			p.in = p.in.Update(msg)
			p.err = ""
		}
	case exportedMsg:
		p.running = false
		switch {
		case errors.Is(msg.err, fs.ErrExist):
			path := msg.path
			var pe *fs.PathError
			if errors.As(msg.err, &pe) {
				path = pe.Path // a saved draft's text file may be the one that exists
			}
			p.err = clean(path) + " exists: change the path, or end with ! to replace it"
		case msg.err != nil:
			p.err = clean(msg.err.Error())
		default:
			p.in.Blur()
		}
	}
	return p, nil
}

// View is the input line, w cells wide, in place of the short help.
func (p exportPrompt) View(w int) string {
	if p.err != "" {
		reason := dateReason(p.err)
		line := p.in.View(max(w/3, w-textWidth(reason)))
		return fit(line+p.st.inputErr.Render(reason), w)
	}
	hint := "   PATH [" + strings.Join(exportFormats(p.draft), "|") + "] · ! replaces · enter export · esc cancel"
	switch {
	case p.running:
		hint = "   exporting…"
	case p.in.Selected():
		hint = "   " + selectedHint + " · enter export · esc cancel"
	}
	return fit(p.in.View(w)+p.st.muted.Render(hint), w)
}

// exportedMsg reports the end of an export, or of a draft's save: then
// written lists the files written and saved is the dataset loaded back
// from path, stamp the files as they were just before it was read.
type exportedMsg struct {
	path, format string
	events       int
	err          error

	written []string
	saved   *data.Loaded
	stamp   fileStamp
}

// exportFormats are the formats the export input takes: a draft's first
// is yaml, which saves it.
func exportFormats(draft bool) []string {
	if draft {
		return append([]string{formatYAML}, data.ExportFormats...)
	}
	return data.ExportFormats
}

// exportRequest is a parsed export line.
type exportRequest struct {
	path, format string
	force        bool
}

// parseExport reads "PATH [FORMAT][!]"; yaml (or a .yaml or .yml PATH)
// is taken only for a draft.
func parseExport(line string, draft bool) (exportRequest, error) {
	var r exportRequest
	line = strings.TrimSpace(line)
	if strings.HasSuffix(line, "!") {
		r.force, line = true, strings.TrimSpace(strings.TrimSuffix(line, "!"))
	}
	if line == "" {
		return r, errors.New("type a path, then a format")
	}
	r.path = line
	if i := strings.LastIndexByte(line, ' '); i > 0 && slices.Contains(exportFormats(true), line[i+1:]) {
		r.path, r.format = strings.TrimSpace(line[:i]), line[i+1:]
	}
	if r.format == "" {
		switch strings.ToLower(filepath.Ext(r.path)) {
		case ".yaml", ".yml":
			r.format = formatYAML
		case ".md", ".markdown":
			r.format = data.FormatMarkdown
		case ".csv":
			r.format = data.FormatSheetsCSV
		case ".json":
			r.format = data.FormatJSON
		default:
			return r, errors.New("add a format: " + strings.Join(exportFormats(draft), "|"))
		}
	}
	if r.format == formatYAML && !draft {
		return r, errors.New("yaml saves a draft opened from an article; json writes a copy of this dataset, which dateline reads and E edits")
	}
	return r, nil
}

// writeExport is the atomic writer exports go through; the fuzz test
// replaces it so that random keys never write files.
var writeExport = atomicfile.WriteFileFunc

// exportCmd writes the shown events (idx, never modified once shown)
// through the atomic writer, off the event loop.
func exportCmd(l *data.Loaded, idx []int, r exportRequest) tea.Cmd {
	return func() tea.Msg {
		err := writeExport(r.path, r.force, func(w io.Writer) error {
			return data.Export(w, l, idx, r.format)
		})
		return exportedMsg{path: r.path, format: r.format, events: len(idx), err: err}
	}
}

// onExported closes the input on success and says so; on failure the
// input stays open with the reason. A saved draft puts the viewer on its
// file.
func (m *Model) onExported(msg exportedMsg) tea.Cmd {
	m.export, _ = m.export.Update(msg)
	if msg.err != nil {
		return nil
	}
	if m.over == overExport {
		m.closePrompt()
	}
	if msg.saved != nil && m.cfg.Draft != nil {
		return m.onDraftSaved(msg)
	}
	m.flash = "exported " + timeline.Plural(msg.events, "event") + " as " + msg.format + " to " + clean(msg.path)
	return nil
}
