package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"dateline/timeline"
)

// datedDataset has one event per date given, in that order.
func datedDataset(dates ...string) *timeline.Dataset {
	ds := &timeline.Dataset{Title: "dates"}
	for i, d := range dates {
		ds.Events = append(ds.Events, timeline.Event{
			ID: fmt.Sprintf("e%d", i), Title: "event " + d, Date: timeline.MustParseDate(d),
		})
	}
	return ds
}

func TestStripPeriodBySpan(t *testing.T) {
	tests := []struct {
		name     string
		dates    []string
		w        int
		unit     string
		lo, hi   string
		minCells int // buckets must spread over at least this many cells
	}{
		{"two days", []string{"2024-02-01", "2024-02-01", "2024-02-02"}, 60, "day", "1 Feb 2024", "2 Feb 2024", 28},
		{"two months", []string{"2024-01-01", "2024-02-28"}, 100, "day", "1 Jan 2024", "28 Feb 2024", 59},
		{"two months narrow", []string{"2024-01-01", "2024-02-28"}, 40, "week", "1 Jan 2024", "28 Feb 2024", 9},
		{"seven years", []string{"2017", "2021", "2023-09", "2024-02-20"}, 80, "quarter", "Jan 2017", "Feb 2024", 29},
		{"two thousand years", []string{"-0044-03-15", "0800-12-25", "1969-07-20", "2024"}, 80, "50 years", "45 BCE", "2024", 42},
		{"two thousand years wide", []string{"-0044-03-15", "0800-12-25", "1969-07-20", "2024"}, 300, "decade", "45 BCE", "2024", 208},
		{"long years", []string{"Y-170000002", "2024"}, 80, "5000000 years", "170000003 BCE", "2024", 36},
		{"one day", []string{"2024-02-20"}, 60, "day", "20 Feb 2024", "20 Feb 2024", 1},
	}
	// The labels are the first and last days shown, at the period's
	// precision, not the starts of the first and last buckets: data to
	// 20 Feb 2024 in quarters ends "Feb 2024", not "Jan 2024".
	st := newStyles("")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := mustTimeline(t, datedDataset(tt.dates...))
			idx := tl.Apply(timeline.Filter{}, nil)
			s := computeStrip(tl, idx, tt.w, timeline.Date{})
			if s.unit.name != tt.unit || s.lo != tt.lo || s.hi != tt.hi {
				t.Fatalf("unit %q, labels %q … %q; want %q, %q … %q", s.unit.name, s.lo, s.hi, tt.unit, tt.lo, tt.hi)
			}
			if len(s.levels) < tt.minCells {
				t.Fatalf("%d cells of bars, want at least %d", len(s.levels), tt.minCells)
			}
			total := 0
			for _, c := range s.counts {
				total += c
			}
			if total != len(tt.dates) {
				t.Fatalf("counts %v add up to %d, want %d", s.counts, total, len(tt.dates))
			}
			v := s.View(st, 0, false)
			if w := lipgloss.Width(v); w != tt.w {
				t.Fatalf("strip is %d cells, want %d: %q", w, tt.w, v)
			}
			if !strings.HasPrefix(v, tt.lo+" ") || !strings.Contains(v, " "+tt.hi) {
				t.Fatalf("labels not at the ends: %q", v)
			}
		})
	}
}

// TestStripCountsByBinarySearch compares the bucket counts with a count
// over every event, on filtered and unfiltered big timelines.
func TestStripCountsByBinarySearch(t *testing.T) {
	tl := mustTimeline(t, bigDataset(3000))
	for _, f := range []timeline.Filter{
		{},
		{Dates: timeline.MustParseDate("1010/1030")},
		{Dates: timeline.MustParseDate("1020-03")},
	} {
		idx := tl.Apply(f, nil)
		for _, w := range []int{10, 33, 58, 120, 298} {
			s := computeStrip(tl, idx, w, f.Dates)
			want := make([]int, len(s.counts))
			for _, i := range idx {
				d, _ := startDay(tl.Event(i).Date)
				k := 0
				for k+1 < len(s.counts) && d >= s.bounds[k+1] {
					k++
				}
				want[k]++
			}
			if fmt.Sprint(want) != fmt.Sprint(s.counts) {
				t.Fatalf("filter %v width %d: counts %v, want %v", f.Dates, w, s.counts, want)
			}
			if len(s.levels) > w {
				t.Fatalf("width %d: %d cells", w, len(s.levels))
			}
		}
	}
}

func TestStripMarksSelection(t *testing.T) {
	st := newStyles("")
	tl := mustTimeline(t, datedDataset("2020", "2021", "2022", "2023", "2024"))
	idx := tl.Apply(timeline.Filter{}, nil)
	s := computeStrip(tl, idx, 60, timeline.Date{})
	if s.unit.name != "quarter" {
		t.Fatalf("unit %q", s.unit.name)
	}
	for i := range idx {
		d, _ := startDay(tl.Event(i).Date)
		v := s.View(st, d, true)
		if strings.Count(v, "◆") != 1 {
			t.Fatalf("event %d: %q has no single mark", i, v)
		}
		// The mark sits in the cells of the event's bucket: its offset grows
		// with the year.
		cell := lipgloss.Width(v[:strings.Index(v, "◆")]) - lipgloss.Width(s.lo) - 1
		k := 0
		for k+1 < len(s.counts) && d >= s.bounds[k+1] {
			k++
		}
		if cell != s.cellOf[k] || cell*len(s.counts)/len(s.levels) != k {
			t.Fatalf("event %d in bucket %d: mark at cell %d (bucket of cell %d)", i, k, cell, s.cellOf[k])
		}
	}
	if strings.Contains(s.View(st, 0, false), "◆") {
		t.Fatal("a mark without a selection")
	}
	undated := mustTimeline(t, &timeline.Dataset{Events: []timeline.Event{{ID: "u", Title: "u"}}})
	if v := computeStrip(undated, []int{0}, 30, timeline.Date{}).View(st, 0, false); !strings.Contains(v, "no dated events") || lipgloss.Width(v) != 30 {
		t.Fatalf("undated strip %q", v)
	}
}

// startDay, the reference for Timeline.StartDay, is the day an event sorts by: its earliest day, or its latest
// when the start is open or unknown (timeline's chronological key).
func startDay(d timeline.Date) (timeline.Day, bool) {
	if day, ok := d.Earliest(); ok {
		return day, true
	}
	return d.Latest()
}
