package tui

import (
	"sort"
	"strconv"
	"strings"

	"dateline/timeline"
)

// period is the length of one bucket of the density strip: a number of
// days, months or years, aligned to the calendar (months and years) or to
// the first day shown (days).
type period struct {
	days   int64
	months int64
	years  int64
	name   string
}

// periodLadder lists the bucket lengths from finest to coarsest; the strip
// takes the finest one whose buckets fit its width, so two days and two
// thousand years both fill the line with readable periods.
var periodLadder = func() []period {
	l := []period{
		{days: 1, name: "day"}, {days: 7, name: "week"},
		{months: 1, name: "month"}, {months: 3, name: "quarter"},
		{years: 1, name: "year"}, {years: 2, name: "2 years"}, {years: 5, name: "5 years"},
		{years: 10, name: "decade"}, {years: 20, name: "20 years"}, {years: 50, name: "50 years"},
		{years: 100, name: "century"}, {years: 200, name: "200 years"}, {years: 500, name: "500 years"},
		{years: 1000, name: "millennium"},
	}
	// EDTF long years reach twelve digits: keep going in 1-2-5 steps.
	for base := int64(1000); base < 1e13; base *= 10 {
		for _, f := range []int64{2, 5, 10} {
			l = append(l, period{years: base * f, name: strconv.FormatInt(base*f, 10) + " years"})
		}
	}
	return l
}()

// index is the bucket number of day d (the days-based ones count from origin).
func (p period) index(d, origin timeline.Day) int64 {
	if p.days > 0 {
		return floorDiv(int64(d-origin), p.days)
	}
	y, mo, _ := d.Civil()
	if p.months > 0 {
		return floorDiv(y*12+int64(mo-1), p.months)
	}
	return floorDiv(y, p.years)
}

// start is the first day of bucket number k.
func (p period) start(k int64, origin timeline.Day) timeline.Day {
	if p.days > 0 {
		return origin + timeline.Day(k*p.days)
	}
	if p.months > 0 {
		m := k * p.months
		return timeline.DayOf(floorDiv(m, 12), int(m-floorDiv(m, 12)*12)+1, 1)
	}
	return timeline.DayOf(k*p.years, 1, 1)
}

// label names day d as precisely as the period needs.
func (p period) label(d timeline.Day) string {
	y, mo, day := d.Civil()
	switch {
	case p.days > 0:
		return strconv.Itoa(day) + " " + monthNames[mo-1] + " " + yearLabel(y)
	case p.months > 0:
		return monthNames[mo-1] + " " + yearLabel(y)
	}
	return yearLabel(y)
}

var monthNames = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// densityStrip is the one-line overview above the timeline: how many of the
// shown events start in each period, scaled to the width, with the
// selection's period marked and the period labels at the ends. Compute
// runs on filter and size changes only and costs O(width · log N): the
// shown index is chronological, so each bucket's count is the difference
// of two binary searches by start day. View only draws.
type densityStrip struct {
	width   int
	empty   string // shown instead of bars: no dated events
	unit    period
	origin  timeline.Day
	bounds  []timeline.Day // bucket k is [bounds[k], bounds[k+1])
	counts  []int          // events starting in each bucket
	levels  []byte         // per cell: 0 for none, 1–8 bar height
	cellOf  []int          // per bucket: its middle cell
	lo, hi  string         // labels at the ends
	showPer bool           // room for "per month"
}

