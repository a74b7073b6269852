package timeline

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// TestCheckerIDsAsNew checks ids through a Checker, with no guess of
// their number (the table grows), a guess too low and one right, and with
// the ends of the copied ids narrow and past idEndsMax (wide, as past 4 GB
// of ids), and wants New's diagnostics of the ids in each case.
func TestCheckerIDsAsNew(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ds := &Dataset{Title: "ids"}
	for i := range 5000 {
		id := fmt.Sprintf("e%d", i)
		switch r.IntN(20) {
		case 0:
			id = "" // empty
		case 1, 2:
			if i > 0 {
				id = ds.Events[r.IntN(i)].ID // a repeat, maybe of an empty one
			}
		case 3:
			id = fmt.Sprintf("e%d", r.IntN(50)) // one of a few, often repeated
		}
		ds.Events = append(ds.Events, Event{ID: id, Title: "t"})
	}
	var want []Diagnostic
	_, diags := New(ds)
	for _, d := range diags {
		if _, rest, _ := cutEventPath(d.Path); rest == ".id" {
			want = append(want, d)
		}
	}
	if len(want) < 500 {
		t.Fatalf("only %d diagnostics of ids", len(want))
	}
	defer func(old uint64) { idEndsMax = old }(idEndsMax)
	for _, endsMax := range []uint64{idEndsMax, 1000} {
		idEndsMax = endsMax
		for _, guess := range []int{0, 100, len(ds.Events)} {
			c := NewChecker(ds)
			if guess > 0 {
				c.ExpectEvents(guess, 4*guess)
			}
			var got []Diagnostic
			var dupAt []int
			buf := make([]byte, 0, 16)
			for i, e := range ds.Events {
				// The id's bytes are reused after each call, as a scan does.
				buf = append(buf[:0], e.ID...)
				if d, dup, bad := c.CheckID(i, string(buf)); bad {
					if dup {
						dupAt = append(dupAt, len(got))
					}
					got = append(got, d)
				}
				clear(buf)
			}
			for k, d := range c.Duplicates() {
				got[dupAt[k]] = d
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ends up to %d bytes, guess %d: Checker finds %d diagnostics\n%v\nNew finds %d\n%v", endsMax, guess, len(got), got, len(want), want)
			}
			if wide := c.ids.wide != nil; wide != (endsMax < uint64(len(c.ids.buf))) {
				t.Errorf("ends up to %d bytes, %d bytes of ids: wide is %v", endsMax, len(c.ids.buf), wide)
			}
		}
	}
}

// cutEventPath splits "events[3].id" into 3 and ".id".
func cutEventPath(p Path) (int, string, bool) {
	var i int
	var rest string
	if n, _ := fmt.Sscanf(string(p), "events[%d]%s", &i, &rest); n < 1 {
		return 0, "", false
	}
	return i, rest, true
}
