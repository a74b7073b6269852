package timeline

import (
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
