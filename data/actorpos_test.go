package data

import (
	"strings"
	"testing"
)

// TestUnknownActorAtItsID: an unknown actor written as {actor: id, role: r}
// is reported at the id, not at the "{" of its mapping; a bare id at itself.
func TestUnknownActorAtItsID(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"a.yaml", "dateline: 1\nactors:\n  - {id: kim, name: Kim, kind: person}\nevents:\n  - id: e\n    title: E\n" +
			"    actors: [{actor: nobdy, role: host}, kimm]\n    citations: []\n",
			[]string{`7:22: error: unknown actor "nobdy"`, `7:42: error: unknown actor "kimm"`}},
		{"b.yaml", "dateline: 1\nevents:\n  - id: e\n    title: E\n    actors:\n      - actor: nobdy\n        role: host\n",
			[]string{`6:16: error: unknown actor "nobdy"`}},
		{"c.json", `{"dateline": 1, "events": [{"id": "e", "title": "E", "actors": [{"role": "host", "actor": "nobdy"}]}]}`,
			[]string{`1:91: error: unknown actor "nobdy"`}},
		{"d.jsonl", "{\"dateline\": 1}\n{\"id\": \"e\", \"title\": \"E\", \"actors\": [{\"actor\": \"nobdy\"}]}\n",
			[]string{`2:48: error: unknown actor "nobdy"`}},
	} {
		l := LoadBytes(c.name, []byte(c.in), "")
		var got []string
		for _, p := range l.Problems {
			if strings.Contains(p.Message, "unknown actor") {
				got = append(got, p.String())
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: problems %v, want %v", c.name, got, c.want)
			continue
		}
		for k := range got {
			if !strings.HasPrefix(got[k], c.name+":"+c.want[k]) {
				t.Errorf("%s: %s, want %s", c.name, got[k], c.name+":"+c.want[k])
			}
		}
	}
}
