package timeline

import "testing"

func TestParseActorKindSpellings(t *testing.T) {
	for _, s := range []string{"organisation", "organization"} {
		if k, err := ParseActorKind(s); err != nil || k != KindOrganisation {
			t.Errorf("%q: %v, %v", s, k, err)
		}
	}
	if _, err := ParseActorKind("organisations"); err == nil {
		t.Error("organisations accepted")
	}
}
