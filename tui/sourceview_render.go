package tui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Mark classes of the reader, weakest first.
const (
	markNone    = iota
	markCited   // a passage some event cites
	markCursor  // the passage under the passage cursor
	markClosest // an orphaned open citation's closest rejected passage
	markCurrent // the open citation
)

// View draws exactly height lines of exactly width cells: the notice, if
// any, then the visible text lines only.
func (m sourceView) View() string {
	if m.list.open {
		return m.list.View(m.tl, m.st, m.width, m.height)
	}
	out := make([]string, 0, m.height)
	ns := m.st.notice
	if m.warn {
		ns = m.st.driftNotice
	}
	for _, l := range m.noticeLines() {
		out = append(out, ns.Render(fit(l, m.width)))
	}
	if m.wrap != nil {
		for i := m.top; i < len(m.wrap.lines) && len(out) < m.height; i++ {
			out = append(out, m.renderLine(i))
		}
	}
	return stackExact(out, m.width, m.height)
}

// span is a marked code-point range [s, e) of one class.
type span struct{ s, e, class int }

// lineMarks lists the marked ranges that touch line i. An empty line
// counts as covering the line break after it, so a passage running over a
// blank line keeps its gutter mark there.
func (m sourceView) lineMarks(i int) []span {
	l := m.wrap.lines[i]
	lo, hi := l.c0, max(l.c1, l.c0+1)
	var out []span
	if m.marks != nil {
		u0 := sort.Search(len(m.marks.union), func(k int) bool { return m.marks.union[k][1] > lo })
		for _, u := range m.marks.union[u0:] {
			if u[0] >= hi {
				break
			}
			if u[1] > lo {
				out = append(out, span{u[0], u[1], markCited})
			}
		}
		if m.pcur >= 0 {
			if p := m.marks.list[m.pcur]; p.start < hi && p.end > lo {
				out = append(out, span{p.start, p.end, markCursor})
			}
		}
	}
	if m.cur[0] >= 0 && m.cur[0] < hi && m.cur[1] > lo {
		out = append(out, span{m.cur[0], m.cur[1], markCurrent})
	}
	if m.near[0] >= 0 && m.near[0] < hi && m.near[1] > lo {
		out = append(out, span{m.near[0], m.near[1], markClosest})
	}
	return out
}

// renderLine draws text line i with its gutter mark, each marked character
// in its class's style, cut and padded to the width.
func (m sourceView) renderLine(i int) string {
	marks := m.lineMarks(i)
	gutter := "  "
	strongest := markNone
	for _, s := range marks {
		strongest = max(strongest, s.class)
	}
	switch strongest {
	case markCurrent:
		gutter = m.st.passageBar.Render("▌") + " "
	case markClosest:
		gutter = m.st.closestBar.Render("?") + " "
	case markCursor:
		gutter = m.st.cursorBar.Render("▸") + " "
	case markCited:
		gutter = m.st.citedBar.Render("┆") + " "
	}
	l := m.wrap.lines[i]
	// The sentence cursor has the second column, so it shows beside any
	// passage mark, and its text is underlined over the text's own style.
	sent, hasSent := m.sentenceSpan()
	if hasSent && (sent.Start >= max(l.c1, l.c0+1) || sent.End <= l.c0) {
		hasSent = false // not on this line
	}
	if hasSent {
		gutter = gutter[:len(gutter)-1] + m.st.sentenceBar.Render("›")
	}
	text := m.wrap.text[l.b0:l.b1]
	var b strings.Builder
	b.WriteString(gutter)
	var seg strings.Builder
	class, inSent, cp := -1, false, l.c0
	mono := lipgloss.ColorProfile() == termenv.Ascii
	flush := func() {
		if seg.Len() > 0 {
			if mono {
				// The sentence cursor shows as › in the gutter; the
				// attributes stay the passages'.
				b.WriteString(monoMark(class, seg.String()))
			} else {
				st := m.classStyle(class)
				if inSent {
					st = st.Inherit(m.st.sentence)
				}
				b.WriteString(st.Render(seg.String()))
			}
			seg.Reset()
		}
	}
	for j := 0; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		c := markNone
		for _, s := range marks {
			if cp >= s.s && cp < s.e {
				c = max(c, s.class)
			}
		}
		in := hasSent && cp >= sent.Start && cp < sent.End
		if c != class || in != inSent {
			flush()
			class, inSent = c, in
		}
		if isControl(r) {
			r = ' '
		}
		if !widthAmbiguous(r) { // dropped as clean drops it
			seg.WriteRune(r) // an invalid byte decodes, and writes, as U+FFFD
		}
		j += size
		cp++
	}
	flush()
	return cut(b.String(), m.width)
}

// monoMark marks s as a passage of class without colour (NO_COLOR,
// --color never), where lipgloss drops every attribute: the open
// citation in reverse video, the passage cursor and an orphan's closest
// passage underlined, so the span stands out from the rest of its line
// and not only by its gutter glyph. NO_COLOR forbids colour only.
func monoMark(class int, s string) string {
	switch class {
	case markCurrent:
		return sgrReverse + s + sgrReverseOff
	case markClosest, markCursor:
		return sgrUnderline + s + sgrUnderlineOff
	}
	return s
}

// classStyle is the text style of a mark class.
func (m sourceView) classStyle(class int) lipgloss.Style {
	switch class {
	case markCurrent:
		return m.st.passage
	case markClosest:
		return m.st.closest
	case markCursor:
		return m.st.passageCursor
	case markCited:
		return m.st.passageCited
	}
	return m.st.text
}
