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
)

// exportState is the export input (e): one line, "PATH [FORMAT]", the
// format one of data.ExportFormats or, when left out, implied by PATH's
// extension (.md markdown, .csv sheets-csv, .json json). An existing file
// is never replaced unless the line ends with "!" (as vi's :w!): the write
// fails with "exists" and the input stays open to fix the path.
type exportState struct {
	in      lineInput
	err     string // why the typed line cannot be exported, or the write failed
	running bool
}

func newExportState(st *styles) exportState {
	return exportState{in: newLineInput(st, "export to: ")}
}

// exportedMsg reports the end of an export.
type exportedMsg struct {
	path, format string
	events       int
	err          error
}

// exportRequest is a parsed export line.
type exportRequest struct {
	path, format string
	force        bool
}

// parseExport reads "PATH [FORMAT][!]".
func parseExport(line string) (exportRequest, error) {
	var r exportRequest
	line = strings.TrimSpace(line)
	if strings.HasSuffix(line, "!") {
		r.force, line = true, strings.TrimSpace(strings.TrimSuffix(line, "!"))
	}
	if line == "" {
		return r, errors.New("type a path, then a format")
	}
	r.path = line
	if i := strings.LastIndexByte(line, ' '); i > 0 && slices.Contains(data.ExportFormats, line[i+1:]) {
		r.path, r.format = strings.TrimSpace(line[:i]), line[i+1:]
	}
	if r.format == "" {
		switch strings.ToLower(filepath.Ext(r.path)) {
		case ".md", ".markdown":
			r.format = data.FormatMarkdown
		case ".csv":
			r.format = data.FormatSheetsCSV
		case ".json":
			r.format = data.FormatJSON
		default:
			return r, errors.New("add a format: " + strings.Join(data.ExportFormats, "|"))
		}
	}
	return r, nil
}

// openExport gives the keyboard to the export input.
func (m *Model) openExport() {
	if m.showHelp {
		m.toggleHelp()
	}
	m.over = overExport
	m.export.err = ""
	m.export.in.Focus()
	m.relayout()
}

// exportKey handles a key while the export input has the keyboard.
func (m Model) exportKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Back):
		m.export.in.Blur()
		m.over = overNone
		m.relayout()
	case key.Matches(msg, m.keys.Accept):
		if m.export.running {
			return m, nil
		}
		r, err := parseExport(m.export.in.Value())
		if err != nil {
			m.export.err = err.Error()
			return m, nil
		}
		m.export.running, m.export.err = true, ""
		return m, exportCmd(m.loaded, m.timeline.idx, r)
	default:
		m.export.in = m.export.in.Update(msg)
		m.export.err = ""
	}
	return m, nil
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
// input stays open with the reason.
func (m *Model) onExported(msg exportedMsg) {
	m.export.running = false
	if msg.err != nil {
		if errors.Is(msg.err, fs.ErrExist) {
			m.export.err = clean(msg.path) + " exists: change the path, or end with ! to replace it"
		} else {
			m.export.err = clean(msg.err.Error())
		}
		return
	}
	if m.over == overExport {
		m.export.in.Blur()
		m.over = overNone
		m.relayout()
	}
	m.flash = "exported " + plural(msg.events, "event") + " as " + msg.format + " to " + clean(msg.path)
}

// exportView is the export input's line, in place of the short help.
func (m Model) exportView() string {
	if m.export.err != "" {
		reason := dateReason(m.export.err)
		line := m.export.in.View(max(m.width/3, m.width-textWidth(reason)))
		return fit(line+m.st.inputErr.Render(reason), m.width)
	}
	hint := "   PATH [" + strings.Join(data.ExportFormats, "|") + "] · ! replaces · enter export · esc cancel"
	if m.export.running {
		hint = "   exporting…"
	}
	return fit(m.export.in.View(m.width)+m.st.muted.Render(hint), m.width)
}
