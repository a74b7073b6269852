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

// referenceOrder is chronologicalBy's order by the plain comparison of
// 64-bit keys.
func referenceOrder(b []Bounds) []int32 {
	keys := make([]chronoKey[Day], len(b))
	for i := range b {
		f, s, _ := b[i].sortKey()
		keys[i] = chronoKey[Day]{f, s, int32(i)}
	}
	return sortChrono(keys)
}

func randomBounds(r *rand.Rand, n int, spread Day) []Bounds {
	b := make([]Bounds, n)
	for i := range b {
		lo := Day(r.Int64N(int64(spread))) - spread/2
		hi := lo + Day(r.IntN(3))*Day(r.Int64N(int64(spread)/4+1))
		switch r.IntN(8) {
		case 0:
			lo = NoEarliest
		case 1:
			hi = NoLatest
		case 2:
			lo, hi = NoEarliest, NoLatest
		}
		b[i] = Bounds{lo, hi}
	}
	return b
}

// The packed keys must sort events exactly as the comparison of their
// keys does, ties, open ends and undated events included; keys that do
// not fit in 64 bits are refused, for the other sorts.
func TestChronologicalPacked(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, tc := range []struct {
		n      int
		spread Day
		fits   bool
	}{{0, 10, true}, {1, 10, true}, {500, 3, true}, {200_000, 400_000, true}, {5000, 1 << 40, false}} {
		b := randomBounds(r, tc.n, tc.spread)
		perm, dated, ok := chronologicalPacked(len(b), func(i int) Bounds { return b[i] })
		if ok != tc.fits {
			t.Fatalf("n %d, spread %d: packed %v, want %v", tc.n, tc.spread, ok, tc.fits)
		}
		want := referenceOrder(b)
		wantDated := 0
		for _, x := range b {
			if _, _, d := x.sortKey(); d {
				wantDated++
			}
		}
		if ok && (!slices.Equal(perm, want) || dated != wantDated) {
			t.Errorf("n %d, spread %d: packed order differs (dated %d, want %d)", tc.n, tc.spread, dated, wantDated)
		}
		if got, gotDated := chronologicalBy(len(b), func(i int) Bounds { return b[i] }); !slices.Equal(got, want) || gotDated != wantDated {
			t.Errorf("n %d, spread %d: chronologicalBy's order differs", tc.n, tc.spread)
		}
	}
}

func BenchmarkChronological(b *testing.B) {
	bounds := randomBounds(rand.New(rand.NewPCG(1, 2)), 1_000_000, 400_000)
	at := func(i int) Bounds { return bounds[i] }
	b.Run("packed", func(b *testing.B) {
		for b.Loop() {
			chronologicalPacked(len(bounds), at)
		}
	})
	b.Run("keys", func(b *testing.B) {
		for b.Loop() {
			keys := make([]chronoKey[int32], len(bounds))
			for i := range bounds {
				f, s, _ := bounds[i].sortKey()
				sf, _ := smallDay(f)
				ss, _ := smallDay(s)
				keys[i] = chronoKey[int32]{sf, ss, int32(i)}
			}
			sortChrono(keys)
		}
	})
}
