package tui

import (
	"math"
	"strconv"

	"dateline/timeline"
)

// Citation drift, as the viewer shows it. A citation whose source changed
// since it was anchored is either re-anchored (the validator found the
// passage again by a fuzzy match scoring at least timeline.DriftThreshold)
// or orphaned (it did not; the span is then the best rejected match, if
// any). The detail pane, the reader and y each say which, in words.

// driftPct is a match score as a whole percentage, rounded down (0.749 is
// 74%), and below the threshold's percentage for a score below the
// threshold, so that an orphaned citation never reads as reaching it. The
// 1e-9 keeps 0.29 from flooring to 28.
func driftPct(score float64) int {
	p := int(math.Floor(max(0, min(1, score))*100 + 1e-9))
	if score < timeline.DriftThreshold {
		p = min(p, thresholdPct()-1)
	}
	return p
}

// thresholdPct is timeline.DriftThreshold as a whole percentage, rounded up:
// the least percentage a re-anchored citation can show.
func thresholdPct() int {
	return int(math.Ceil(timeline.DriftThreshold*100 - 1e-9))
}

// needsPct is "needs N%" for the threshold.
func needsPct() string { return "needs " + strconv.Itoa(thresholdPct()) + "%" }

// pctText is driftPct with its percent sign.
func pctText(score float64) string { return strconv.Itoa(driftPct(score)) + "%" }

// hasClosest reports whether an orphaned citation names a best rejected
// match to show.
func hasClosest(c timeline.Citation) bool {
	return c.Span.Orphaned && c.Span.Score > 0 && c.Span.End > c.Span.Start
}

// spanParagraph is the paragraph of the citation's span: the one the
// validator recorded, or else the one its start falls in.
func spanParagraph(tl *timeline.Timeline, c timeline.Citation) int {
	if c.Span.Paragraph > 0 {
		return c.Span.Paragraph
	}
	if st, ok := tl.SourceText(c.Source); ok && st.Len() > 0 {
		return st.Paragraph(max(0, min(c.Span.Start, st.Len()-1)))
	}
	return 0
}

// reanchoredNote is the detail pane's line for a re-anchored citation.
func reanchoredNote(score float64) string {
	return "≈ re-anchored · match " + pctText(score) + " · the source changed since this was cited"
}

// orphanedNote is the detail pane's line for an orphaned citation.
func orphanedNote(score float64) string {
	needs := " (" + needsPct() + ")"
	if score <= 0 {
		return "orphaned · the source changed; nothing in it resembles the quote" + needs
	}
	return "orphaned · the source changed; best match " + pctText(score) + needs
}

// driftCopyNote is what y appends to the citation of a drifted quote, or
// "" for one that did not drift.
func driftCopyNote(c timeline.Citation) string {
	switch {
	case c.Span.Reanchored:
		return " [re-anchored, match " + pctText(c.Span.Score) +
			": the source changed since this was cited; the quote is the source's current text]"
	case c.Span.Orphaned && c.Span.Score > 0:
		return " [orphaned: the source changed and no longer contains this quote; best match " +
			pctText(c.Span.Score) + ", " + needsPct() + "]"
	case c.Span.Orphaned:
		return " [orphaned: the source changed and no longer contains this quote]"
	}
	return ""
}
