// Package gazetteer tells which country a name in news text stands for:
// the country's own names ("North Korea", "DPRK", "the US"), its capital
// used as a metonym ("Pyongyang", "Moscow"), its demonym ("North Korean",
// "Russians"), and a few seats of government ("the Kremlin"). Lookup
// answers for one name; Find finds every such name in a text.
//
// The countries, their names, capitals and demonyms come from the
// world-countries data package (ODbL 1.0; see countries_table.go, which
// `go generate` writes from it), with the short forms news writing uses
// added by hand in shortforms.go. Everything is in memory: no file is read
// at run time.
//
// What the gazetteer cannot know is context: "the North" is North Korea
// only in a story about Korea, "Washington" may be a person, and
// "Brussels" is usually the European Union rather than Belgium. Those
// are for the caller's rules.
package gazetteer

//go:generate go run ./internal/worldcountries -out .

import (
	"strings"
	"sync"
	"unicode"
)

// Kind is what a name is to the country it names.
type Kind uint8

// The kinds of name, in the order a name shared by two readings of one
// country prefers them ("Singapore" is the country before the capital).
const (
	CountryName      Kind = iota + 1 // "North Korea", "Democratic People's Republic of Korea", "the US"
	Capital                          // "Pyongyang"
	Demonym                          // "North Korean", "North Koreans"
	SeatOfGovernment                 // "the Kremlin"
)

func (k Kind) String() string {
	switch k {
	case CountryName:
		return "name"
	case Capital:
		return "capital"
	case Demonym:
		return "demonym"
	case SeatOfGovernment:
		return "seat of government"
	}
	return "unknown"
}

// Place is the country a name stands for.
type Place struct {
	Name     string // the common English name, "North Korea": an actor's name
	Official string // "Democratic People's Republic of Korea"
	ISO      string // ISO 3166-1 alpha-2, "KP"
	ISO3     string // ISO 3166-1 alpha-3, "PRK"
	Capital  string // the first capital the data gives, "" for none
	Demonym  string // "North Korean"
	// Sovereign is false for territories ("Puerto Rico", "Greenland").
	Sovereign bool
	// Kind is what the name looked up is to this country.
	Kind Kind
}

// countryRecord is one row of countryTable.
type countryRecord struct {
	iso, iso3, name, official string
	alts, capitals, demonyms  []string
	sovereign                 bool
}

// reading is one country a name may stand for.
type reading struct {
	country int // index into countryTable
	kind    Kind
	curated bool // from shortforms.go: chosen by hand over the data
}

type index struct {
	// firstWords holds the first word of every name, with the most words
	// a name starting with it has, for Find.
	firstWords map[string]int
	exact      map[string][]reading // by key()
	folded     map[string][]reading // by lower-cased key, for all-capital text
	byISO      map[string]int       // alpha-2 and alpha-3, upper case
}

var theIndex = sync.OnceValue(buildIndex)

// Lookup returns the country a name stands for, if there is exactly one.
// Names are matched as news text writes them: capitalised ("China", not
// "china", which is porcelain), with or without a leading "the", with
// straight or curly apostrophes, with or without a possessive "'s"
// ("Pyongyang's"); a name in capitals ("NORTH KOREA") also matches. A name
// two countries share ("Congolese", "Dominican") is not guessed: Lookup
// reports false and LookupAll gives both. Where a territory shares a
// name with a sovereign state ("Indian", "American"), the state is meant.
func Lookup(name string) (Place, bool) {
	ps := LookupAll(name)
	if len(ps) != 1 {
		return Place{}, false
	}
	return ps[0], true
}

// LookupAll returns every country the name may stand for, sovereign states
// first, then by ISO code; nil when it names none.
func LookupAll(name string) []Place {
	ix := theIndex()
	k := key(name)
	rs := ix.exact[k]
	if rs == nil && isCapitals(k) {
		rs = ix.folded[strings.ToLower(k)]
	}
	rs = preferred(rs)
	if len(rs) == 0 {
		return nil
	}
	out := make([]Place, len(rs))
	for i, r := range rs {
		out[i] = place(r.country, r.kind)
	}
	return out
}

// ByISO returns the country with an ISO 3166-1 alpha-2 or alpha-3 code, in
// any case ("kp", "PRK"). Its Kind is CountryName.
func ByISO(code string) (Place, bool) {
	i, ok := theIndex().byISO[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Place{}, false
	}
	return place(i, CountryName), true
}

