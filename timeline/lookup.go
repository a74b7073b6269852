package timeline

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNoActor is returned by LookupActor when no actor matches.
var ErrNoActor = errors.New("no actor matches")

// AmbiguousActorError is returned by LookupActor when several actors match.
type AmbiguousActorError struct {
	Name       string
	Candidates []*Actor
}

func (e *AmbiguousActorError) Error() string {
	names := make([]string, len(e.Candidates))
	for i, a := range e.Candidates {
		names[i] = a.Name + " (" + a.ID + ")"
	}
	return "actor name " + quote(e.Name) + " is ambiguous: it could be " + strings.Join(names, ", ")
}

// LookupActor finds an actor by name, case-insensitively: an exact match on
// ID, name or alias wins; otherwise a unique word-prefix match ("put" finds
// "Vladimir Putin"). It returns *AmbiguousActorError when several actors
// match at the best level and an error wrapping ErrNoActor when none do.
func (t *Timeline) LookupActor(name string) (*Actor, error) {
	q := foldKey(name)
	if q == "" {
		return nil, ErrNoActor
	}
	var exact, prefix []*Actor
	for i := range t.actors {
		a := &t.actors[i]
		if strings.ToLower(a.ID) == q {
			exact = append(exact, a)
			continue
		}
		isExact, isPrefix := false, false
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			k := foldKey(n)
			if k == q {
				isExact = true
				break
			}
			if hasWordPrefix(k, q) {
				isPrefix = true
			}
		}
		switch {
		case isExact:
			exact = append(exact, a)
		case isPrefix:
			prefix = append(prefix, a)
		}
	}
	for _, set := range [][]*Actor{exact, prefix} {
		switch len(set) {
		case 0:
			continue
		case 1:
			return set[0], nil
		default:
			return nil, &AmbiguousActorError{Name: name, Candidates: set}
		}
	}
	return nil, &noActorError{name}
}

type noActorError struct{ name string }

func (e *noActorError) Error() string { return "no actor is called " + quote(e.name) }
func (e *noActorError) Unwrap() error { return ErrNoActor }

// hasWordPrefix reports whether q starts at a word boundary of s.
func hasWordPrefix(s, q string) bool {
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], q)
		if j < 0 {
			return false
		}
		at := i + j
		if at == 0 {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(s[:at])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[at:])
		i = at + size
	}
	return false
}

// ActorName is the name of the actor id, or id itself when there is none
// (which a valid Timeline never has: the id still says who).
func (t *Timeline) ActorName(id string) string {
	if a, ok := t.Actor(id); ok {
		return a.Name
	}
	return id
}

// ActorsLine lists an event's actors by name with their roles in
// parentheses: "Vladimir Putin (giver), Kim Jong-un (recipient)". The
// exports and the command line's text output both say who this way.
func (t *Timeline) ActorsLine(e *Event) string {
	parts := make([]string, len(e.Actors))
	for i, r := range e.Actors {
		parts[i] = t.ActorName(r.Actor)
		if r.Role != "" {
			parts[i] += " (" + r.Role + ")"
		}
	}
	return strings.Join(parts, ", ")
}
