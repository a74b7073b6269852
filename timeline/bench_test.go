package timeline_test

import (
	"sync"
	"testing"

	"dateline/timeline"
	"dateline/timeline/synth"
)

// The benchmarks of building and filtering a timeline of 100,000 synthetic
// events (see package synth), so that regressions show in go test -bench.

var (
	benchDataset  = sync.OnceValue(func() *timeline.Dataset { return synth.Dataset(synth.Options{N: 100_000, Seed: 1}) })
	benchTimeline = sync.OnceValue(func() *timeline.Timeline {
		tl, diags := timeline.New(benchDataset())
		if tl == nil {
			panic(diags[0].String())
		}
		return tl
	})
)

func BenchmarkNew100k(b *testing.B) {
	ds := benchDataset()
	b.ReportAllocs()
	for b.Loop() {
		if tl, _ := timeline.New(ds); tl == nil {
			b.Fatal("New failed")
		}
	}
}

// midActor returns an actor listed by about one event in a hundred.
func midActor(tl *timeline.Timeline) string {
	best, diff := "", tl.Len()
	for _, a := range tl.Actors() {
		d := tl.ActorEventCount(a.ID) - tl.Len()/100
		if d < 0 {
			d = -d
		}
		if d < diff {
			best, diff = a.ID, d
		}
	}
	return best
}

func BenchmarkApply100k(b *testing.B) {
	tl := benchTimeline()
	for _, bc := range []struct {
		name string
		f    timeline.Filter
	}{
		{"actor", timeline.Filter{Actors: []string{midActor(tl)}}},
		{"century", timeline.Filter{Dates: timeline.MustParseDate("1200/1300")}},
		{"millennium", timeline.Filter{Dates: timeline.MustParseDate("1000/1999")}},
		{"actor and century", timeline.Filter{Actors: []string{midActor(tl)}, Dates: timeline.MustParseDate("1200/1300")}},
		{"none", timeline.Filter{}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var dst []int
			b.ReportAllocs()
			for b.Loop() {
				dst = tl.Apply(bc.f, dst)
			}
			b.ReportMetric(float64(len(dst)), "events")
		})
	}
}
