package timeline

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
)

// searchDataset is a small chronology in several scripts. Events are
// undated, so their chronological order is the dataset order.
func searchDataset() *Dataset {
	quotes := []string{"Pyongyang denied it.", "“We will not,” he said.", "김정은 위원장은 말했다", "東京でコーヒーを飲んだ"}
	ds := &Dataset{
		Title:   "search",
		Sources: []Source{{ID: "s", Title: "S", Text: strings.Join(quotes, "\n")}},
		Actors: []Actor{
			{ID: "putin", Name: "Vladimir Putin", Aliases: []string{"Путин"}},
			{ID: "kim", Name: "Kim Jong-un", Aliases: []string{"김정은", "金正恩"}},
			{ID: "dprk", Name: "North Korea", Aliases: []string{"DPRK", "Pyongyang"}, Kind: KindState},
		},
	}
	add := func(id, title, summary, quote string, actors ...string) {
		e := Event{ID: id, Title: title, Summary: summary}
		for _, a := range actors {
			e.Actors = append(e.Actors, ActorRef{Actor: a})
		}
		e.Citations = []Citation{{Source: "s", Quote: quote, Start: -1, End: -1}}
		ds.Events = append(ds.Events, e)
	}
	add("limo", "Putin gives Kim a limousine", "The car, an Aurus Senat, was a gift.", quotes[0], "putin", "kim")
	add("summit", "Summit at Vostochny", "Leaders met at the cosmodrome; talks lasted hours.", quotes[1], "putin", "kim", "dprk")
	add("korean", "회담 결과 발표", "북한 매체가 보도했다. Café CAFÉ naïve", quotes[2], "dprk")
	add("tokyo", "東京の会議", "プーチン大統領のコーヒー 🚀 2024-02-20", quotes[3])
	add("greek", "ΣΊΣΥΦΟΣ and the ſtone", "Temperature 3 \u212a (kelvin) at the de\u0301but", quotes[0])
	return ds
}

func TestSearch(t *testing.T) {
	tl := mustNew(t, searchDataset())
	tests := []struct {
		query string
		want  []string
	}{
		{"", nil},
		{"  ,.;- ", nil},
		{"pu", []string{"limo", "summit"}},                           // prefix of the title word and the actor name
		{"PUTIN", []string{"limo", "summit"}},                        // case folding
		{"putin k", []string{"limo", "summit"}},                      // AND of prefixes: Kim, Korea
		{"putin korea", []string{"summit"}},                          // only summit lists North Korea
		{"north kor", []string{"summit", "korean"}},                  // actor name
		{"jong-un", []string{"limo", "summit"}},                      // punctuation splits words
		{"un jong", []string{"limo", "summit"}},                      // any order
		{"utin", nil},                                                // not a word start in a spaced script
		{"pyongyang", []string{"limo", "summit", "korean", "greek"}}, // quote and alias
		{"путин", []string{"limo", "summit"}},                        // Cyrillic alias
		{"ПУТ", []string{"limo", "summit"}},
		{"정은", []string{"limo", "summit", "korean"}}, // inside a Hangul run
		{"김정은 위원", []string{"korean"}},               // from the quote
		{"正恩", []string{"limo", "summit"}},
		{"コーヒー", []string{"tokyo"}},
		{"京", []string{"tokyo"}},
		{"café", []string{"korean"}},
		{"cafe", nil}, // no accent folding
		{"sisyphos", nil},
		{"σίσυφος", []string{"greek"}},
		{"stone", []string{"greek"}}, // long s folds to s
		{"kelvin k", []string{"greek"}},
		{"\u212aim", []string{"limo", "summit"}}, // the Kelvin sign folds with k
		{"de\u0301b", []string{"greek"}},         // a combining mark stays in its word
		{"2024 02", []string{"tokyo"}},
		{"🚀", nil}, // symbols are not words
		{"hours xyz", nil},
		{"the the", []string{"limo", "summit", "greek"}},
	}
	for _, tc := range tests {
		got := ids(tl, tl.Search(tc.query, nil))
		if !slices.Equal(got, append([]string{}, tc.want...)) {
			t.Errorf("Search(%q) = %v, want %v", tc.query, got, tc.want)
		}
	}
}

func TestMatchRanges(t *testing.T) {
	tests := []struct {
		s, query string
		want     [][2]int
	}{
		{"Vladimir Putin", "pu", [][2]int{{9, 11}}},
		{"Vladimir Putin", "putin vlad", [][2]int{{0, 4}, {9, 14}}},
		{"Putin, putin!", "PUT", [][2]int{{0, 3}, {7, 10}}},
		{"Kim Jong-un", "jong-un", [][2]int{{4, 8}, {9, 11}}},
		{"Kim Jong-un", "", nil},
		{"Kim Jong-un", "xyz", nil},
		{"김정은 위원장", "정은", [][2]int{{3, 9}}},
		{"金正恩金正恩", "正 金", [][2]int{{0, 6}, {9, 15}}}, // touching ranges merge
		{"ΣΊΣΥΦΟΣ", "σί", [][2]int{{0, 4}}},
		{"putin putinism", "putin putini", [][2]int{{0, 5}, {6, 12}}},
	}
	for _, tc := range tests {
		if got := MatchRanges(tc.s, tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("MatchRanges(%q, %q) = %v, want %v", tc.s, tc.query, got, tc.want)
		}
	}
}

