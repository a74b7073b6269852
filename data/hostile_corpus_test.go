package data

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"dateline/data/internal/schema"
	"dateline/timeline"
)

// hostileDir holds the hostile-input corpus and its manifest.
var hostileDir = filepath.Join("testdata", "hostile")

// hostileCase is one line of the manifest: a file, the exit code of
// `dateline validate FILE`, and the problems it must produce.
type hostileCase struct {
	file    string
	exit    int
	want    []string // "LINE:COL: SEVERITY: substring"
	partial bool     // the list ended with "...": at least these
}

// readManifest parses testdata/hostile/manifest.txt (format in its header).
func readManifest(t *testing.T) []hostileCase {
	t.Helper()
	f, err := os.Open(filepath.Join(hostileDir, "manifest.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []hostileCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 3)
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if len(parts) != 3 {
			t.Fatalf("manifest line %d: want FILE | EXIT | PROBLEMS, got %q", n, line)
		}
		exit, err := strconv.Atoi(parts[1])
		if err != nil {
			t.Fatalf("manifest line %d: exit code %q: %v", n, parts[1], err)
		}
		c := hostileCase{file: parts[0], exit: exit}
		for w := range strings.SplitSeq(parts[2], " ; ") {
			switch w = strings.TrimSpace(w); w {
			case "":
			case "...":
				c.partial = true
			default:
				c.want = append(c.want, w)
			}
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// validateExit is the exit code `dateline validate` gives a loaded file.
func validateExit(l *schema.Loaded) int {
	if l.Timeline == nil || l.Count(timeline.SeverityError) > 0 || l.Count(timeline.SeverityCitation) > 0 {
		return 1
	}
	return 0
}

// loadNoPanic loads path, turning a panic into a test failure that names it.
func loadNoPanic(t *testing.T, path string) (l *schema.Loaded) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("LoadFile(%s) panicked: %v", path, r)
		}
	}()
	return LoadFile(path)
}

// TestHostileCorpus loads every file of the manifest and checks each
// problem, in order, and the exit code validate would give.
func TestHostileCorpus(t *testing.T) {
	cases := readManifest(t)
	listed := map[string]bool{}
	for _, c := range cases {
		listed[c.file] = true
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(hostileDir, c.file)
			l := loadNoPanic(t, path)
			checkLoaded(t, l, path)
			checkProblems(t, l.Problems, c.want, c.partial)
			if got := validateExit(l); got != c.exit {
				t.Errorf("exit code %d, want %d (problems %v)", got, c.exit, l.Problems)
			}
		})
	}
	// A fixture without a manifest line would be silently untested.
	entries, err := os.ReadDir(hostileDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch filepath.Ext(e.Name()) {
		case ".yaml", ".json", ".jsonl":
			if !listed[e.Name()] {
				t.Errorf("%s is not in the manifest", e.Name())
			}
		}
	}
	if n := len(cases) + len(hostileGenerated()); n < 60 {
		t.Errorf("corpus has %d cases, want at least 60", n)
	}
}

// generatedCase is a hostile input too big or too odd to commit.
type generatedCase struct {
	file string // name to write it under, whose extension picks the loader
	gen  func() []byte
	exit int
	want []string
}

// fiftyMB is the length of the generated single lines.
const fiftyMB = 50 << 20

// hostileGenerated lists the generated cases. Each is built when run, so
// listing them costs nothing.
func hostileGenerated() []generatedCase {
	const deep = 100_000
	header := `{"dateline": 1, "sources": [{"id": "s", "title": "S", "text": "some text"}]}` + "\n"
	return []generatedCase{
		{"yaml-50mb-line.yaml", func() []byte { return []byte("dateline: 1\ntitle: " + strings.Repeat("x", fiftyMB) + "\n") }, 0, nil},
		{"json-50mb-line.json", func() []byte { return []byte(`{"dateline": 1, "title": "` + strings.Repeat("x", fiftyMB) + `"}`) }, 0, nil},
		{"jsonl-50mb-line.jsonl", func() []byte {
			return []byte(header + `{"id": "e", "title": "` + strings.Repeat("x", fiftyMB) + `", "citations": [{"source": "s", "quote": "some"}]}` + "\n")
		}, 1, []string{"2:1: error: a JSON Lines record may have at most 16777216"}},
		{"yaml-50mb-garbage.yaml", func() []byte { return []byte(strings.Repeat("x", fiftyMB)) }, 1,
			[]string{"1:1: error: dataset must be a mapping, got a string"}},
		{"yaml-deep.yaml", func() []byte { return []byte(strings.Repeat("[", deep) + strings.Repeat("]", deep)) }, 1,
			[]string{"1:1: error: YAML syntax error: exceeded max depth"}},
		{"yaml-deep-block.yaml", func() []byte { return []byte("dateline: 1\nevents:\n" + strings.Repeat("- ", deep) + "x\n") }, 1,
			[]string{"3:1: error: YAML syntax error: exceeded max depth"}},
		{"json-deep.json", func() []byte { return []byte(strings.Repeat(`{"a":`, deep) + "1" + strings.Repeat("}", deep)) }, 1,
			[]string{"1:501: error: nesting too deep (more than 100 levels)"}},
		{"jsonl-deep.jsonl", func() []byte {
			return []byte(header + `{"id": "e", "title": "T", "tags": ` + strings.Repeat("[", deep) + strings.Repeat("]", deep) + "}\n")
		}, 1, []string{"2:"}},
		{"binary.yaml", func() []byte { return randomBytes(1 << 20) }, 1, []string{"1:1: error: YAML syntax error: a NUL byte"}},
	}
}

// randomBytes is n reproducible random bytes on one line (no CR or LF, so
// that the position is known) starting with NUL, which no loader takes for
// JSON.
func randomBytes(n int) []byte {
	rng := rand.New(rand.NewPCG(7, 7))
	b := make([]byte, n)
	for i := range b {
		if b[i] = byte(rng.UintN(256)); b[i] == '\n' || b[i] == '\r' {
			b[i] = 1
		}
	}
	b[0] = 0
	return b
}

// TestHostileGenerated writes each generated case to a file, loads it with
// LoadFile and checks its problems, its exit code and that the load
// allocated less than 16 MB + 40 times the input. LoadBytes documents about
// 30 MB + 75 times the size for the densest accepted files; these inputs
// are few values or refused early, so this is generous for them, and the
// 16 MB covers fixed costs that dominate the 200 KB nesting cases.
func TestHostileGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("generated hostile inputs take a few seconds; run without -short")
	}
	for _, c := range hostileGenerated() {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), c.file)
			in := c.gen()
			if err := os.WriteFile(path, in, 0o644); err != nil {
				t.Fatal(err)
			}
			size := len(in)
			in = nil
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			l := loadNoPanic(t, path)
			runtime.ReadMemStats(&after)
			checkLoaded(t, l, path)
			checkProblems(t, l.Problems, c.want, strings.HasSuffix(c.file, ".jsonl"))
			if got := validateExit(l); got != c.exit {
				t.Errorf("exit code %d, want %d (problems %v)", got, c.exit, l.Problems)
			}
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d bytes in, %d allocated (%.1f×)", size, alloc, float64(alloc)/float64(size))
			if limit := 16<<20 + 40*uint64(size); alloc > limit {
				t.Errorf("allocated %d bytes for a %d-byte file, more than %d", alloc, size, limit)
			}
		})
	}
}
