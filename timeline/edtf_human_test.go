package timeline

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestDateHuman(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2017", "2017"},
		{"2023-09", "Sep 2023"},
		{"2024-02-20", "20 Feb 2024"},
		{"2024-02-05", "5 Feb 2024"},
		{"2017~", "c. 2017"},
		{"2017?", "2017?"},
		{"2017%", "c. 2017?"},
		{"2024-02-20~", "c. 20 Feb 2024"},
		{"-0043", "44 BCE"},
		{"0000", "1 BCE"},
		{"0044", "44 CE"},
		{"-0043-03-15", "15 Mar 44 BCE"},
		{"Y170000002", "170,000,002"},
		{"Y-170000002", "170,000,003 BCE"},
		{"Y10000", "10,000"},
		{"201X", "2010s"},
		{"201X~", "c. 2010s"},
		{"190X", "1900–1909"},
		{"20XX", "2000–2099"},
		{"008X", "80–89 CE"},
		{"000X", "1 BCE–9 CE"},
		{"2004-XX", "2004"},
		{"1985-04-XX", "Apr 1985"},
		{"1985-XX-XX", "1985"},
		{"2024-21", "Spring 2024"},
		{"2024-22", "Summer 2024"},
		{"2024-23", "Autumn 2024"},
		{"2024-24", "Winter 2024–25"},
		{"2099-24", "Winter 2099–2100"},
		{"-0044-24", "Winter 45–44 BCE"},
		{"2024-02-20T10:30:00Z", "20 Feb 2024, 10:30 UTC"},
		{"2024-02-20T10:30:15+05:30", "20 Feb 2024, 10:30:15 UTC+05:30"},
		{"2024-02-20T09:05:00-08", "20 Feb 2024, 09:05 UTC-08"},
		{"2024-02-20T09:05:00", "20 Feb 2024, 09:05"},
		{"2024-02-01/2024-02-20", "1–20 Feb 2024"},
		{"2024-01-20/2024-02-03", "20 Jan – 3 Feb 2024"},
		{"2024-01/2024-03", "Jan–Mar 2024"},
		{"2024-02-20/2024-02-20", "20 Feb 2024"},
		{"2023-09/2024-02-20", "Sep 2023 – 20 Feb 2024"},
		{"2017/2024", "2017–2024"},
		{"2004~/2006", "c. 2004 – 2006"},
		{"2004-06~/2006-08?", "c. Jun 2004 – Aug 2006?"},
		{"2024-02-01~/2024-02-20", "c. 1 Feb 2024 – 20 Feb 2024"},
		{"-0044/0014", "45 BCE – 14 CE"},
		{"2024-02-20/..", "after 20 Feb 2024"},
		{"../2021", "until 2021"},
		{"2024/", "2024 – ?"},
		{"/2024-02", "? – Feb 2024"},
	}
	for _, tt := range tests {
		if got := MustParseDate(tt.in).Human(); got != tt.want {
			t.Errorf("Human(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseDateAllocs(t *testing.T) {
	for _, s := range []string{"2024-02-20", "201X?", "Y-170000002", "2024-02-20T10:30:00+05:30", "2004-06~/2006-08?", "../2021"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseDate(s) }); n != 0 {
			t.Errorf("ParseDate(%q) allocates %v times", s, n)
		}
	}
}

func TestMustParseDatePanics(t *testing.T) {
	defer func() {
		if _, ok := recover().(*DateError); !ok {
			t.Error("MustParseDate did not panic with a *DateError")
		}
	}()
	MustParseDate("2023-02-29")
}

func BenchmarkParseDate(b *testing.B) {
	inputs := []string{"2024-02-20", "2023-09", "2017~", "201X", "2024-21", "2004-06~/2006-08?", "2024-02-20T10:30:00Z", "Y170000002"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := ParseDate(inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-20", "2004-06~/2006-08?", "../2021", "2024-24", "Y-170000002", "2024-02-20T10:30:00+05:30", "1985-XX-XX"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		// Differential check against the standard library for plain days.
		if ref, rerr := time.Parse(time.DateOnly, s); rerr == nil && len(s) == len(time.DateOnly) {
			want := Day(ref.Unix() / 86400)
			if lo, _ := d.Earliest(); err != nil || lo != want || d.Precision() != PrecisionDay {
				t.Fatalf("ParseDate(%q) = %v, %v; time.Parse says day %v", s, lo, err, want)
			}
		}
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) || de.Reason == "" || !d.IsZero() {
				t.Fatalf("ParseDate(%q): bad failure %#v, %v", s, d, err)
			}
			return
		}
		if d.IsZero() || d.String() != s {
			t.Fatalf("ParseDate(%q) = %q", s, d.String())
		}
		lo, lok := d.Earliest()
		hi, hok := d.Latest()
		if lok && hok && lo > hi {
			t.Fatalf("ParseDate(%q): earliest %v after latest %v", s, lo, hi)
		}
		if !lok && !hok {
			t.Fatalf("ParseDate(%q): no bound at all", s)
		}
		again, err := ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) does not round-trip: %v", s, err)
		}
		if !d.Overlaps(d) {
			t.Fatalf("ParseDate(%q) does not overlap itself", s)
		}
		if d.Human() == "" {
			t.Fatalf("ParseDate(%q).Human() is empty", s)
		}
		for _, part := range []Date{d.Start(), d.End()} {
			if !part.IsZero() && (part.IsInterval() || MustParseDate(part.String()) != part) {
				t.Fatalf("ParseDate(%q): end %q is not its own parse", s, part)
			}
		}
	})
}

// Forms level 1 does not have, each refused with the level named.
func TestLevelTwoFormsRefused(t *testing.T) {
	for _, s := range []string{"1987-05-XX/1987-06-30", "198X/1990", "1990/199X", "2004-XX/2005", "1998-23~", "1998-21?", "1998-24%"} {
		_, err := ParseDate(s)
		if err == nil || !strings.Contains(err.Error(), "level 2") {
			t.Errorf("%q: %v, want a refusal naming level 2", s, err)
		}
	}
	for _, s := range []string{"198X", "1987-05-XX", "1998-23", "2004~/2006", "../2024-02-20"} {
		if _, err := ParseDate(s); err != nil {
			t.Errorf("%q refused: %v", s, err)
		}
	}
}