func TestFoldRuneMatchesEqualFold(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		f := foldRune(r)
		if !strings.EqualFold(string(r), string(f)) {
			t.Fatalf("foldRune(%U) = %U, which EqualFold does not equate", r, f)
		}
		for o := unicode.SimpleFold(r); o != r; o = unicode.SimpleFold(o) {
			if foldRune(o) != f {
				t.Fatalf("foldRune(%U) = %U but foldRune(%U) = %U", r, f, o, foldRune(o))
			}
		}
	}
}

// searchWords are the pieces of random text: scripts, case variants,
// punctuation, marks, and words longer than the index keys.
var searchWords = strings.Fields("Putin putin PUTIN Putinism Pu Kim Jong-un jong UN north North-Korea " +
	"korea Korean Pyongyang the The them theme a an 2024 02-20 1,000 x9 café CAFÉ cafe naïve de\u0301but " +
	"ΣΊΣΥΦΟΣ σίσυφος ſtone stone Kelvin \u212a k Путин путина 김정은 김정은은 북한 북한의 위원장 金正恩 朝鲜 " +
	"朝鲜民主主义人民共和国 朝鲜民主主义人民共和党 東京 プーチン コーヒー ภาษาไทย 🚀 🇰🇵 — … “quoted” it's " +
	"pneumonoultramicroscopicsilicovolcanoconiosis pneumonoultramicroscopicsilicovolcanoconiotic " +
	"Ab\u0301 a\u0301b \u0301x")

func randomSearchText(r *rand.Rand, n int) string {
	seps := []string{" ", " ", " ", "-", ", ", "", "\n", "'"}
	var b strings.Builder
	for range n {
		b.WriteString(searchWords[r.IntN(len(searchWords))])
		b.WriteString(seps[r.IntN(len(seps))])
	}
	return b.String()
}

func randomSearchTimeline(t testing.TB, n int, seed uint64) *Timeline {
	return mustNew(t, randomSearchDataset(n, seed))
}

func randomSearchDataset(n int, seed uint64) *Dataset {
	r := rand.New(rand.NewPCG(seed, 1))
	ds := &Dataset{Title: "random", Sources: []Source{{ID: "s", Title: "S", Text: "text"}}}
	for k := range 12 {
		ds.Actors = append(ds.Actors, Actor{ID: fmt.Sprint("a", k), Name: randomSearchText(r, 2) + "x",
			Aliases: []string{randomSearchText(r, 1) + "y"}})
	}
	for i := range n {
		e := Event{ID: fmt.Sprint("e", i), Title: randomSearchText(r, 1+r.IntN(4)) + ".", Summary: randomSearchText(r, r.IntN(8))}
		for range r.IntN(3) {
			e.Actors = append(e.Actors, ActorRef{Actor: fmt.Sprint("a", r.IntN(12))})
		}
		for range r.IntN(3) {
			e.Citations = append(e.Citations, Citation{Source: "s", Quote: randomSearchText(r, 1+r.IntN(3)) + "q", Start: -1, End: -1})
		}
		ds.Events = append(ds.Events, e)
	}
	return ds
}

// refWords splits s into words by the documented rules, written over runes
// and independently of the tokenizer under test. With suffixes, the words
// starting inside unspaced runs are included.
func refWords(s string, suffixes bool) [][]rune {
	unspaced := func(r rune) bool {
		return r == 'ー' || r == 'ｰ' || unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana,
			unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
	}
	rs := []rune(s)
	var out [][]rune
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) {
			i++
			continue
		}
		u := unspaced(r) && !unicode.IsMark(r)
		j := i + 1
		for j < len(rs) && (unicode.IsMark(rs[j]) ||
			(unicode.IsLetter(rs[j]) || unicode.IsNumber(rs[j])) && unspaced(rs[j]) == u) {
			j++
		}
		for k := i; k < j; k++ {
			if k == i || suffixes && u && !unicode.IsMark(rs[k]) {
				out = append(out, rs[k:j])
			}
		}
		i = j
	}
	return out
}

// refSearcher is a brute-force Search: each event's words, listed once.
type refSearcher [][][]rune

