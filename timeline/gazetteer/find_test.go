package gazetteer

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func describe(text string, ms []Mention) string {
	var out []string
	for _, m := range ms {
		runes := []rune(text)
		if string(runes[m.Start:m.End]) != m.Text {
			return fmt.Sprintf("mention %q at %d-%d, but the text there is %q", m.Text, m.Start, m.End, string(runes[m.Start:m.End]))
		}
		s := m.Text + "=" + m.Places[0].ISO
		if len(m.Places) > 1 {
			s = fmt.Sprintf("%s=%d countries", m.Text, len(m.Places))
		}
		if m.InLongerName {
			s += "?"
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestFind(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Russian President Vladimir Putin gave North Korean leader Kim Jong-un a car, Pyongyang’s state media said.",
			"Russian=RU North Korean=KP Pyongyang=KP"},
		{"The Democratic People’s Republic of Korea and the Republic of Korea met in the U.S. and the UK.",
			"Democratic People’s Republic of Korea=KP Republic of Korea=KR U.S.=US UK=GB"},
		{"Talks in the U.S. Next week, Kiev.", "U.S.=US Kiev=UA"},
		{"The Washington Post said Washington would act; Lewis Hamilton won.", "Washington=US? Washington=US"},
		{"Congolese troops entered South Sudan.", "Congolese=2 countries South Sudan=SS"},
		{"china and turkey, Korea, the North", ""},
		{"Vietnamese—Côte d'Ivoire", "Vietnamese=VN Côte d'Ivoire=CI"},
	}
	for _, tt := range tests {
		if got := describe(tt.text, Find(tt.text)); got != tt.want {
			t.Errorf("Find(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestFindSeed(t *testing.T) {
	b, err := os.ReadFile("../draft/testdata/seed_kim_car.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, m := range Find(string(b)) {
		if len(m.Places) == 1 && !m.InLongerName {
			got[m.Text+"="+m.Places[0].ISO] = true
		}
	}
	for _, want := range []string{"Pyongyang=KP", "Moscow=RU", "Russia=RU", "North Korea=KP", "Russian=RU",
		"North Korean=KP", "United States=US", "South Korea=KR", "Ukraine=UA", "United Arab Emirates=AE", "China=CN"} {
		if !got[want] {
			t.Errorf("Find(seed) lacks %s; it found %v", want, got)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	text, err := os.ReadFile("../draft/testdata/seed_kim_car.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat(string(text), 28) // about 10,000 words
	theIndex()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Find(s)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Pyongyang’s leader met the U.S. envoy in Moscow.")
	f.Add("the Democratic People's Republic of Korea's 'N'")
	f.Add("U.S.. ’s ’ -- .Kiev.-")
	f.Fuzz(func(t *testing.T, text string) {
		runes := []rune(text)
		last := 0
		for _, m := range Find(text) {
			if m.Start < last || m.End <= m.Start || m.End > len(runes) || len(m.Places) == 0 {
				t.Fatalf("bad mention %+v after %d", m, last)
			}
			if string(runes[m.Start:m.End]) != m.Text {
				t.Fatalf("mention %q, text there %q", m.Text, string(runes[m.Start:m.End]))
			}
			last = m.End
		}
	})
}
