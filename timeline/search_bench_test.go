package timeline

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkSearchKeystroke measures each keystroke of typing "putin k" into
// the search of a million events, the index already built.
func BenchmarkSearchKeystroke(b *testing.B) {
	tl := benchTimeline()
	tl.BuildSearchIndex()
	var dst []int
	queries := []string{"p", "pu", "put", "puti", "putin", "putin k", "김정은", "zzz"}
	for _, q := range queries {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				dst = tl.Search(q, dst)
			}
			b.ReportMetric(float64(len(dst)), "matches")
		})
	}
	// The prefixes of two and three runes with the most postings outside
	// bitmaps and precomputed unions are the costliest keystrokes.
	ix := tl.searchIndex()
	for runes := 2; runes <= 3; runes++ {
		worst, most := "", 0
		for i := 0; i < ix.terms(); i++ {
			p := runePrefix(ix.key(i), runes)
			if p == "" {
				continue
			}
			lk := ix.find(p)
			if sparse := ix.postings(lk.lo, lk.hi, true); lk.group == nil && sparse > most {
				worst, most = p, sparse
			}
			i = lk.hi - 1
		}
		b.Run(fmt.Sprintf("worst-%d:%s", runes, strings.ToLower(worst)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				dst = tl.Search(worst, dst)
			}
			b.ReportMetric(float64(most), "sparse-postings")
		})
	}
}

// BenchmarkBuildSearchIndex measures building the index of a million
// events, and reports its size.
func BenchmarkBuildSearchIndex(b *testing.B) {
	tl := benchTimeline()
	b.ReportAllocs()
	var ix *searchIndex
	for b.Loop() {
		ix = buildSearchIndex(tl, defaultIndexOptions(tl.Len()))
	}
	size := len(ix.keys) + 8*(len(ix.keyAt)+len(ix.postAt)) + 4*len(ix.count) + len(ix.post)
	for _, g := range ix.groups {
		size += 8 * len(g)
	}
	b.ReportMetric(float64(size)/float64(tl.Len()), "index-B/event")
	b.ReportMetric(float64(ix.terms()), "terms")
}