// stripBars are the bar glyphs by level.
var stripBars = []string{"·", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// computeStrip lays out the strip for the shown events idx (chronological)
// at width w; clamp, when set, bounds the span (a date-range filter).
func computeStrip(tl *timeline.Timeline, idx []int, w int, clamp timeline.Date) densityStrip {
	s := densityStrip{width: w}
	n := sort.Search(len(idx), func(k int) bool { return tl.Undated(idx[k]) })
	if n == 0 {
		if len(idx) > 0 {
			s.empty = "no dated events"
		}
		return s
	}
	key := func(p int) timeline.Day { d, _ := tl.StartDay(idx[p]); return d }
	lo, hi := key(0), key(n-1)
	if d, ok := clamp.Earliest(); ok && d > lo && d <= hi {
		lo = d
	}
	if d, ok := clamp.Latest(); ok && d < hi && d >= lo {
		hi = d
	}
	// Labels take room from the bars; try each period with its own labels.
	for _, p := range periodLadder {
		nb := p.index(hi, lo) - p.index(lo, lo) + 1
		// The ends' own days, not their buckets' starts: data to 20 Feb
		// 2024 in quarters ends "Feb 2024", not "Jan 2024".
		loL, hiL := p.label(lo), p.label(hi)
		cw := w - textWidth(loL) - textWidth(hiL) - 2
		if cw < 8 { // too narrow for labels: bars only
			loL, hiL, cw = "", "", w
		}
		if nb <= int64(cw) || p.years >= 1e13 {
			s.unit, s.origin, s.lo, s.hi = p, lo, loL, hiL
			// Name the period when that still leaves room for every bucket.
			if per := textWidth(" · per " + p.name); loL != "" && int64(cw-per) >= max(nb, 8) {
				s.showPer, cw = true, cw-per
			}
			s.fill(key, n, int(min(nb, int64(cw))), cw)
			return s
		}
	}
	return s
}

// fill counts the events per bucket and spreads nb buckets over cw cells.
func (s *densityStrip) fill(key func(int) timeline.Day, n, nb, cw int) {
	first := s.unit.index(s.origin, s.origin)
	s.bounds = make([]timeline.Day, nb+1)
	for k := range s.bounds {
		s.bounds[k] = s.unit.start(first+int64(k), s.origin)
	}
	lower := func(d timeline.Day) int { return sort.Search(n, func(p int) bool { return key(p) >= d }) }
	counts := make([]int, nb)
	prev := 0
	peak := 0
	for k := range nb {
		next := n
		if k < nb-1 {
			next = lower(s.bounds[k+1])
		}
		counts[k] = next - prev
		peak = max(peak, counts[k])
		prev = next
	}
	s.counts = counts
	s.levels = make([]byte, cw)
	s.cellOf = make([]int, nb)
	for c := range cw {
		k := c * nb / cw
		if counts[k] > 0 {
			s.levels[c] = byte(1 + (counts[k]*8-1)/peak) // ceil(8·count/peak)
		}
	}
	for k := range nb {
		// The middle cell of bucket k: cells c with c*nb/cw == k.
		firstCell := (k*cw + nb - 1) / nb
		lastCell := ((k+1)*cw+nb-1)/nb - 1
		s.cellOf[k] = (firstCell + max(firstCell, lastCell)) / 2
	}
}

// View draws the strip with the bucket holding day sel marked (◆), when
// has is true; it is exactly width cells.
func (s densityStrip) View(st *styles, sel timeline.Day, has bool) string {
	pc := paints(st)
	if len(s.levels) == 0 {
		return pc.render(&st.stripLabel, fit(s.empty, s.width))
	}
	mark := -1
	if has && len(s.bounds) > 1 {
		k := sort.Search(len(s.bounds)-1, func(k int) bool { return s.bounds[k+1] > sel })
		mark = s.cellOf[min(k, len(s.cellOf)-1)]
	}
	var b string
	if mark >= 0 {
		// The mark is a glyph (NO_COLOR) and a colour of its own.
		b = pc.render(&st.stripBar, barText(s.levels[:mark])) + pc.render(&st.stripMark, "◆") +
			pc.render(&st.stripBar, barText(s.levels[mark+1:]))
	} else {
		b = pc.render(&st.stripBar, barText(s.levels))
	}
	if s.lo == "" {
		return b
	}
	line := pc.render(&st.stripLabel, s.lo) + " " + b + " " + pc.render(&st.stripLabel, s.hi)
	if s.showPer {
		line += pc.render(&st.stripLabel, " · per "+s.unit.name)
	}
	return fit(line, s.width)
}

func barText(levels []byte) string {
	var b strings.Builder
	for _, lv := range levels {
		b.WriteString(stripBars[lv])
	}
	return b.String()
}
