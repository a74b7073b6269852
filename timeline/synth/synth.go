// Package synth generates synthetic chronologies for the benchmarks and
// tests of timeline, data, tui and dateline-bench, as net/http/httptest
// serves net/http's: no part of the dateline program imports it. The output
// is a pure function of the options: the same seed gives the same dataset,
// byte for byte once written.
//
// The shape imitates a large investigative archive: a few long sources that
// every event quotes from, a couple of thousand actors of whom a few appear
// in most events (a Zipf-like skew), dates spread over twenty-five centuries
// at mixed precision (days, months, years, seasons, decades, intervals,
// open and unknown ends, qualifiers, BCE years), and titles and summaries
// drawn from a vocabulary with a long tail.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"dateline/timeline"
)

// Options choose what Generate makes.
type Options struct {
	N    int    // events
	Seed uint64 // the same seed gives the same dataset
	// Actors is how many actors there are; 0 means 2,000.
	Actors int
	// Sources is how many sources the events quote; 0 means 6.
	Sources int
	// SummaryWords is the length of a summary in words; 0 means the default,
	// chosen so that an event takes about 250 bytes in JSON Lines.
	SummaryWords int
}

// Default sizes.
const (
	defaultActors       = 2000
	defaultSources      = 6
	defaultSummaryWords = 3
	titleWords          = 7 // about 48 bytes
	passagesPerSource   = 2500
)

// Generator makes one dataset. Header is ready after New; Events produces
// the events in file order, each exactly once.
type Generator struct {
	opt      Options
	r        *rand.Rand
	header   timeline.Dataset
	passages [][]passage // per source: the quotable passages
	actorZ   *rand.Zipf
	wordZ    *rand.Zipf
	vocab    []string
}

// passage is a quote that occurs exactly once in its source, at code-point
// offsets [start, end).
type passage struct {
	quote      string
	start, end int
}

// New prepares a generator: it builds the sources and actors.
func New(opt Options) *Generator {
	if opt.Actors <= 0 {
		opt.Actors = defaultActors
	}
	if opt.Sources <= 0 {
		opt.Sources = defaultSources
	}
	if opt.SummaryWords <= 0 {
		opt.SummaryWords = defaultSummaryWords
	}
	g := &Generator{opt: opt, r: rand.New(rand.NewPCG(opt.Seed, 0x6461_7465_6c69_6e65))}
	g.vocab = vocabulary(g.r)
	// s > 1 as Zipf requires; v = 2 flattens the head a little, so the most
	// frequent actor is in about a fifth of the events rather than half.
	g.actorZ = rand.NewZipf(g.r, 1.15, 2, uint64(opt.Actors-1))
	g.wordZ = rand.NewZipf(g.r, 1.07, 8, uint64(len(g.vocab)-1))
	g.header.Title = fmt.Sprintf("Synthetic chronology (%d events, seed %d)", opt.N, opt.Seed)
	g.makeActors()
	g.makeSources()
	return g
}

// Header returns the title, sources and actors; its Events are nil.
func (g *Generator) Header() *timeline.Dataset { return &g.header }

// Events calls fn with each event in file order. The Event and its slices
// are fresh for each call, so fn may keep them.
func (g *Generator) Events(fn func(*timeline.Event) error) error {
	for i := range g.opt.N {
		e := g.event(i)
		if err := fn(&e); err != nil {
			return err
		}
	}
	return nil
}

// Dataset generates everything into memory.
func Dataset(opt Options) *timeline.Dataset {
	g := New(opt)
	ds := *g.Header()
	ds.Events = make([]timeline.Event, 0, opt.N)
	g.Events(func(e *timeline.Event) error {
		ds.Events = append(ds.Events, *e)
		return nil
	})
	return &ds
}

