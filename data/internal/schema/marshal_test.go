package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/timeline"

	"gopkg.in/yaml.v3"
)

// tricky holds strings that YAML and JSON writers commonly get wrong.
var tricky = []string{
	"null", "~", "true", "2017", "0x1F", "1e3", "- item", "key: value", "# not a comment",
	" leading space", "trailing space ", "\ttab", "line\nbreak", "\nleading newline", "trailing newline\n",
	"two trailing newlines\n\n", "  indented\nblock\n", `"quoted"`, "it's", "&anchor", "*alias", "!tag",
	"[flow]", "{flow}", "a, b", "café ☕ 한국어 😀", "<b>&amp;</b>", "back\\slash", "carriage\r\nreturn", "\u2028sep",
	"---", "...", "@at", "`tick`", "%percent", "|", ">", "?", ":",
}

func trickyDataset() *timeline.Dataset {
	ds := &timeline.Dataset{Title: "tricky"}
	for i, s := range tricky {
		id := "s" + strings.Repeat("x", i)
		ds.Sources = append(ds.Sources, timeline.Source{ID: id, Title: s, Publisher: s, URL: s, ArchiveURL: s, Text: s + " end"})
		ds.Actors = append(ds.Actors, timeline.Actor{ID: "a" + id, Name: s, Aliases: []string{s, s + "!"}, Kind: timeline.ActorKind(i % 5)})
		ds.Events = append(ds.Events, timeline.Event{
			ID: "e" + id, Title: s, Summary: s, DateNote: s, Status: timeline.Status(i % 4), Tags: []string{s},
			Actors:    []timeline.ActorRef{{Actor: "a" + id}, {Actor: "a" + id, Role: s}},
			Citations: []timeline.Citation{{Source: id, Quote: s, Prefix: s, Suffix: s, Start: -1, End: -1}},
		})
	}
	ds.Events[0].Citations[0].Start, ds.Events[0].Citations[0].End = 0, 4
	ds.Events[0].Date = timeline.MustParseDate("2024-02-20")
	ds.Events[1].Date = timeline.MustParseDate("../2021")
	ds.Events[2].Date = timeline.MustParseDate("2023-09/2024-02-20")
	ds.Sources[0].Published = timeline.MustParseDate("2017")
	ds.Sources[0].Retrieved = timeline.MustParseDate("2024-02-21")
	sum := sha256.Sum256([]byte(ds.Sources[0].Text))
	ds.Sources[0].SHA256 = hex.EncodeToString(sum[:])
	return ds
}

func TestMarshalRoundTrip(t *testing.T) {
	datasets := map[string]*timeline.Dataset{"tricky": trickyDataset(), "empty": {}}
	for _, f := range []string{"good.yaml", "good.json"} {
		l := loadFile(t, filepath.Join("testdata", f))
		if l.Dataset == nil {
			t.Fatalf("%s: %v", f, l.Problems)
		}
		datasets[f] = l.Dataset
	}
	if l := loadEmbedded(t); l.Dataset != nil {
		datasets["embedded"] = l.Dataset
	}
	marshallers := map[string]func(*timeline.Dataset) ([]byte, error){"yaml": MarshalYAML, "json": MarshalJSON}
	for name, ds := range datasets {
		for format, marshal := range marshallers {
			t.Run(name+"/"+format, func(t *testing.T) {
				b, err := marshal(ds)
				if err != nil {
					t.Fatal(err)
				}
				if got := IsJSON(b); got != (format == "json") {
					t.Errorf("output detected as JSON = %v", got)
				}
				l := loadBytes("out."+format, b, "")
				for _, p := range l.Problems {
					if p.Severity == timeline.SeverityError || strings.Contains(p.Message, "sha256") {
						t.Errorf("reloading: %v", p)
					}
				}
				if !reflect.DeepEqual(l.Dataset, ds) {
					t.Errorf("round trip changed the dataset: %s\n%s", firstDiff(l.Dataset, ds), b)
				}
			})
		}
	}
}

