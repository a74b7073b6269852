package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"dateline/data"
	"dateline/tui"
)

// The Open benchmarks time what the viewer does from its arguments to the
// first frame of a ready timeline: the load (drafting an article, or
// reading the YAML that `dateline extract` writes for it), the model
// built on it, and the frame drawn. Compare BenchmarkOpenArticle with
// BenchmarkOpenDraftYAML (target: at most 1.5×):
//
//	go test -run '^$' -bench Open -count 5 ./cmd/dateline/

// year is a four-digit year of the articles.
var year = regexp.MustCompile(`\b(1[0-9]|20)[0-9][0-9]\b`)

// openArticles are the articles the benchmarks open: the seed article,
// the four fixtures in one (about 1,400 words), and those repeated to
// about 10,000 words with their years changed.
func openArticles(b *testing.B) map[string]string {
	b.Helper()
	read := func(name string) string {
		raw, err := os.ReadFile(filepath.Join("../../timeline/draft/testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		return string(raw)
	}
	seed := read("seed_kim_car.txt")
	four := seed
	for _, name := range []string{"lithium_pact.txt", "port_bribery.txt", "po_floods.txt"} {
		four += "\n\n" + read(name)
	}
	// Each copy moves the years of the last one back a century, so that its
	// dated sentences are new ones (the drafter skips a repeated sentence)
	// and the long article drafts about as many events per word as the others.
	long, last := four, four
	for len(strings.Fields(long)) < 10000 {
		last = year.ReplaceAllStringFunc(last, func(y string) string {
			n, _ := strconv.Atoi(y)
			return strconv.Itoa(n - 100)
		})
		long += "\n\n" + last
	}
	return map[string]string{"seed": seed, "four": four, "10k-words": long}
}

// openFiles writes each article to a folder of its own with the YAML
// extract writes beside it (which names the article as its text_file), and
// returns the case names in order with their paths.
func openFiles(b *testing.B) (names []string, article, yaml map[string]string) {
	b.Helper()
	article, yaml = map[string]string{}, map[string]string{}
	for name, text := range openArticles(b) {
		dir := b.TempDir()
		article[name] = filepath.Join(dir, "article.txt")
		yaml[name] = filepath.Join(dir, "article.yaml")
		if err := os.WriteFile(article[name], []byte(text), 0o600); err != nil {
			b.Fatal(err)
		}
		d, err := draftArticles([]string{article[name]}, "", "")
		if err != nil {
			b.Fatal(err)
		}
		out, err := d.marshal("yaml", yaml[name], d.besideOut(yaml[name]))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(yaml[name], out, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	return []string{"seed", "four", "10k-words"}, article, yaml
}

// readyFrame builds the viewer on load as Run does (New, the window size,
// Init), delivers the load's message and draws the frame. The spinner's
// tick is left to expire on its own: it only sleeps.
func readyFrame(b *testing.B, cfg tui.Config) string {
	m := tui.New(cfg)
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	batch, _ := m.Init()().(tea.BatchMsg)
	msgs := make(chan tea.Msg, len(batch))
	n := 0
	for _, c := range batch {
		if c != nil {
			n++
			go func() { msgs <- c() }()
		}
	}
	for ; n > 0; n-- {
		switch msg := (<-msgs).(type) {
		case nil, spinner.TickMsg:
		default:
			m.Update(msg)
			if v := m.View(); strings.Contains(v, " events") {
				return v
			}
		}
	}
	b.Fatal("the load's message never came")
	return ""
}

func BenchmarkOpenArticle(b *testing.B) {
	names, article, _ := openFiles(b)
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			v := &articleView{path: article[name]}
			cfg := tui.Config{Load: v.load, File: article[name], Draft: &tui.Draft{Save: v.save}}
			if f := readyFrame(b, cfg); !strings.Contains(f, "draft of article.txt") {
				b.Fatalf("not the draft:\n%s", f)
			}
			for b.Loop() {
				readyFrame(b, cfg)
			}
		})
	}
}

func BenchmarkOpenDraftYAML(b *testing.B) {
	names, _, yaml := openFiles(b)
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			args := []string{yaml[name]}
			cfg := tui.Config{Load: func() *data.Loaded { return loadArgs(args) }, File: yaml[name]}
			if f := readyFrame(b, cfg); !strings.Contains(f, " events") || strings.Contains(f, "cannot load") {
				b.Fatalf("not loaded:\n%s", f)
			}
			for b.Loop() {
				readyFrame(b, cfg)
			}
		})
	}
}
