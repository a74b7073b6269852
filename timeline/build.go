package timeline

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// Building a Timeline: validation of the events, split between the cores,
// then the chronological order and the indexes. Diagnostics come out in
// dataset order whatever the split.

// minPerWorker is the fewest events worth a goroutine of their own.
const minPerWorker = 8192

// newHeader is a Timeline of ds's title, actors and sources, checked, with
// no events yet, and the validator that checked them.
func newHeader(ds *Dataset) (*Timeline, *validator) {
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
	return t, v
}

// newTimeline is New (own false: the events are copied) and NewOwned.
func newTimeline(ds *Dataset, own bool) (*Timeline, []Diagnostic) {
	t, v := newHeader(ds)

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
	return mergeDiagnostics(t, parts)
}

// checkIDs reports empty event ids in dataset order and, once each,
// duplicate ones.
func (v *validator) checkIDs(src []Event) {
	ids := newIDSet(len(src), src)
	dups := dupIDs{list: "events", noun: "event"}
	defer dups.report(v)
	for i := range src {
		v.cur = i
		ids.check(v, &dups, i, src[i].ID)
	}
}

// idSet is the set of event ids seen, to report empty and duplicate ones:
// an open-addressing table of (index, tag) slots, 5 bytes each, a fifth of
// the memory of a map[string]int32 of a million ids and one cache miss per
// id; the ids themselves are compared only when tags (8 bits of their
// hashes) agree, for about one id in a hundred. The table is sized for the
// number of ids when it is known, filled to at most 3/4 (its size need not
// be a power of two: a hash picks its slot by multiplication), and doubles
// when more ids come.
type idSet struct {
	table []idSlot
	n     int
	seed  maphash.Seed
	src   []Event // the events, when they are all at hand (New)
	// Otherwise the ids are copied, one after the other, into buf: id i
	// ends at ends[i] ("" for one not in the table), 4 bytes an event
	// while buf holds less than idEndsMax bytes; past that, wide holds
	// every end instead.
	buf  []byte
	ends []uint32
	wide []int
}

// idSlot is the index+1 of an event, little-endian (0: the slot is empty),
// then the low byte of its id's hash; an array of bytes, so that a table of
// them packs with no padding.
type idSlot [5]byte

func (e *idSlot) at() uint32 { return binary.LittleEndian.Uint32(e[:4]) }

// maxIDs is the most ids a table numbers (4 bytes each).
const maxIDs = math.MaxUint32 - 1

// idEndsMax is the most bytes of ids whose ends fit ends (a variable so
// that tests can pass it without 4 GB of ids).
var idEndsMax uint64 = math.MaxUint32

func newIDSet(hint int, src []Event) *idSet {
	return &idSet{table: make([]idSlot, tableSize(hint)), seed: maphash.MakeSeed(), src: src}
}

// tableSize is the number of slots that hold n ids at most 3/4 full.
func tableSize(n int) int { return max(16, n+n/3+1) }

// id is the id of event i, which must have been added.
func (s *idSet) id(i int) string {
	if s.src != nil {
		return s.src[i].ID
	}
	start, end := 0, s.end(i)
	if i > 0 {
		start = s.end(i - 1)
	}
	return unsafe.String(unsafe.SliceData(s.buf[start:]), end-start)
}

func (s *idSet) end(i int) int {
	if s.wide != nil {
		return s.wide[i]
	}
	return int(s.ends[i])
}

// keep records the id of the event added (or "" for one not in the table).
func (s *idSet) keep(id string) {
	if s.src != nil {
		return
	}
	s.buf = append(s.buf, id...)
	if s.wide == nil && uint64(len(s.buf)) > idEndsMax {
		s.wide = make([]int, len(s.ends), cap(s.ends)+1)
		for k, e := range s.ends {
			s.wide[k] = int(e)
		}
		s.ends = nil
	}
	if s.wide != nil {
		s.wide = append(s.wide, len(s.buf))
		return
	}
	s.ends = append(s.ends, uint32(len(s.buf)))
}

// check adds event i's id (events come in dataset order: i is the number
// of ids added before) and reports it to v when empty, or to dups when a
// duplicate (which reports each repeated id once).
func (s *idSet) check(v *validator, dups *dupIDs, i int, id string) {
	if strings.TrimSpace(id) == "" {
		s.keep("")
		v.add(SeverityError, FieldPath("events", i, "id"), "event id is empty")
		return
	}
	if 4*(s.n+1) > 3*len(s.table) {
		s.grow()
	}
	h := maphash.String(s.seed, id)
	if first, dup := s.insert(h, i, id); dup {
		s.keep("")
		dups.add(id, first, i)
		return
	}
	s.keep(id)
	s.n++
}

// slot is where the probes for hash h start: the high bits of h pick it,
// the low ones make the tag kept in the table.
func (s *idSet) slot(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(s.table)))
	return int(hi)
}

// insert puts (h, i) in the table unless an equal id is there, whose index
// it returns with dup true. The strings id returns are compared at once,
// never kept: buf may move when it grows.
func (s *idSet) insert(h uint64, i int, id string) (first int, dup bool) {
	if uint64(i) >= maxIDs {
		panic(fmt.Sprintf("more than %d events", uint64(maxIDs)))
	}
	tag := byte(h)
	for slot := s.slot(h); ; slot++ {
		if slot == len(s.table) {
			slot = 0
		}
		e := &s.table[slot]
		at := e.at()
		if at == 0 {
			binary.LittleEndian.PutUint32(e[:4], uint32(i+1))
			e[4] = tag
			return 0, false
		}
		if first := int(at) - 1; e[4] == tag && s.id(first) == id {
			return first, true
		}
	}
}

// grow doubles the table, placing every id again.
func (s *idSet) grow() {
	old := s.table
	s.table = make([]idSlot, 2*len(old))
	for _, e := range old {
		at := e.at()
		if at == 0 {
			continue
		}
		h := maphash.String(s.seed, s.id(int(at)-1))
		for slot := s.slot(h); ; slot++ {
			if slot == len(s.table) {
				slot = 0
			}
			if s.table[slot].at() == 0 {
				s.table[slot] = e
				break
			}
		}
	}
}

// mergeDiagnostics puts the parts' diagnostics in dataset order: by event,
// and for one event the id's first (parts[0]), then the others in the
// order they were found; then the first unknown ids in that order get
// their "did you mean".
func mergeDiagnostics(t *Timeline, parts []*validator) ([]Diagnostic, bool) {
	type placed struct {
		at      int
		part    int
		d       Diagnostic
		pending *pendingSuggestion
	}
	var all []placed
	failed := false
	for p, v := range parts {
		failed = failed || v.failed
		next := 0
		for k, d := range v.diags {
			pl := placed{at: v.at[k], part: min(p, 1), d: d}
			if next < len(v.pending) && v.pending[next].diag == k {
				pl.pending = &v.pending[next]
				next++
			}
			all = append(all, pl)
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
	sugg := suggestions{t: t}
	for k := range all {
		out[k] = all[k].d
		if all[k].pending != nil {
			sugg.apply(&out[k], *all[k].pending)
		}
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
