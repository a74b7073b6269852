package timeline

// myers is Myers' bit-parallel edit-distance automaton (G. Myers, "A fast
// bit-vector algorithm for approximate string matching based on dynamic
// programming", 1999), in Hyyrö's multi-word form, over code points: after
// each text character it knows the edit distance between the whole pattern
// and the best-aligned piece of text ending there. Each character costs
// ceil(len(pattern)/64) word operations, so a scan is linear in the text
// for a bounded pattern. It is what approx-string-match (used by Hypothesis)
// implements.
type myers struct {
	m      int      // pattern length in code points
	words  int      // 64-bit blocks per column
	rows   []uint64 // match masks: row 0 is all zero, the others per symbol
	ascii  [128]int32
	other  map[rune]int32
	last   uint64   // bit of the last pattern row in the last block
	pv, mv []uint64 // vertical +1 and -1 deltas of the current column
	score  int      // distance at the last pattern row
}

// newMyers prepares the automaton for pattern; it is reusable through reset.
func newMyers(pattern []rune) *myers {
	w := max(1, (len(pattern)+63)/64)
	my := &myers{m: len(pattern), words: w, rows: make([]uint64, w), pv: make([]uint64, w), mv: make([]uint64, w)}
	my.last = 1 << uint((max(len(pattern), 1)-1)%64)
	for i, r := range pattern {
		row := my.row(r)
		if row == 0 {
			row = int32(len(my.rows) / w)
			my.rows = append(my.rows, make([]uint64, w)...)
			if r >= 0 && r < 128 {
				my.ascii[r] = row
			} else {
				if my.other == nil {
					my.other = make(map[rune]int32)
				}
				my.other[r] = row
			}
		}
		my.rows[int(row)*w+i/64] |= 1 << uint(i%64)
	}
	my.reset()
	return my
}

// row returns the index of r's match masks, 0 when r is not in the pattern.
func (my *myers) row(r rune) int32 {
	if r >= 0 && r < 128 {
		return my.ascii[r]
	}
	return my.other[r] // a nil map reads as zero
}

// reset returns to the empty text: distance i at pattern row i.
func (my *myers) reset() {
	for b := range my.pv {
		my.pv[b], my.mv[b] = ^uint64(0), 0
	}
	my.score = my.m
}

// step advances by one text character and returns the new distance. With
// anchored false the alignment may start anywhere (Sellers: row 0 is all
// zeros, so the distance is that of the best substring ending here); with
// anchored true it starts where the text began (row 0 counts the text
// characters, so the distance is that of the whole text read so far).
func (my *myers) step(r rune, anchored bool) int {
	if my.m == 0 {
		return 0
	}
	eqs := my.rows[int(my.row(r))*my.words:]
	if my.words == 1 {
		return my.step1(eqs[0], anchored)
	}
	hin := 0
	if anchored {
		hin = 1
	}
	for b := range my.words {
		pv, mv := my.pv[b], my.mv[b]
		eq := eqs[b]
		if hin < 0 {
			eq |= 1
		}
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		mask := uint64(1) << 63
		if b == my.words-1 {
			mask = my.last
		}
		hout := 0
		if ph&mask != 0 {
			hout = 1
		} else if mh&mask != 0 {
			hout = -1
		}
		ph, mh = ph<<1, mh<<1
		switch {
		case hin < 0:
			mh |= 1
		case hin > 0:
			ph |= 1
		}
		my.pv[b], my.mv[b] = mh|^(xv|ph), ph&xv
		hin = hout
	}
	my.score += hin
	return my.score
}

// step1 is step for a pattern of at most 64 code points, the common case:
// one block, entered from row 0.
func (my *myers) step1(eq uint64, anchored bool) int {
	pv, mv := my.pv[0], my.mv[0]
	xv := eq | mv
	xh := (((eq & pv) + pv) ^ pv) | eq
	ph := mv | ^(xh | pv)
	mh := pv & xh
	if ph&my.last != 0 {
		my.score++
	} else if mh&my.last != 0 {
		my.score--
	}
	ph, mh = ph<<1, mh<<1
	if anchored {
		ph |= 1
	}
	my.pv[0], my.mv[0] = mh|^(xv|ph), ph&xv
	return my.score
}
