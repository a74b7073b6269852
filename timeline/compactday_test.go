package timeline

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// Days beyond 32 bits (EDTF's long years) take the 64-bit columns; both
// forms must order and filter exactly as the dates say.
func TestLongYearsOrderAndFilter(t *testing.T) {
	dates := []string{"Y-170000002", "Y170000002", "2020", "2019/..", "../2021", "1900-05", "", "Y-170000002/2001", "2001/Y170000002", "1999"}
	for _, long := range []bool{false, true} {
		ds := testDataset()
		for i, d := range dates {
			if !long && len(d) > 0 && (d[0] == 'Y' || len(d) > 10) {
				continue
			}
			ds.Events = append(ds.Events, ev(fmt.Sprintf("e%d", i), d))
		}
		tl, diags := New(ds)
		if tl == nil {
			t.Fatalf("long %v: %v", long, diags)
		}
		if got := tl.dates.bounds.large != nil; got != long {
			t.Errorf("long %v: the 64-bit bounds column in use: %v", long, got)
		}
		for i := 1; i < tl.Len(); i++ {
			a, b := BoundsOf(tl.Event(i-1).Date), BoundsOf(tl.Event(i).Date)
			af, as, _ := a.sortKey()
			bf, bs, _ := b.sortKey()
			if cmp.Or(cmp.Compare(af, bf), cmp.Compare(as, bs)) > 0 {
				t.Errorf("long %v: %s sorts before %s", long, tl.Event(i-1).Date, tl.Event(i).Date)
			}
		}
		for _, q := range []string{"2020", "1000/3000", "Y-170000003/Y-170000001", "Y170000001/..", "../1800", "2000/2001"} {
			f := Filter{Dates: MustParseDate(q)}
			if got, want := tl.Apply(f, nil), reference(tl, f); !slices.Equal(got, want) {
				t.Errorf("long %v: %s: %v, want %v", long, q, got, want)
			}
		}
	}
}

func TestSmallDayKeepsOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	days := []Day{minDay, maxDay, math.MinInt32 + 1, math.MaxInt32 - 1, 0, -1, 1}
	for range 1000 {
		days = append(days, Day(r.Int32()))
	}
	for _, a := range days {
		sa, ok := smallDay(a)
		if !ok || largeDay(sa) != a {
			t.Fatalf("%d: small %d %v, back %d", a, sa, ok, largeDay(sa))
		}
		for _, b := range days[:20] {
			sb, _ := smallDay(b)
			if cmp.Compare(sa, sb) != cmp.Compare(a, b) {
				t.Fatalf("%d vs %d: order changes in 32 bits", a, b)
			}
		}
	}
	for _, d := range []Day{math.MinInt32, math.MaxInt32, 1 << 40, -1 << 40} {
		if _, ok := smallDay(d); ok {
			t.Errorf("%d fits in 32 bits, but it is a sentinel's or beyond", d)
		}
	}
}
