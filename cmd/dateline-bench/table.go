package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// printTable writes the report for people: one row per metric with the
// medians and the ratio peer/ours, then the load and memory figures.
func printTable(w io.Writer, r *report) {
	fmt.Fprintf(w, "dateline-bench: %d events, %.0f bytes per event line, 120×40\n\n", r.N, r.EventBytes)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := "metric\tdateline\tlist (arabic)\tratio"
	if r.peerDefault {
		head += "\tlist (dots)\tratio"
	}
	fmt.Fprintln(tw, head+"\t")
	for _, m := range r.Metrics {
		row := fmt.Sprintf("%s\t%s\t%s\t%s", m.Name, dur(m.OursNS), dur(m.PeerNS), ratio(m.PeerNS, m.OursNS))
		if r.peerDefault {
			def := "—\t—"
			if m.PeerDefaultNS != nil {
				def = dur(*m.PeerDefaultNS) + "\t" + ratio(*m.PeerDefaultNS, m.OursNS)
			}
			row += "\t" + def
		}
		fmt.Fprintln(tw, row+"\t")
	}
	tw.Flush()
	fmt.Fprintf(w, "\nload (JSON Lines, %.1f MB): %.1f MB/s\n", float64(r.fileBytes)/1e6, r.LoadMBPerS)
	fmt.Fprintf(w, "heap after GC: dateline %s (%.2f× the file), list %s (%.2f× the file)\n",
		mb(r.HeapBytes.Ours), float64(r.HeapBytes.Ours)/float64(r.fileBytes),
		mb(r.HeapBytes.Peer), float64(r.HeapBytes.Peer)/float64(r.fileBytes))
	printFirstFrames(w, r.firstFrames)
	for _, m := range r.Metrics {
		if m.how != "" && m.how != "keys" {
			fmt.Fprintf(w, "%s: dateline measured by %s\n", m.Name, m.how)
		}
	}
	for _, n := range r.notes {
		fmt.Fprintln(w, n)
	}
	fmt.Fprintln(w, "ratio = list / dateline; each figure is a median; dateline is driven through its keys;")
	fmt.Fprintln(w, "load is the median of three loads; heap is what each program holds once loaded (dateline: with its search index)")
}

func dur(ns int64) string {
	d := time.Duration(ns)
	switch {
	case d < time.Microsecond:
		return fmt.Sprintf("%d ns", ns)
	case d < time.Millisecond:
		return fmt.Sprintf("%.1f µs", float64(ns)/1e3)
	case d < time.Second:
		return fmt.Sprintf("%.2f ms", float64(ns)/1e6)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func ratio(peer, ours int64) string {
	if ours <= 0 || peer <= 0 {
		return "—"
	}
	r := float64(peer) / float64(ours)
	switch {
	case r >= 100:
		return fmt.Sprintf("%.0f×", r)
	case r >= 1:
		return fmt.Sprintf("%.1f×", r)
	}
	return fmt.Sprintf("%.2g×", r)
}

func mb(b uint64) string { return fmt.Sprintf("%.0f MB", float64(b)/1e6) }

// printFirstFrames writes the first-frame lines of the table: one per
// program, then dateline's CPU time as a multiple of the minimal
// program's, against the goal of 2×.
func printFirstFrames(w io.Writer, ffs []firstFrame) {
	for _, ff := range ffs {
		printFirstFrame(w, ff)
	}
	if len(ffs) == 2 && ffs[1].cpu > 0 {
		fmt.Fprintf(w, "first frame: %s takes %.2f× the CPU of the minimal program (goal: within 2×)\n",
			ffs[0].build, float64(ffs[0].cpu)/float64(ffs[1].cpu))
	}
}

// printFirstFrame writes one program's first-frame line of the table.
func printFirstFrame(w io.Writer, ff firstFrame) {
	what, where := ff.build, "embedded dataset in a 120×40 pseudo-terminal"
	switch what {
	case "dateline":
		what = "dateline, static build (CGO_ENABLED=0)"
	case "minimal":
		what, where = "minimal Bubble Tea program, static build", "one bordered frame in a 120×40 pseudo-terminal"
	default: // -first-frame-bin: any program, on whatever it shows
		where = "in a 120×40 pseudo-terminal"
	}
	fmt.Fprintf(w, "first frame, %s (%s, median of %d): %s of CPU until it is drawn (%s to exit after q), %s wall; %d terminal queries answered\n",
		what, where, ff.runs, dur(int64(ff.cpu)), dur(int64(ff.exitCPU)), dur(int64(ff.wall)), ff.queries)
}