var (
	firstNames = []string{"Ana", "Boris", "Chen", "Dalia", "Emeka", "Farah", "Gustavo", "Hana", "Ivan", "Jun",
		"Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tamar",
		"Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia", "Åsa", "Émile", "Øystein", "Şebnem"}
	lastNames = []string{"Abara", "Bianchi", "Castellanos", "Dvořák", "Eriksen", "Fontaine", "Gashi", "Horvath",
		"Ishikawa", "Jovanović", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov",
		"Quispe", "Rahman", "Schulz", "Tanaka", "Urquhart", "Varga", "Weiss", "Xu", "Yilmaz", "Zhou"}
	orgWords   = []string{"Ministry", "Council", "Company", "Agency", "Bank", "Guild", "Press", "Court", "Union", "Institute"}
	placeNames = []string{"Zürich", "São Paulo", "Łódź", "Kraków", "Reykjavík", "Montréal", "Córdoba", "Tromsø",
		"Nîmes", "Malmö", "Ragusa", "Antioch", "Carthage", "Samarkand", "Timbuktu", "Aleppo"}
	kinds = []timeline.ActorKind{timeline.KindPerson, timeline.KindPerson, timeline.KindPerson,
		timeline.KindOrganisation, timeline.KindState, timeline.KindGroup, timeline.KindPlace}
	roles = []string{"claimant", "witness", "recipient", "reported by", "organiser", "defendant"}
	tags  = []string{"trade", "war", "treaty", "famine", "election", "sanctions", "court", "finance",
		"shipping", "religion", "science", "plague", "border", "tax", "succession", "press"}
)

func (g *Generator) makeActors() {
	g.header.Actors = make([]timeline.Actor, g.opt.Actors)
	for i := range g.header.Actors {
		a := &g.header.Actors[i]
		a.ID = "a" + strconv.Itoa(i)
		a.Kind = kinds[g.r.IntN(len(kinds))]
		f, l := firstNames[g.r.IntN(len(firstNames))], lastNames[g.r.IntN(len(lastNames))]
		place := placeNames[g.r.IntN(len(placeNames))]
		// The number keeps names unique: lookups by name must not be ambiguous.
		switch a.Kind {
		case timeline.KindPerson:
			a.Name = fmt.Sprintf("%s %s %d", f, l, i)
			a.Aliases = []string{fmt.Sprintf("%s %d", l, i)}
		case timeline.KindOrganisation:
			a.Name = fmt.Sprintf("%s %s of %s %d", l, orgWords[g.r.IntN(len(orgWords))], place, i)
		case timeline.KindState:
			a.Name = fmt.Sprintf("State of %s %d", place, i)
		case timeline.KindGroup:
			a.Name = fmt.Sprintf("The %s circle %d", l, i)
		default:
			a.Name = fmt.Sprintf("%s quarter %d", place, i)
		}
	}
}

// makeSources writes each source as paragraphs of sentences. Every sentence
// ends with a serial marker "§K." that no other sentence of the source
// contains, so a quote ending with it occurs exactly once.
func (g *Generator) makeSources() {
	g.header.Sources = make([]timeline.Source, g.opt.Sources)
	g.passages = make([][]passage, g.opt.Sources)
	for s := range g.header.Sources {
		src := &g.header.Sources[s]
		src.ID = "s" + strconv.Itoa(s)
		src.Title = fmt.Sprintf("Archive register %d: %s", s, g.words(4))
		src.Publisher = "Synthetic Press"
		src.Published = timeline.MustParseDate(fmt.Sprintf("%04d-%02d", 1990+s, 1+s%12))
		var b strings.Builder
		cp := 0
		for k := range passagesPerSource {
			if k > 0 && k%8 == 0 {
				b.WriteString("\n\n")
				cp += 2
			} else if k > 0 {
				b.WriteByte(' ')
				cp++
			}
			lead := capitalise(g.words(6 + g.r.IntN(6)))
			// The quote ends the sentence, full stop included, so that
			// "§12." cannot match inside "§123.".
			quote := g.words(1) + " §" + strconv.Itoa(k) + "."
			sentence := lead + " — " + quote
			qStart := cp + runeLen(sentence) - runeLen(quote)
			g.passages[s] = append(g.passages[s], passage{quote: quote, start: qStart, end: qStart + runeLen(quote)})
			b.WriteString(sentence)
			cp += runeLen(sentence)
		}
		b.WriteByte('\n')
		src.Text = b.String()
	}
}

