package timeline

import (
	"fmt"
	"strings"
	"testing"
)

func TestDidYouMean(t *testing.T) {
	ds := &Dataset{
		Sources: []Source{{ID: "article", Title: "a", Text: "Putin gave Kim a car."}},
		Actors:  []Actor{{ID: "putin", Name: "Vladimir Putin"}, {ID: "kim-jong-un", Name: "Kim Jong-un"}},
		Events: []Event{{ID: "e", Title: "gift", Actors: []ActorRef{{Actor: "puttin"}, {Actor: "zzz"}},
			Citations: []Citation{{Source: "artcle", Quote: "Putin gave Kim a car."}}}},
	}
	_, diags := New(ds)
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.Message)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`unknown actor "puttin" (did you mean "putin"?)`, `unknown source "artcle" (did you mean "article"?)`} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in:\n%s", want, all)
		}
	}
	if strings.Contains(all, `"zzz" (did you mean`) {
		t.Errorf("a far id got a suggestion:\n%s", all)
	}
}

// TestDidYouMeanFirstInDatasetOrder: the first maxSuggestRefs unknown ids
// of the dataset get a suggestion, however many cores checked the events
// (each used to count its own share, so a big dataset got one batch per core).
func TestDidYouMeanFirstInDatasetOrder(t *testing.T) {
	ds := &Dataset{Actors: []Actor{{ID: "putin", Name: "Vladimir Putin"}}}
	n := 4 * minPerWorker
	for i := range n {
		ds.Events = append(ds.Events, Event{ID: fmt.Sprintf("e%d", i), Title: "t", Actors: []ActorRef{{Actor: "puttin"}}})
	}
	_, diags := New(ds)
	k, suggested, last := 0, 0, -1
	for _, d := range diags {
		if !strings.HasPrefix(d.Message, "unknown actor") {
			continue
		}
		if strings.Contains(d.Message, "did you mean") {
			suggested++
			last = k
		}
		k++
	}
	if k != n || suggested != maxSuggestRefs || last != maxSuggestRefs-1 {
		t.Fatalf("%d unknown actors, %d suggestions, the last at #%d; want %d, %d and #%d", k, suggested, last, n, maxSuggestRefs, maxSuggestRefs-1)
	}
}