func newRefSearcher(tl *Timeline) refSearcher {
	ref := make(refSearcher, tl.Len())
	for i := range ref {
		e := tl.Event(i)
		texts := []string{e.Title, e.Summary}
		for _, c := range e.Citations {
			texts = append(texts, c.Quote)
		}
		for _, a := range e.Actors {
			actor, _ := tl.Actor(a.Actor)
			texts = append(texts, actor.Name)
			texts = append(texts, actor.Aliases...)
		}
		for _, s := range texts {
			ref[i] = append(ref[i], refWords(s, true)...)
		}
	}
	return ref
}

func (ref refSearcher) search(query string) []int {
	qs := refWords(query, false)
	var out []int
	for i, words := range ref {
		all := len(qs) > 0
		for _, q := range qs {
			all = all && slices.ContainsFunc(words, func(w []rune) bool {
				return len(w) >= len(q) && strings.EqualFold(string(w[:len(q)]), string(q))
			})
		}
		if all {
			out = append(out, i)
		}
	}
	return out
}

// randomQuery takes prefixes of random text words, some with a changed
// case, sometimes with a word that never occurs.
func randomQuery(r *rand.Rand) string {
	var parts []string
	for range 1 + r.IntN(3) {
		w := []rune(searchWords[r.IntN(len(searchWords))])
		p := string(w[:1+r.IntN(len(w))])
		switch r.IntN(5) {
		case 0:
			p = strings.ToUpper(p)
		case 1:
			p += "zq"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

func TestSearchMatchesReference(t *testing.T) {
	tl := randomSearchTimeline(t, 700, 7)
	opts := map[string]indexOptions{
		"default":    defaultIndexOptions(tl.Len()),
		"shards":     {shards: 3},
		"groups":     {shards: 2, groupMin: 1},
		"dense":      {shards: 1, dense: 1, groupMin: 50},
		"sparse":     {shards: 4, dense: -1},
		"many-shard": {shards: 700},
	}
	r := rand.New(rand.NewPCG(3, 4))
	queries := []string{"", "-", "p", "pu putin k", "朝鲜民主主义人民共和国", "朝鲜民主主义人民共和党 the",
		"pneumonoultramicroscopicsilicovolcanoconiosis", "pneumonoultramicroscopicsilicovolcanoconiot",
		"北한", "ภาษา", "ษา", "\u0301", "ab\u0301"}
	for range 400 {
		queries = append(queries, randomQuery(r))
	}
	ref := newRefSearcher(tl)
	wants := make([][]int, len(queries))
	for k, q := range queries {
		wants[k] = ref.search(q)
	}
	for name, o := range opts {
		ix := buildSearchIndex(tl, o)
		for k, q := range queries {
			got := ix.search(tl, parseQuery(q, true), nil)
			if want := wants[k]; !slices.Equal(got, want) {
				t.Fatalf("%s: search %q: got %d events %v, want %d %v", name, q, len(got), got, len(want), want)
			}
		}
	}
	matched := 0
	for _, q := range queries {
		if len(tl.Search(q, nil)) > 0 {
			matched++
		}
	}
	if matched < len(queries)/2 {
		t.Errorf("only %d of %d queries matched anything; the test data is too sparse", matched, len(queries))
	}
}

func TestSearchEmptyTimeline(t *testing.T) {
	tl := mustNew(t, &Dataset{Title: "empty"})
	tl.BuildSearchIndex()
	if !tl.SearchIndexReady() {
		t.Fatal("index not ready after BuildSearchIndex")
	}
	if got := tl.Search("a", []int{7}); len(got) != 0 {
		t.Errorf("Search on no events = %v", got)
	}
}

func TestSearchConcurrent(t *testing.T) {
	tl := randomSearchTimeline(t, 300, 11)
	if tl.SearchIndexReady() {
		t.Fatal("index ready before any search")
	}
	want := newRefSearcher(tl).search("pu k")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var dst []int
			for range 20 {
				if dst = tl.Search("pu k", dst); !slices.Equal(dst, want) {
					t.Errorf("concurrent search = %v, want %v", dst, want)
					return
				}
			}
		})
	}
	wg.Wait()
	if !tl.SearchIndexReady() {
		t.Fatal("index not ready after searches")
	}
}

