package tui

import (
	"sort"
	"strconv"

	"dateline/data"
	"dateline/timeline"
	"dateline/timeline/timex"
)

// The reader's sentence cursor: ) and ( move it a sentence at a time, as
// in vim, and c copies a citation of its sentence, ready to paste under an
// event's citations. Sentences are the date engine's (timex.Sentences),
// the ones the drafter cites, split when the cursor first moves in a
// source.

// sentences are the open source's sentences, split on first use.
func (m *sourceView) sentences() []timex.Span {
	if m.sentsOf != m.src || m.sents == nil {
		m.sents, m.sentsOf = nil, m.src
		if txt, ok := m.tl.SourceText(m.src); ok {
			m.sents = timex.Sentences(txt.Text())
		}
		if m.sents == nil {
			m.sents = []timex.Span{} // split, and none
		}
	}
	return m.sents
}

// moveSentence moves the sentence cursor to the next (d = 1) or previous
// (d = -1) sentence and scrolls it into view. Without a cursor it starts
// on the sentence of the open passage when that is in view, else on the
// first sentence on screen; d = 0 only starts it.
func (m *sourceView) moveSentence(d int) {
	ss := m.sentences()
	if len(ss) == 0 || m.wrap == nil {
		return
	}
	if m.scur >= 0 {
		m.scur = max(0, min(len(ss)-1, m.scur+d))
	} else {
		at := m.wrap.lines[min(m.top, len(m.wrap.lines)-1)].c0
		if m.cur[0] >= 0 && m.inView(m.cur[0]) {
			at = m.cur[0]
		}
		m.scur = min(len(ss)-1, sort.Search(len(ss), func(i int) bool { return ss[i].End > at }))
	}
	m.scrollToSpan(ss[m.scur].Start, ss[m.scur].End)
}

// inView reports whether code point cp is on a text line on screen.
func (m sourceView) inView(cp int) bool {
	l := m.wrap.lineOf(cp)
	return l >= m.top && l < m.top+m.textHeight()
}

// sentenceSpan is the sentence under the cursor; ok is false without one.
func (m sourceView) sentenceSpan() (sp timex.Span, ok bool) {
	if m.scur < 0 || m.sentsOf != m.src || m.scur >= len(m.sents) {
		return timex.Span{}, false
	}
	return m.sents[m.scur], true
}

// sentenceCitation is what c copies: a citation of the sentence under the
// cursor as YAML indented to paste under an event's "citations:", the
// source's id from the dataset, the source's own characters, the
// shortest prefix or suffix that tells a repeated sentence from its
// other places, and its position, under a comment saying where it is.
func (m sourceView) sentenceCitation() (string, bool) {
	sp, ok := m.sentenceSpan()
	txt, has := m.tl.SourceText(m.src)
	if !ok || !has {
		return "", false
	}
	quote := txt.Slice(sp.Start, sp.End)
	prefix, suffix, unique := txt.ShortestContext(quote, sp.Start)
	c := timeline.Citation{Source: m.src, Quote: quote, Prefix: prefix, Suffix: suffix, Start: sp.Start, End: sp.End}
	head := "sentence " + strconv.Itoa(m.scur+1) + " of " + strconv.Itoa(len(m.sents)) +
		", paragraph " + strconv.Itoa(txt.Paragraph(sp.Start))
	if !unique {
		head += "; it repeats with the same words around it, so start and end pick it"
	}
	b, err := data.MarshalCitationIndented(c, head, "")
	if err != nil {
		return "", false
	}
	return string(b), true
}