// TestMarshalYAMLShape checks what people will read: schema order, plain
// dates, literal blocks for texts, and defaults left out.
func TestMarshalYAMLShape(t *testing.T) {
	l := loadFile(t, filepath.Join("testdata", "good.yaml"))
	b, err := MarshalYAML(l.Dataset)
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	for _, want := range []string{
		"dateline: 1\ntitle: The town council\nsources:\n  - id: minutes\n",
		"    published: 2024-02-05\n", "    text: |\n      The council met on Monday",
		"      - {actor: mayor, role: speaker}\n", "        start: 0\n        end: 25\n",
		"    status: reported\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("YAML lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "status: occurred") {
		t.Errorf("the default status is written out:\n%s", out)
	}
	j, err := MarshalJSON(l.Dataset)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(j), "{\n  \"dateline\": 1,\n  \"title\": \"The town council\",") || !strings.HasSuffix(string(j), "}\n") {
		t.Errorf("JSON shape:\n%s", j)
	}
}

// firstDiff describes the first record where two datasets differ.
func firstDiff(got, want *timeline.Dataset) string {
	if got == nil {
		return "no dataset"
	}
	for i := range min(len(got.Sources), len(want.Sources)) {
		if !reflect.DeepEqual(got.Sources[i], want.Sources[i]) {
			return fmt.Sprintf("sources[%d]: %#v\nwant %#v", i, got.Sources[i], want.Sources[i])
		}
	}
	for i := range min(len(got.Actors), len(want.Actors)) {
		if !reflect.DeepEqual(got.Actors[i], want.Actors[i]) {
			return fmt.Sprintf("actors[%d]: %#v\nwant %#v", i, got.Actors[i], want.Actors[i])
		}
	}
	for i := range min(len(got.Events), len(want.Events)) {
		if !reflect.DeepEqual(got.Events[i], want.Events[i]) {
			return fmt.Sprintf("events[%d]: %#v\nwant %#v", i, got.Events[i], want.Events[i])
		}
	}
	return fmt.Sprintf("lengths or title: %d/%d/%d %q, want %d/%d/%d %q", len(got.Sources), len(got.Actors), len(got.Events), got.Title,
		len(want.Sources), len(want.Actors), len(want.Events), want.Title)
}

// FuzzMarshalRoundTrip checks that any text survives both writers.
func FuzzMarshalRoundTrip(f *testing.F) {
	for _, s := range tricky {
		f.Add(s, s+"\n"+s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) || strings.ContainsRune(a+b, utf8.RuneError) {
			return // the loaders refuse invalid UTF-8, so nothing could hold it
		}
		ds := &timeline.Dataset{
			Title:   a,
			Sources: []timeline.Source{{ID: "s", Title: b, Text: a + b, Publisher: b}},
			Actors:  []timeline.Actor{{ID: "x", Name: a, Aliases: []string{b}}},
			Events: []timeline.Event{{ID: "e", Title: b, Summary: a, DateNote: b, Tags: []string{a},
				Actors:    []timeline.ActorRef{{Actor: "x", Role: b}},
				Citations: []timeline.Citation{{Source: "s", Quote: a, Prefix: b, Start: -1, End: -1}}}},
		}
		for name, marshal := range map[string]func(*timeline.Dataset) ([]byte, error){"YAML": MarshalYAML, "JSON": MarshalJSON} {
			out, err := marshal(ds)
			if err != nil {
				t.Fatalf("Marshal%s: %v", name, err)
			}
			l := loadBytes("out", out, "")
			if !reflect.DeepEqual(l.Dataset, ds) {
				t.Fatalf("%s round trip: %v %s\n%s", name, l.Problems, firstDiff(l.Dataset, ds), out)
			}
		}
	})
}

// TestMarshalCitation checks the snippet cite prints: the comments where
// they were asked for, a context ending in a line break quoted rather than
// a block, and fields that read back as the citation.
func TestMarshalCitation(t *testing.T) {
	c := timeline.Citation{Source: "s", Quote: "the plan", Prefix: "see\".\n\n", Suffix: " now", Start: 10, End: 18}
	b, err := MarshalCitation(c, "place 1 of 2", "placeholder")
	if err != nil {
		t.Fatal(err)
	}
	want := "# place 1 of 2\n- source: s # placeholder\n  quote: the plan\n  prefix: \"see\\\".\\n\\n\"\n  suffix: ' now'\n  start: 10\n  end: 18\n"
	if string(b) != want {
		t.Errorf("got\n%s\nwant\n%s", b, want)
	}
	var back []timeline.Citation
	if err := yaml.Unmarshal(b, &back); err != nil || len(back) != 1 || back[0] != c {
		t.Errorf("reads back as %+v (%v), want %+v", back, err, c)
	}
}