func TestSearchDict(t *testing.T) {
	var d dict
	key := func(i int) []byte {
		// Every prefix, 1 to 40 bytes, of a string per 40 keys: keys that
		// share their inline head, and heads that differ only in length.
		k := fmt.Appendf(nil, "%x", uint64(i/40)*2654435761)
		return slices.Grow(bytes.Repeat(k, 40)[:1+i%40], 16)
	}
	const n = 50_000 // grows the table many times
	for i := range n {
		k := key(i)
		head := keyHead(k)
		if _, ok := d.find(k, head, hashKey(head, k)); !ok {
			d.insert(k, head, hashKey(head, k))
		}
	}
	seen := map[string]bool{}
	for i := range n {
		k := key(i)
		head := keyHead(k)
		id, ok := d.find(k, head, hashKey(head, k))
		if !ok || !bytes.Equal(d.key(id), k) {
			t.Fatalf("key %d %q not found after growth", i, k)
		}
		seen[string(k)] = true
	}
	if len(seen) < n/4 || len(d.terms) != len(seen) {
		t.Fatalf("%d terms for %d distinct keys", len(d.terms), len(seen))
	}
	// A key must be compared, not trusted to its hash: look each key up with
	// the hash of its one-byte-shorter prefix, as on a hash collision.
	for i := 1; i < n; i++ {
		k, shorter := key(i), key(i-1)
		if i%40 == 0 || !bytes.HasPrefix(k, shorter) {
			continue
		}
		sh := keyHead(shorter)
		if id, ok := d.find(k, keyHead(k), hashKey(sh, shorter)); ok && !bytes.Equal(d.key(id), k) {
			t.Fatalf("find(%q) with a colliding hash = %q", k, d.key(id))
		}
	}
	for _, k := range []string{"", "zz", "0123456789abcdef0", "not-a-hex-key-at-all-really"} {
		kb := slices.Grow([]byte(k), 16)
		head := keyHead(kb)
		if _, ok := d.find(kb, head, hashKey(head, kb)); ok {
			t.Errorf("found absent key %q", k)
		}
	}
}

// benchTimeline is a million synthetic events, built once for all search
// benchmarks: ~100-byte titles and ~300-byte summaries drawn from a
// 50,000-word vocabulary with a Zipf distribution, one to three actors per
// event (also Zipf, so Putin is in many), and a quoted source sentence.
var benchTimeline = sync.OnceValue(func() *Timeline { return syntheticTimeline(1_000_000) })

func syntheticTimeline(n int) *Timeline {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"the", "of", "and", "to", "in", "a", "said", "on", "that", "for", "president", "missile", "talks", "north", "korea", "russia", "putin"}
	syll := strings.Fields("ka ko ri an ter sum mit pu ra vo stok lim ou sine ber gen tal mos cow pyong yang sel dor in ex pre st")
	for len(vocab) < 50_000 {
		var w strings.Builder
		for range 1 + r.IntN(4) {
			w.WriteString(syll[r.IntN(len(syll))])
		}
		vocab = append(vocab, w.String())
	}
	zipf := rand.NewZipf(r, 1.07, 2, uint64(len(vocab)-1))
	words := make([]int32, 1<<22) // a table of draws: sampling the Zipf per word is slow
	for i := range words {
		words[i] = int32(zipf.Uint64())
	}
	text := func(size int) string {
		var b strings.Builder
		for b.Len() < size {
			if b.Len() > 0 {
				b.WriteString([]string{" ", " ", " ", ", ", "-", ". "}[r.IntN(6)])
			}
			b.WriteString(vocab[words[r.IntN(len(words))]])
		}
		return b.String()
	}
	ds := &Dataset{Title: "bench"}
	ds.Actors = append(ds.Actors, Actor{ID: "a0", Name: "Vladimir Putin", Aliases: []string{"Putin"}},
		Actor{ID: "a1", Name: "Kim Jong-un", Aliases: []string{"김정은"}})
	for k := 2; k < 2000; k++ {
		ds.Actors = append(ds.Actors, Actor{ID: fmt.Sprint("a", k), Name: text(14)})
	}
	actorZipf := rand.NewZipf(r, 1.2, 4, uint64(len(ds.Actors)-1))
	const sentences = 20
	quotes := make([][]string, 1000)
	for k := range quotes {
		for j := range sentences {
			quotes[k] = append(quotes[k], fmt.Sprintf("S%d.%d %s.", k, j, text(60)))
		}
		ds.Sources = append(ds.Sources, Source{ID: fmt.Sprint("s", k), Title: "Source", Text: strings.Join(quotes[k], "\n")})
	}
	years := make([]Date, 300)
	for k := range years {
		years[k] = MustParseDate(fmt.Sprint(1800 + k))
	}
	ds.Events = make([]Event, n)
	for i := range ds.Events {
		e := &ds.Events[i]
		e.ID = fmt.Sprint("e", i)
		e.Date = years[r.IntN(len(years))]
		e.Title, e.Summary = text(100), text(300)
		for range 1 + r.IntN(3) {
			e.Actors = append(e.Actors, ActorRef{Actor: fmt.Sprint("a", actorZipf.Uint64())})
		}
		s := r.IntN(len(ds.Sources))
		e.Citations = []Citation{{Source: ds.Sources[s].ID, Quote: quotes[s][r.IntN(sentences)], Start: -1, End: -1}}
	}
	tl, diags := New(ds)
	if tl == nil {
		panic(fmt.Sprint("bench dataset: ", diags[0]))
	}
	return tl
}
