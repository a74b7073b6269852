package tui

import (
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
)

// Draft is set in Config when File is an article that Load drafts rather
// than a dataset: the status bar says the draft is not saved, and the
// export input offers the yaml format, which saves it.
type Draft struct {
	// Save writes the last draft Load returned as a YAML dataset at path,
	// with the article text beside it as its text_file, refusing to
	// replace an existing file unless force (errors.Is(err, fs.ErrExist),
	// naming the file in an *fs.PathError). It returns the files written
	// and runs in a tea.Cmd.
	Save func(path string, force bool) (written []string, err error)
	// Open loads the saved dataset at path; once saved, the viewer loads
	// (r, --watch, E) through it as if path had been opened.
	Open func(path string) *data.Loaded
}

// formatYAML is the export format that saves a draft.
const formatYAML = "yaml"

// draftNote is the status bar's note while a draft is unsaved.
func (m *Model) draftNote() string {
	if m.cfg.Draft == nil {
		return ""
	}
	return "draft of " + clean(filepath.Base(m.cfg.File)) + statusSep + "not saved"
}

// saveDraftCmd saves the draft at r.path, then loads what it wrote, both
// off the event loop; onExported moves the viewer onto the file.
func saveDraftCmd(d *Draft, events int, r exportRequest) tea.Cmd {
	return func() tea.Msg {
		msg := exportedMsg{path: r.path, format: formatYAML, events: events}
		msg.written, msg.err = d.Save(r.path, r.force)
		if msg.err != nil {
			return msg
		}
		msg.stamp = statFile(r.path)
		msg.saved = d.Open(r.path)
		msg.stamp = msg.stamp.and(statFiles(msg.saved.TextFiles))
		return msg
	}
}

// onDraftSaved puts the viewer on the file a draft was saved to, as if it
// had been opened: it reloads from there (r, --watch, E edits it) and the
// draft note is gone. The selection stays on its event.
func (m *Model) onDraftSaved(msg exportedMsg) tea.Cmd {
	open, path := m.cfg.Draft.Open, msg.path
	m.cfg.Draft = nil
	m.cfg.File, m.wroteYAML = path, true
	m.cfg.Load = func() *data.Loaded { return open(path) }
	m.cfg.LoadProgress = nil
	m.load.watch = msg.stamp
	var cmd tea.Cmd
	if msg.saved.Timeline == nil {
		m.flash = "saved " + clean(path) + ", but it does not load"
		if p, ok := firstError(msg.saved); ok {
			m.flash += " · " + clean(p)
		}
	} else {
		cmd = m.installReload(msg.saved)
		m.flash = "saved the draft: now on " + clean(path)
	}
	if len(msg.written) > 1 {
		m.flash += " (article text in " + clean(strings.Join(msg.written[:len(msg.written)-1], ", ")) + ")"
	}
	return cmd
}
