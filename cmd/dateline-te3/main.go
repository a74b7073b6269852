// Command dateline-te3 measures dateline's date engine (timeline/timex) on
// TempEval-3-style corpora: TimeML files with gold TIMEX3 and a document
// creation time. For each corpus folder it tags every document, writes
// the TE3 JSON the scorer reads, and runs the scorer on the whole corpus
// and on its odd- and even-numbered documents (a gap between the halves
// is a sign of rules fitted to documents).
//
//	go run ./cmd/dateline-te3 -scorer PATH/score.py CORPUS...
//
// -sentences N scores only the first N sentences of each document, for
// corpora annotated only there (MEANTIME annotates the title, the date
// line and the first five sentences of each article). The tagger itself
// always reads the whole text.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"dateline/timeline/timex"
)

func main() {
	scorer := flag.String("scorer", "", "path of the TE3 scorer, score.py (required)")
	sentences := flag.Int("sentences", 0, "score only the first N sentences of each document (0: all)")
	keep := flag.String("keep", "", "write the system JSON under this folder instead of a temporary one")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: dateline-te3 -scorer score.py [-sentences N] CORPUS...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *scorer == "" || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	for _, corpus := range flag.Args() {
		if err := measure(os.Stdout, *scorer, corpus, *sentences, *keep); err != nil {
			fmt.Fprintf(os.Stderr, "dateline-te3: %s: %v\n", corpus, err)
			os.Exit(1)
		}
	}
}

// measure tags and scores one corpus folder.
func measure(w io.Writer, scorer, corpus string, sentences int, keep string) error {
	docs, err := filepath.Glob(filepath.Join(corpus, "*.tml"))
	if err != nil || len(docs) == 0 {
		return fmt.Errorf("no .tml files")
	}
	sort.Strings(docs)
	work, err := os.MkdirTemp("", "dateline-te3-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	sys := filepath.Join(work, "sys")
	if keep != "" {
		sys = filepath.Join(keep, filepath.Base(filepath.Clean(corpus)))
	}
	halves := [2]string{filepath.Join(work, "odd"), filepath.Join(work, "even")}
	for _, d := range append([]string{sys}, halves[:]...) {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	var tagTime time.Duration
	var chars int
	for i, doc := range docs {
		text, err := python(scorer, "text", doc)
		if err != nil {
			return err
		}
		dct, err := python(scorer, "dct", doc)
		if err != nil {
			return err
		}
		ref, err := time.Parse("2006-01-02", strings.TrimSpace(dct)[:min(10, len(strings.TrimSpace(dct)))])
		if err != nil {
			return fmt.Errorf("%s: creation time %q: %v", doc, dct, err)
		}
		start := time.Now()
		found := timex.Tag(text, ref)
		tagTime += time.Since(start)
		chars += len(text)
		if sentences > 0 {
			found = firstSentences(text, found, sentences)
		}
		b, err := timex.MarshalTE3(found)
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(doc), ".tml")
		if err := os.WriteFile(filepath.Join(sys, name+".json"), b, 0o644); err != nil {
			return err
		}
		// Document i+1 goes to the odd or even half, as numbered in
		// file-name order.
		abs, _ := filepath.Abs(doc)
		if err := os.Symlink(abs, filepath.Join(halves[i%2], filepath.Base(doc))); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "%s: %d documents, %d bytes tagged in %v (%.1f MB/s)", filepath.Base(filepath.Clean(corpus)), len(docs), chars, tagTime.Round(time.Millisecond), float64(chars)/tagTime.Seconds()/1e6)
	if sentences > 0 {
		fmt.Fprintf(w, ", scored on the first %d sentences of each", sentences)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-10s %8s %8s %8s %8s %8s\n", "documents", "gold", "system", "relaxed", "strict", "value")
	for _, part := range []struct{ name, gold string }{{"all", corpus}, {"odd", halves[0]}, {"even", halves[1]}} {
		s, err := score(scorer, part.gold, sys)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%-10s %8d %8d %8.2f %8.2f %8.2f\n", part.name, s.Counts.Gold, s.Counts.System, s.Scores["relaxed"]["f1"], s.Scores["strict"]["f1"], s.Scores["value"]["f1"])
	}
	return nil
}

// firstSentences keeps the expressions that start in the first n sentences.
func firstSentences(text string, found []timex.Timex, n int) []timex.Timex {
	ss := timex.Sentences(text)
	if len(ss) <= n {
		return found
	}
	limit := ss[n].Start
	out := found[:0]
	for _, t := range found {
		if t.Start < limit {
			out = append(out, t)
		}
	}
	return out
}

type scores struct {
	Counts struct {
		Gold   int `json:"gold"`
		System int `json:"system"`
	} `json:"counts"`
	Scores map[string]map[string]float64 `json:"scores"`
}

func score(scorer, gold, sys string) (scores, error) {
	var s scores
	out, err := python(scorer, "score", gold, sys, "--json")
	if err != nil {
		return s, err
	}
	err = json.Unmarshal([]byte(out), &s)
	return s, err
}

func python(scorer string, args ...string) (string, error) {
	cmd := exec.Command("python3", append([]string{scorer}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("python3 %s %s: %v: %s", filepath.Base(scorer), strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}