func place(i int, kind Kind) Place {
	c := &countryTable[i]
	p := Place{Name: c.name, Official: c.official, ISO: c.iso, ISO3: c.iso3, Sovereign: c.sovereign, Kind: kind}
	if len(c.capitals) > 0 {
		p.Capital = c.capitals[0]
	}
	if len(c.demonyms) > 0 {
		p.Demonym = c.demonyms[0]
	}
	return p
}

// preferred narrows a name's readings: a hand-chosen reading wins over
// the data's, one country keeps its best kind, and a sovereign state wins
// over territories.
func preferred(rs []reading) []reading {
	if len(rs) <= 1 {
		return rs
	}
	curated := rs[:0:0]
	for _, r := range rs {
		if r.curated {
			curated = append(curated, r)
		}
	}
	if len(curated) > 0 {
		rs = curated
	}
	var out []reading
	for _, r := range rs {
		seen := false
		for j := range out {
			if out[j].country == r.country {
				out[j].kind = min(out[j].kind, r.kind)
				seen = true
			}
		}
		if !seen {
			out = append(out, r)
		}
	}
	var sovereign []reading
	for _, r := range out {
		if countryTable[r.country].sovereign {
			sovereign = append(sovereign, r)
		}
	}
	if len(sovereign) > 0 && len(sovereign) < len(out) {
		out = sovereign
	}
	return out
}

func buildIndex() *index {
	ix := &index{firstWords: map[string]int{}, exact: map[string][]reading{}, folded: map[string][]reading{}, byISO: map[string]int{}}
	add := func(name string, r reading) {
		k := key(name)
		if k == "" {
			return
		}
		words := strings.Split(k, " ")
		ix.firstWords[words[0]] = max(ix.firstWords[words[0]], min(len(words), maxNameWords))
		for _, old := range ix.exact[k] {
			if old == r {
				return
			}
		}
		ix.exact[k] = append(ix.exact[k], r)
		ix.folded[strings.ToLower(k)] = append(ix.folded[strings.ToLower(k)], r)
	}
	for i, c := range countryTable {
		ix.byISO[c.iso], ix.byISO[c.iso3] = i, i
		for _, n := range append([]string{c.name, c.official}, c.alts...) {
			add(n, reading{country: i, kind: CountryName})
		}
		if c.sovereign {
			// A territory's capital is rarely a metonym, and often a
			// common name ("Hamilton", "Kingston", "Victoria").
			for _, n := range c.capitals {
				add(n, reading{country: i, kind: Capital})
			}
		}
		for _, n := range c.demonyms {
			add(n, reading{country: i, kind: Demonym})
			if p := demonymPlural(n); p != "" {
				add(p, reading{country: i, kind: Demonym})
			}
		}
	}
	for _, s := range shortForms {
		i, ok := ix.byISO[s.iso]
		if !ok {
			panic("gazetteer: short form " + s.name + " names unknown ISO code " + s.iso)
		}
		add(s.name, reading{country: i, kind: s.kind, curated: true})
	}
	return ix
}

// demonymPlural is a demonym's plural as a noun ("North Koreans", "Thais"), or ""
// where the plural is the same word or another one ("Chinese", "British",
// "Swiss"; shortforms.go has "Britons").
func demonymPlural(d string) string {
	for _, end := range []string{"s", "sh", "ch", "ese", "x", "z"} {
		if strings.HasSuffix(d, end) {
			return ""
		}
	}
	return d + "s"
}

// key is the form names are indexed by: white space made single spaces,
// curly apostrophes straight, a leading "the" and a trailing possessive
// dropped.
func key(name string) string {
	if strings.Contains(name, "  ") || strings.ContainsAny(name, "\t\n\r\u00a0") || strings.TrimSpace(name) != name {
		name = strings.Join(strings.Fields(name), " ")
	}
	if strings.ContainsAny(name, "’‘ʼ") {
		name = apostrophes.Replace(name)
	}
	for _, the := range []string{"the ", "The ", "THE "} {
		if rest, ok := strings.CutPrefix(name, the); ok {
			name = rest
			break
		}
	}
	if rest, ok := strings.CutSuffix(name, "'s"); ok {
		name = rest
	} else if rest, ok := strings.CutSuffix(name, "s'"); ok {
		name = rest + "s" // "the Philippines'"
	}
	return name
}

var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'")

// isCapitals reports whether s is written in capital letters, with at
// least four of them: "NORTH KOREA" in a headline. Shorter capitals are
// abbreviations ("US", "UK"), matched as they are.
func isCapitals(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 4
}