func (g *Generator) event(i int) timeline.Event {
	e := timeline.Event{ID: fmt.Sprintf("e%07d", i)}
	e.Date = g.date()
	e.Title = capitalise(g.words(titleWords))
	e.Summary = capitalise(g.words(g.opt.SummaryWords)) + "."
	if p := g.r.IntN(10); p >= 7 {
		e.Status = timeline.Status(1 + p - 7) // reported, alleged, expected
	}
	n := 1 + g.r.IntN(2)
	if g.r.IntN(8) == 0 {
		n = 3
	}
	for len(e.Actors) < n {
		id := "a" + strconv.Itoa(int(g.actorZ.Uint64()))
		if e.HasActor(id) {
			continue
		}
		ref := timeline.ActorRef{Actor: id}
		if g.r.IntN(5) == 0 {
			ref.Role = roles[g.r.IntN(len(roles))]
		}
		e.Actors = append(e.Actors, ref)
	}
	if g.r.IntN(3) == 0 {
		e.Tags = []string{tags[g.r.IntN(len(tags))]}
	}
	s := g.r.IntN(len(g.passages))
	p := g.passages[s][g.r.IntN(len(g.passages[s]))]
	e.Citations = []timeline.Citation{{Source: g.header.Sources[s].ID, Quote: p.quote, Start: p.start, End: p.end}}
	return e
}

// date returns a date at mixed precision between 500 BCE and 2030.
func (g *Generator) date() timeline.Date {
	year := func() int { return -499 + g.r.IntN(2530) }
	ymd := func(y int) string {
		m := 1 + g.r.IntN(12)
		return fmt.Sprintf("%s-%02d-%02d", fmtYear(y), m, 1+g.r.IntN(28))
	}
	ym := func(y int) string { return fmt.Sprintf("%s-%02d", fmtYear(y), 1+g.r.IntN(12)) }
	qual := func() string {
		switch g.r.IntN(12) {
		case 0:
			return "~"
		case 1:
			return "?"
		case 2:
			return "%"
		}
		return ""
	}
	y := year()
	var s string
	switch p := g.r.IntN(100); {
	case p < 35:
		s = ymd(y) + qual()
	case p < 60:
		s = ym(y) + qual()
	case p < 75:
		s = fmtYear(y) + qual()
	case p < 77:
		s = fmt.Sprintf("%s-%d", fmtYear(y), 21+g.r.IntN(4))
	case p < 79 && y >= 10:
		s = fmtYear(y)[:3] + "X"
	case p < 93:
		y2 := y + g.r.IntN(30)
		s = ym(y) + "/" + fmtYear(y2)
		if y2 == y {
			s = ymd(y) + "/" + fmtYear(y2+1)
		}
	case p < 95:
		s = "../" + ymd(y)
	case p < 97:
		s = ym(y) + "/.."
	case p < 99:
		s = fmtYear(y) + "/"
	default:
		return timeline.Date{} // undated
	}
	return timeline.MustParseDate(s)
}

// fmtYear writes an astronomical year as EDTF: four digits, a minus before
// year 0 for BCE.
func fmtYear(y int) string {
	if y < 0 {
		return fmt.Sprintf("-%04d", -y)
	}
	return fmt.Sprintf("%04d", y)
}

// words returns n words from the vocabulary, frequent ones more often.
func (g *Generator) words(n int) string {
	var b strings.Builder
	for k := range n {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g.vocab[g.wordZ.Uint64()])
	}
	return b.String()
}

func capitalise(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func runeLen(s string) int { return len([]rune(s)) }
