package tui

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/timeline"
)

// editorDoneMsg says the editor opened by E has exited.
type editorDoneMsg struct{ err error }

// editable reports whether E can open the dataset, and why not when it
// cannot: only YAML and JSON files are written by hand.
func (m *Model) editable() (ok bool, why string) {
	if m.cfg.File == "" {
		return false, "the embedded dataset has no file to edit"
	}
	if m.cfg.Draft != nil {
		return false, "save the draft first (e, then a path ending .yaml); E then edits it"
	}
	switch strings.ToLower(filepath.Ext(m.cfg.File)) {
	case ".yaml", ".yml", ".json":
		return true, ""
	}
	if m.wroteYAML {
		return true, ""
	}
	return false, "E edits YAML and JSON datasets only"
}

// editDataset hands the terminal to $VISUAL, else $EDITOR, else vi, on the
// dataset at the selected event's line; the dataset reloads when it exits.
func (m *Model) editDataset() tea.Cmd {
	if ok, why := m.editable(); !ok {
		m.flash = why
		return nil
	}
	line := 0
	if i, ok := m.timeline.Selected(); ok && m.tl != nil {
		line = idLine(m.cfg.File, m.tl.Event(i).ID)
	}
	c := editorCmd(editorEnv(), m.cfg.File, line)
	return tea.ExecProcess(c, func(err error) tea.Msg { return editorDoneMsg{err} })
}

// onEditorDone reloads after the editor, through the reload path that keeps
// the selected event and, on failure, the data on screen.
func (m *Model) onEditorDone(msg editorDoneMsg) tea.Cmd {
	if msg.err != nil {
		m.flash = "editor: " + clean(msg.err.Error())
		return nil
	}
	return m.reload("edited: reloading…")
}

// editorEnv is the user's editor command line, as shells split it.
func editorEnv() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(os.Getenv(v)); e != "" {
			return e
		}
	}
	return "vi"
}

// lineEditors take +LINE before the file to open it there.
var lineEditors = map[string]bool{
	"vi": true, "vim": true, "nvim": true, "nano": true, "emacs": true, "emacsclient": true,
	"micro": true, "kak": true, "hx": true, "helix": true, "mg": true, "joe": true, "ne": true,
	"jed": true, "view": true, "gvim": true, "mvim": true,
}

// editorCmd runs editor (a command line such as "code -w") on file, at line
// when it is known and the editor takes +LINE.
func editorCmd(editor, file string, line int) *exec.Cmd {
	args := strings.Fields(editor)
	if len(args) == 0 {
		args = []string{"vi"}
	}
	if line > 0 && lineEditors[filepath.Base(args[0])] {
		args = append(args, "+"+strconv.Itoa(line))
	}
	args = append(args, file)
	return exec.Command(args[0], args[1:]...)
}

// idLine is the 1-based line of file where the event id is declared
// (`id: ID` in YAML, `"id": "ID"` in JSON), 0 when not found. The loaded
// dataset keeps no positions, so the file is scanned: it is on disk and
// about to be opened by the editor anyway.
func idLine(file, id string) int {
	if id == "" {
		return 0
	}
	f, err := os.Open(file)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	quoted := strconv.Quote(id)
	for n := 1; sc.Scan(); n++ {
		s := strings.TrimSpace(sc.Text())
		s = strings.TrimPrefix(s, "- ")
		s = strings.TrimPrefix(s, "{")
		s = strings.TrimSpace(s)
		var rest string
		switch {
		case strings.HasPrefix(s, "id:"):
			rest = strings.TrimSpace(s[3:])
		case strings.HasPrefix(s, `"id":`):
			rest = strings.TrimSpace(s[5:])
		default:
			continue
		}
		// A quoted id ends at its closing quote: JSON may go on after it.
		if strings.TrimRight(rest, ", }") == id || strings.HasPrefix(rest, quoted) ||
			strings.HasPrefix(rest, "'"+id+"'") {
			return n
		}
	}
	return 0
}

// firstError is the first error of a failed load as FILE:LINE:COL: …, what
// the status bar shows so the user knows where to look.
func firstError(l *data.Loaded) (string, bool) {
	if l == nil {
		return "", false
	}
	for _, p := range l.Problems {
		if p.Severity == timeline.SeverityError {
			return p.String(), true
		}
	}
	return "", false
}
