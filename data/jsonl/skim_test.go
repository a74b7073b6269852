package jsonl

import (
	"fmt"
	"testing"

	"dateline/timeline"
)

// TestPlainBounds: the shortcut for plain dates gives ParseDate's bounds,
// and leaves every other form to it.
func TestPlainBounds(t *testing.T) {
	var dates []string
	for _, y := range []int{0, 1, 4, 100, 999, 1582, 1600, 1700, 1900, 1999, 2000, 2023, 2024, 2100, 9999} {
		dates = append(dates, fmt.Sprintf("%04d", y))
		for m := 0; m <= 25; m++ {
			dates = append(dates, fmt.Sprintf("%04d-%02d", y, m))
			for d := 0; d <= 32; d++ {
				dates = append(dates, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	var more []string
	for _, d := range dates {
		more = append(more, "-"+d, d+"?", d+"~", d+"%", "-"+d+"%", d+"??", d+"?~")
	}
	dates = append(dates, more...)
	ends := []string{"1999", "1999-12", "1999-12-31", "2000-01-01", "2000-02", "2000", "2000-13", "1999-02-29", "-0044", "-0044-03~",
		"0000", "-0000", "1999-06?", "2000-02-30", "..", "", "...", "201X"}
	for _, a := range ends {
		for _, b := range ends {
			dates = append(dates, a+"/"+b)
		}
	}
	dates = append(dates, "", "20", "2024-1", "2024-01-1", "2024/01/01", "2024-01-01T10:00:00Z", "202X", "2024-XX",
		"-0044", "Y170000002", "2024?", "2024-02-2~", "12345", "2024-0a", "2024-01-0a", "2024x01", "2024-01x01", "1999/..")
	for _, s := range dates {
		want := timeline.Bounds{Lo: timeline.NoEarliest, Hi: timeline.NoLatest}
		if d, err := timeline.ParseDate(s); err == nil {
			want = timeline.BoundsOf(d)
		}
		if got := boundsOf([]byte(s)); got != want {
			t.Errorf("boundsOf(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSkimmerHostile: the skimmer follows what it can of any line and
// never panics, never loops.
func TestSkimmerHostile(t *testing.T) {
	actors := map[string]int32{"a": 0, "b": 1}
	lines := []string{
		``, `{`, `}`, `{"`, `{"date`, `{"date":`, `{"date":"`, `{"date":"2024`, `{"date":"2024"`, `{"date":"2024",`,
		`{"actors":[`, `{"actors":["a"`, `{"actors":["a",{`, `{"actors":[{"actor":`, `{"actors":[{"actor":"b"}]}`,
		`{"title":"\"","summary":"\\","citations":[{"quote":"\u00e9\ud83d\ude97\ud800x"}]}`, `{"title":"\`, `{"title":"\u12`,
		`[]`, `"x"`, `{:}`, `{"a":tru`, `{"a":[[[[[[`, `{"a":{"b":{"c":"]"}}}`, `{"citations":[1,"x",{"quote":"q"},{"quote":7}]}`,
		`{"id":"x\"y"}`, `{"id":1,"id":"z"}`, "{\"title\":\"é\xff\"}",
	}
	var s skimmer
	for _, l := range lines {
		b := []byte(l)
		s.columns(b, actors, nil)
		s.texts(b, 0, func(int, string) bool { return true })
		s.id(b)
		for n := range b {
			s.columns(b[:n], actors, nil)
			s.texts(b[:n], 0, func(int, string) bool { return true })
			s.id(b[:n])
		}
	}
	_, _, refs := s.columns([]byte(`{"actors":["a",{"role":"x","actor":"b"},"c",{"actor":"\u0061"}]}`), actors, nil)
	if fmt.Sprint(refs) != "[0 1 -1 0]" {
		t.Errorf("actors %v", refs)
	}
	var got []string
	s.texts([]byte(`{"citations":[{"quote":"q1"},{"source":"s","quote":"q\u00e92"}],"summary":"s","id":"i","title":"t\"t"}`), 3, func(k int, v string) bool {
		got = append(got, fmt.Sprintf("%d %s", k, v))
		return true
	})
	if fmt.Sprint(got) != `[3 t"t 3 s 3 q1 3 qé2]` {
		t.Errorf("texts %q", got)
	}
}
