package timeline

import (
	"errors"
	"fmt"
	"strings"
)

// validator collects the diagnostics of New. Records are checked in dataset
// order so that diagnostics come out in file order.
type validator struct {
	t      *Timeline
	diags  []Diagnostic
	failed bool
}

func (v *validator) add(sev Severity, p Path, format string, args ...any) {
	if sev == SeverityError {
		v.failed = true
	}
	v.diags = append(v.diags, Diagnostic{Severity: sev, Path: p, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) indexSources() {
	t := v.t
	t.texts = make([]*SourceText, len(t.sources))
	for i := range t.sources {
		s := &t.sources[i]
		switch {
		case strings.TrimSpace(s.ID) == "":
			v.add(SeverityError, FieldPath("sources", i, "id"), "source id is empty")
		default:
			if j, dup := t.sourceByID[s.ID]; dup {
				v.add(SeverityError, FieldPath("sources", i, "id"), "duplicate source id %q (first used by sources[%d])", s.ID, j)
			} else {
				t.sourceByID[s.ID] = i
			}
		}
		if strings.TrimSpace(s.Title) == "" {
			v.add(SeverityError, FieldPath("sources", i, "title"), "source %q has an empty title", s.ID)
		}
		t.texts[i] = NewSourceText(s.Text)
	}
}

func (v *validator) indexActors() {
	t := v.t
	// names maps each lower-cased name and alias to the first actor using it,
	// so that a name two actors share is reported: lookup could not tell them apart.
	names := make(map[string]int)
	for i := range t.actors {
		a := &t.actors[i]
		if strings.TrimSpace(a.ID) == "" {
			v.add(SeverityError, FieldPath("actors", i, "id"), "actor id is empty")
		} else if j, dup := t.actorByID[a.ID]; dup {
			v.add(SeverityError, FieldPath("actors", i, "id"), "duplicate actor id %q (first used by actors[%d])", a.ID, j)
		} else {
			t.actorByID[a.ID] = i
		}
		if strings.TrimSpace(a.Name) == "" {
			v.add(SeverityError, FieldPath("actors", i, "name"), "actor %q has an empty name", a.ID)
		}
		for k, n := range append([]string{a.Name}, a.Aliases...) {
			key := foldKey(n)
			if key == "" {
				if k > 0 {
					v.add(SeverityError, Path(fmt.Sprintf("actors[%d].aliases[%d]", i, k-1)), "empty alias")
				}
				continue
			}
			if j, taken := names[key]; taken && j != i {
				p := FieldPath("actors", i, "name")
				if k > 0 {
					p = Path(fmt.Sprintf("actors[%d].aliases[%d]", i, k-1))
				}
				v.add(SeverityWarning, p, "%q also names actor %q; looking it up will be ambiguous", n, t.actors[j].ID)
				continue
			}
			names[key] = i
		}
	}
}

func (v *validator) event(i int, e *Event, ids map[string]int) {
	if strings.TrimSpace(e.ID) == "" {
		v.add(SeverityError, FieldPath("events", i, "id"), "event id is empty")
	} else if j, dup := ids[e.ID]; dup {
		v.add(SeverityError, FieldPath("events", i, "id"), "duplicate event id %q (first used by events[%d])", e.ID, j)
	} else {
		ids[e.ID] = i
	}
	if strings.TrimSpace(e.Title) == "" {
		v.add(SeverityError, FieldPath("events", i, "title"), "event %q has an empty title", e.ID)
	}
	seen := make(map[string]bool, len(e.Actors))
	for k, ref := range e.Actors {
		p := Path(fmt.Sprintf("events[%d].actors[%d]", i, k))
		if _, ok := v.t.actorByID[ref.Actor]; !ok {
			v.add(SeverityError, p, "unknown actor %q", ref.Actor)
			continue
		}
		if seen[ref.Actor] {
			v.add(SeverityWarning, p, "actor %q is listed twice", ref.Actor)
		}
		seen[ref.Actor] = true
	}
	if len(e.Citations) == 0 {
		v.add(SeverityWarning, FieldPath("events", i, ""), "event %q has no citation", e.ID)
	}
	// Citations are copied so that filling in Span never writes to the caller's Dataset.
	e.Citations = append([]Citation(nil), e.Citations...)
	for k := range e.Citations {
		v.citation(Path(fmt.Sprintf("events[%d].citations[%d]", i, k)), &e.Citations[k])
	}
}

func (v *validator) citation(p Path, c *Citation) {
	c.Span = Span{}
	si, ok := v.t.sourceByID[c.Source]
	if !ok {
		v.add(SeverityError, p+".source", "unknown source %q", c.Source)
		return
	}
	if (c.Start < 0) != (c.End < 0) {
		v.add(SeverityError, p, "start and end must be given together")
		return
	}
	if c.Start > c.End {
		v.add(SeverityError, p+".start", "start %d is after end %d", c.Start, c.End)
		return
	}
	span, err := v.t.texts[si].Resolve(Selector{Quote: c.Quote, Prefix: c.Prefix, Suffix: c.Suffix, Start: c.Start, End: c.End})
	var qe *QuoteError
	switch {
	case errors.Is(err, ErrEmptyQuote):
		v.add(SeverityError, p+".quote", "empty quote")
		return
	case errors.As(err, &qe):
		v.add(SeverityCitation, p+".quote", "source %q: %s", c.Source, qe.Error())
		return
	case err != nil:
		v.add(SeverityCitation, p+".quote", "%v", err)
		return
	}
	c.Span = span
	if span.Tolerant {
		v.add(SeverityWarning, p+".quote", "quote, prefix or suffix matches the source only after normalising quotation marks, dashes or spaces")
	}
	if c.Start >= 0 && (c.Start != span.Start || c.End != span.End) {
		v.add(SeverityWarning, p+".start", "recorded position %d–%d no longer matches; the quote is at %d–%d", c.Start, c.End, span.Start, span.End)
	}
}

// foldKey normalises a name for comparison: case-folded, spaces collapsed.
func foldKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
