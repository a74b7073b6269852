package timeline

import (
	"hash/maphash"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Building a Timeline: validation of the events, split between the cores,
// then the chronological order and the indexes. Diagnostics come out in
// dataset order whatever the split.

// minPerWorker is the fewest events worth a goroutine of their own.
const minPerWorker = 8192

// newTimeline is New (own false: the events are copied) and NewOwned.
func newTimeline(ds *Dataset, own bool) (*Timeline, []Diagnostic) {
	t := &Timeline{
		title:      ds.Title,
		actors:     slices.Clone(ds.Actors),
		sources:    slices.Clone(ds.Sources),
		actorByID:  make(map[string]int, len(ds.Actors)),
		sourceByID: make(map[string]int, len(ds.Sources)),
	}
	v := &validator{t: t}
	v.indexSources()
	v.indexActors()

	// Validation goes through ds.Events in dataset order, which reads
	// memory in sequence. When owned, it checks them in place, while the
	// order is computed beside it, and they are reordered after; otherwise
	// each one's copy is written straight to its chronological place, which
	// needs the order first.
	var (
		perm   []int32
		diags  []Diagnostic
		failed bool
	)
	events := ds.Events
	refs := newRefTable(ds.Events)
	sort := func() { perm, t.dated = chronological(ds.Events) }
	if own {
		parallel(sort, func() { diags, failed = checkEvents(t, ds.Events, events, nil, true, refs) })
	} else {
		events = make([]Event, len(ds.Events))
		sort()
		diags, failed = checkEvents(t, ds.Events, events, perm, false, refs)
	}
	v.diags = append(v.diags, diags...)
	if v.failed || failed {
		return nil, v.diags
	}
	t.events = events
	parallel(
		func() { t.buildPostings(refs, perm) },
		func() {
			if own {
				permute(events, perm)
			}
			t.buildDates()
		})
	return t, v.diags
}

// parallel runs the functions at once and returns when all have. A panic
// in one is raised again in the caller, where it can be recovered: in a
// goroutine of ours it would end the program.
func parallel(fs ...func()) {
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		failure any
	)
	for _, f := range fs {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					mu.Lock()
					failure = p
					mu.Unlock()
				}
			}()
			f()
		})
	}
	wg.Wait()
	if failure != nil {
		panic(failure)
	}
}

// refTable holds the actor index of every actor reference, the references
// of ds.Events[i] at refs[at[i]:at[i+1]].
type refTable struct {
	refs []int32
	at   []int32
}

func newRefTable(src []Event) *refTable {
	r := &refTable{at: make([]int32, len(src)+1)}
	n := 0
	for i := range src {
		r.at[i] = int32(n)
		n += len(src[i].Actors)
	}
	r.at[len(src)] = int32(n)
	r.refs = make([]int32, n)
	return r
}

func (r *refTable) of(i int) []int32 { return r.refs[r.at[i]:r.at[i+1]] }

// checkEvents validates src in dataset order, with as many goroutines as
// there are cores for big datasets. When not own, it first copies src[i]
// to its chronological place in events, with its citations, so that
// resolving them writes only to the copies. Event ids are checked in a
// goroutine of their own, since a duplicate is found only against every
// event before it. It returns the diagnostics in dataset order and whether
// any is an error.
func checkEvents(t *Timeline, src, events []Event, perm []int32, own bool, refs *refTable) ([]Diagnostic, bool) {
	n := len(src)
	var cites []Citation
	var citeAt []int
	var rank []int32
	if !own {
		rank = make([]int32, n)
		for j, i := range perm {
			rank[i] = int32(j)
		}
		// One allocation for every copied citation rather than one per event.
		citeAt = make([]int, n+1)
		for i := range n {
			citeAt[i+1] = citeAt[i] + len(src[i].Citations)
		}
		cites = make([]Citation, citeAt[n])
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), n/minPerWorker))
	parts := make([]*validator, workers+1) // parts[0] checks the ids
	for p := range parts {
		parts[p] = &validator{t: t}
	}
	jobs := []func(){func() { parts[0].checkIDs(src) }}
	for w := range workers {
		lo, hi := n*w/workers, n*(w+1)/workers
		v := parts[w+1]
		jobs = append(jobs, func() {
			for i := lo; i < hi; i++ {
				e := &src[i]
				if !own {
					e = &events[rank[i]]
					*e = src[i]
					if len(e.Citations) > 0 {
						c := cites[citeAt[i]:citeAt[i+1]:citeAt[i+1]]
						copy(c, e.Citations)
						e.Citations = c
					}
				}
				v.cur = i
				v.event(i, e, refs.of(i))
			}
		})
	}
	parallel(jobs...)
	return mergeDiagnostics(parts)
}

// checkIDs reports empty event ids and, once each, duplicate ones. The
// set of ids seen is an open-addressing table of (hash, index) pairs, a
// third of the memory of a map[string]int32 of a million ids and one
// cache miss per id; the ids themselves are compared only when hashes agree.
func (v *validator) checkIDs(src []Event) {
	size := 16
	for size < 2*len(src) {
		size *= 2
	}
	mask := uint64(size - 1)
	table := make([]uint64, size) // hash<<32 | index+1; 0 is empty
	seed := maphash.MakeSeed()
	dups := dupIDs{list: "events", noun: "event"}
	defer dups.report(v)
	for i := range src {
		id := src[i].ID
		v.cur = i
		if strings.TrimSpace(id) == "" {
			v.add(SeverityError, FieldPath("events", i, "id"), "event id is empty")
			continue
		}
		h := maphash.String(seed, id)
		tag := h >> 32
		for slot := h & mask; ; slot = (slot + 1) & mask {
			e := table[slot]
			if e == 0 {
				table[slot] = tag<<32 | uint64(i+1)
				break
			}
			if first := int(uint32(e)) - 1; e>>32 == tag && src[first].ID == id {
				dups.add(id, first, i)
				break
			}
		}
	}
}

// mergeDiagnostics puts the parts' diagnostics in dataset order: by event,
// and for one event the id's first (parts[0]), then the others in the
// order they were found.
func mergeDiagnostics(parts []*validator) ([]Diagnostic, bool) {
	type placed struct {
		at   int
		part int
		d    Diagnostic
	}
	var all []placed
	failed := false
	for p, v := range parts {
		failed = failed || v.failed
		for k, d := range v.diags {
			all = append(all, placed{v.at[k], min(p, 1), d})
		}
	}
	if len(all) == 0 {
		return nil, false
	}
	slices.SortStableFunc(all, func(a, b placed) int {
		if a.at != b.at {
			return a.at - b.at
		}
		return a.part - b.part
	})
	out := make([]Diagnostic, len(all))
	for k := range all {
		out[k] = all[k].d
	}
	return out, failed
}

// permute reorders events in place so that the new events[j] is the old
// events[perm[j]], following each cycle of the permutation so that every
// event moves once. perm is only read (buildPostings reads it meanwhile);
// a bitmap marks the places done.
func permute(events []Event, perm []int32) {
	done := make([]uint64, (len(perm)+63)/64)
	isDone := func(j int) bool { return done[j>>6]&(1<<(j&63)) != 0 }
	for start := range perm {
		if int(perm[start]) == start || isDone(start) {
			continue
		}
		saved := events[start]
		j := start
		for {
			i := int(perm[j])
			done[j>>6] |= 1 << (j & 63)
			if i == start {
				events[j] = saved
				break
			}
			events[j] = events[i]
			j = i
		}
	}
}
