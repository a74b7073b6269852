package timeline

import "strings"

// Verbatim rewrites a selector that resolved at sp only tolerantly (its
// quote, prefix or suffix typed with other quotation marks, dashes, spaces
// or accents than the source's) into the source's own characters: the
// quote becomes the text at sp, a tolerant prefix the text from where it
// matched up to the quote, a tolerant suffix the text from the quote to
// where it matched, so that the white space the tolerant match skipped
// between them is kept. Parts that matched exactly are kept as they are.
// Start and End become sp's.
//
// ok is false when sp is not a tolerant, resolved span, or when the
// rewritten selector would not resolve exactly at sp again (which the
// tolerant search's extra candidates can cause); the caller then keeps the
// selector it has.
func (s *SourceText) Verbatim(sel Selector, sp Span) (Selector, bool) {
	if !sp.Resolved || !sp.Tolerant || sp.Reanchored {
		return sel, false
	}
	ob, oe := s.byteAt(sp.Start), s.byteAt(sp.End)
	out := Selector{Quote: s.text[ob:oe], Prefix: sel.Prefix, Suffix: sel.Suffix, Start: sp.Start, End: sp.End}
	n := s.folded() // not nil: a tolerant match was made on it
	if n == nil {
		return sel, false
	}
	if sel.Prefix != "" && !strings.HasSuffix(s.text[:ob], sel.Prefix) {
		fp := foldTrim(sel.Prefix)
		before := strings.TrimRight(n.s[:n.folded(ob)], " ")
		if fp == "" || !strings.HasSuffix(before, fp) {
			return sel, false
		}
		// orig maps each folded byte to the start of the character that
		// produced it, so this is where that character begins.
		out.Prefix = s.text[n.orig[len(before)-len(fp)]:ob]
	}
	if sel.Suffix != "" && !strings.HasPrefix(s.text[oe:], sel.Suffix) {
		fs := foldTrim(sel.Suffix)
		nk := n.folded(oe)
		after := strings.TrimLeft(n.s[nk:], " ")
		if fs == "" || !strings.HasPrefix(after, fs) {
			return sel, false
		}
		j := nk + len(n.s[nk:]) - len(after) + len(fs)
		// A suffix ending inside a decomposed character (e for é) takes
		// the whole character, which the exact comparison needs.
		for j < len(n.s) && n.orig[j-1] == n.orig[j] {
			j++
		}
		out.Suffix = s.text[oe:n.orig[j]]
	}
	if got, err := s.Resolve(out); err != nil || got.Tolerant || got.Start != sp.Start || got.End != sp.End {
		return sel, false
	}
	return out, true
}
