package timeline

import "math"

// Columns of a million events hold their days in 32 bits where they fit:
// every day within about 5.8 million years of 1970, and the unknown ends,
// which take the extremes. A dataset with a day beyond (EDTF allows
// years of any length) keeps 64 bits. The mapping keeps the order, so
// sorting and searching the small form give the large form's answers.

// smallDay returns d in 32 bits, false when it does not fit.
func smallDay(d Day) (int32, bool) {
	switch {
	case d == minDay:
		return math.MinInt32, true
	case d == maxDay:
		return math.MaxInt32, true
	case d > math.MinInt32 && d < math.MaxInt32:
		return int32(d), true
	}
	return 0, false
}

// largeDay is the Day of a smallDay.
func largeDay(v int32) Day {
	switch v {
	case math.MinInt32:
		return minDay
	case math.MaxInt32:
		return maxDay
	}
	return Day(v)
}

// boundColumn holds bounds, 8 bytes each when all their days fit in 32
// bits (small), else 16 (large).
type boundColumn struct {
	small []smallBounds
	large []Bounds
}

type smallBounds struct{ lo, hi int32 }

// newBoundColumn holds the n bounds at(i).
func newBoundColumn(n int, at func(i int) Bounds) boundColumn {
	small := make([]smallBounds, n)
	for i := range n {
		b := at(i)
		lo, lok := smallDay(b.Lo)
		hi, hok := smallDay(b.Hi)
		if !lok || !hok {
			large := make([]Bounds, n)
			for j := range i {
				large[j] = Bounds{largeDay(small[j].lo), largeDay(small[j].hi)}
			}
			for j := i; j < n; j++ {
				large[j] = at(j)
			}
			return boundColumn{large: large}
		}
		small[i] = smallBounds{lo, hi}
	}
	return boundColumn{small: small}
}

func (c *boundColumn) len() int { return len(c.small) + len(c.large) }

// at is the i-th bounds.
func (c *boundColumn) at(i int) Bounds {
	if c.large != nil {
		return c.large[i]
	}
	b := c.small[i]
	return Bounds{largeDay(b.lo), largeDay(b.hi)}
}
