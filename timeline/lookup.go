package timeline

import (
	"errors"
	"strings"
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
	return "actor name " + quote(e.Name) + " is ambiguous: " + strings.Join(names, ", ")
}
