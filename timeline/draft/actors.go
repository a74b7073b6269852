package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dateline/timeline"
	"dateline/timeline/gazetteer"
)

// word is one word of the text with its code-point span.
type word struct {
	text       string
	start, end int
	sentStart  bool
}

// words splits text into words (letters, digits, inner hyphens and
// apostrophes, a trailing period of an honorific) with code-point offsets.
func words(text string, sentStarts map[int]bool) []word {
	var out []word
	cp := 0
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += w
			cp++
			continue
		}
		j, n := i, 0
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.IsMark(r2) {
				j += w2
				n++
				continue
			}
			if (r2 == '-' || r2 == '\'' || r2 == '’') && j+w2 < len(text) {
				r3, _ := utf8.DecodeRuneInString(text[j+w2:])
				if unicode.IsLetter(r3) {
					j += w2
					n++
					continue
				}
			}
			break
		}
		wd := text[i:j]
		// "Putin’s" names Putin.
		for _, p := range []string{"’s", "'s"} {
			if strings.HasSuffix(wd, p) && len(wd) > len(p) {
				wd = wd[:len(wd)-len(p)]
				n -= 2
				j -= len(p)
			}
		}
		if honorifics[wd] && j < len(text) && text[j] == '.' {
			j++
			n++
			wd = text[i:j]
		}
		out = append(out, word{text: wd, start: cp, end: cp + n, sentStart: sentStarts[cp]})
		cp += n
		i = j
	}
	return out
}

var honorifics = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "Gen": true, "Sen": true, "Gov": true}

// titleWords stand before a name without being part of it.
var titleWords = map[string]bool{
	"President": true, "Prime": true, "Minister": true, "King": true, "Queen": true,
	"Chancellor": true, "Leader": true, "Secretary": true, "General": true,
	"Governor": true, "Senator": true, "Mayor": true, "Chairman": true, "CEO": true,
	"Judge": true, "Foreign": true, "Defence": true, "Defense": true, "Deputy": true,
	"Vice": true, "Premier": true, "Ambassador": true, "Spokesman": true,
	"Spokeswoman": true, "Commissioner": true, "Director": true, "Chief": true,
	"Sheikh": true, "Emir": true, "Pope": true, "Justice": true,
}

// functionWords begin sentences without naming anyone.
var functionWords = map[string]bool{
	"The": true, "A": true, "An": true, "After": true, "Before": true, "During": true,
	"In": true, "On": true, "At": true, "Both": true, "It": true, "He": true, "She": true,
	"They": true, "We": true, "I": true, "This": true, "That": true, "These": true,
	"Those": true, "But": true, "And": true, "Or": true, "When": true, "While": true,
	"As": true, "If": true, "Since": true, "Under": true, "Its": true, "His": true,
	"Her": true, "Their": true, "Our": true, "Two": true, "Three": true, "One": true,
	"Vehicle": true, "Reconciliation": true, "According": true, "Last": true,
	"Next": true, "Earlier": true, "Later": true, "Now": true, "There": true,
	"Some": true, "Many": true, "Most": true, "All": true, "Each": true, "For": true,
	"With": true, "By": true, "From": true, "To": true, "Of": true, "Recently": true,
	"Yesterday": true, "Today": true, "Tomorrow": true, "However": true, "Also": true,
	"Other": true, "Such": true, "No": true, "Not": true, "Why": true, "What": true,
	"Who": true, "How": true, "Where": true, "Then": true, "So": true, "Yet": true,
}

// lowerTitles are titles written in lower case before a name.
var lowerTitles = map[string]bool{"leader": true, "president": true, "minister": true,
	"chancellor": true, "king": true, "queen": true, "premier": true, "envoy": true,
	"ambassador": true, "spokesman": true, "spokeswoman": true, "chief": true}

// orgWords mark a name as an organisation's.
var orgWords = map[string]bool{
	"Nations": true, "Agency": true, "Council": true, "Ministry": true, "Company": true,
	"Corporation": true, "Inc": true, "Ltd": true, "Group": true, "Bank": true,
	"University": true, "Party": true, "Union": true, "Court": true, "Association": true,
	"Commission": true, "Authority": true, "Organisation": true, "Organization": true,
	"Fund": true, "Institute": true, "Office": true, "Department": true, "Army": true,
	"Navy": true, "Police": true, "Media": true, "News": true, "Times": true,
	"Post": true, "Parliament": true, "Congress": true, "Senate": true, "Committee": true,
	"Federation": false, "Airlines": true, "Motors": true, "Holdings": true,
	"Foundation": true, "Service": true, "Services": true, "Board": true, "Co": true,
}

// mention is a name in the text that stands for an actor.
type mention struct {
	start, end int
	actor      int // index into the drafter's actors
}

// actorSet collects the actors of all articles: one actor per entity.
type actorSet struct {
	actors  []timeline.Actor
	byName  map[string]int // every name and alias, as written
	byISO   map[string]int
	persons []int
}

func newActorSet() *actorSet {
	return &actorSet{byName: map[string]int{}, byISO: map[string]int{}}
}

func (s *actorSet) add(name string, kind timeline.ActorKind) int {
	if i, ok := s.byName[name]; ok {
		return i
	}
	if kind == timeline.KindPerson {
		// "Vladimir Vladimirovich Putin" is "Vladimir Putin": same first
		// and last name.
		f := strings.Fields(name)
		for _, i := range s.persons {
			g := strings.Fields(s.actors[i].Name)
			if f[0] == g[0] && f[len(f)-1] == g[len(g)-1] {
				if len(f) < len(g) {
					s.actors[i].Aliases = append(s.actors[i].Aliases, s.actors[i].Name)
					s.actors[i].Name = name
				} else {
					s.actors[i].Aliases = append(s.actors[i].Aliases, name)
				}
				s.byName[name] = i
				return i
			}
		}
	}
	s.actors = append(s.actors, timeline.Actor{Name: name, Kind: kind})
	i := len(s.actors) - 1
	s.byName[name] = i
	if kind == timeline.KindPerson {
		s.persons = append(s.persons, i)
	}
	return i
}

func (s *actorSet) alias(i int, name string) {
	if name == s.actors[i].Name {
		return
	}
	if _, ok := s.byName[name]; !ok {
		s.byName[name] = i
	}
	for _, a := range s.actors[i].Aliases {
		if a == name {
			return
		}
	}
	s.actors[i].Aliases = append(s.actors[i].Aliases, name)
}

// state is the actor for a country, by the gazetteer.
func (s *actorSet) state(p gazetteer.Place) int {
	if i, ok := s.byISO[p.ISO]; ok {
		return i
	}
	i := s.add(p.Name, timeline.KindState)
	s.byISO[p.ISO] = i
	return i
}

// personFor finds the one person whose name has the word w ("Putin" for
// Vladimir Putin); two candidates ("Kim" for Kim Jong-un and Kim Yo Jong)
// are not guessed.
func (s *actorSet) personFor(w string) (int, bool) {
	found := -1
	for _, i := range s.persons {
		for _, part := range strings.Fields(s.actors[i].Name) {
			if part == w {
				if found >= 0 && found != i {
					return -1, false
				}
				found = i
			}
		}
	}
	return found, found >= 0
}

func capital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// findActors reads the names of one article, adds their actors to s, and
// returns where each is mentioned. Two passes: full names first, so that
// a surname or "Mr. Putin" later finds the person it belongs to.
func (s *actorSet) findActors(text string, ws []word) []mention {
	type run struct{ a, b int } // word indices
	var runs []run
	for i := 0; i < len(ws); {
		if !capital(ws[i].text) {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && ws[j].start-ws[j-1].end <= 1 && !ws[j].sentStart && (capital(ws[j].text) ||
			(ws[j].text == "of" || ws[j].text == "the") && j+1 < len(ws) && capital(ws[j+1].text) && ws[j+1].start-ws[j].end <= 1) {
			j++
		}
		runs = append(runs, run{i, j})
		i = j
	}
	var out []mention
	type pending struct {
		r        run
		honorary bool
	}
	var later []pending
	descr := map[string]int{} // "Russian leader" -> person
	for _, r := range runs {
		a, b := r.a, r.b
		for a < b && (functionWords[ws[a].text] && (ws[a].sentStart || a == r.a)) {
			a++
		}
		if a >= b {
			continue
		}
		// Leading demonyms and titles: "Russian President Vladimir Putin".
		demonym := ""
		title := ""
		for a < b-1 {
			name := ws[a].text
			if a+1 < b-1 {
				two := name + " " + ws[a+1].text
				if p, ok := gazetteer.Lookup(two); ok && p.Kind == gazetteer.Demonym {
					demonym, a = two, a+2
					continue
				}
			}
			if p, ok := gazetteer.Lookup(name); ok && p.Kind == gazetteer.Demonym {
				demonym, a = name, a+1
				continue
			}
			if titleWords[name] {
				title, a = strings.ToLower(name), a+1
				continue
			}
			break
		}
		honor := honorifics[strings.TrimSuffix(ws[a].text, ".")]
		if honor {
			a++
			if a >= b {
				continue
			}
		}
		name := text2(text, ws, a, b)
		start, end := ws[a].start, ws[b-1].end
		describe := func(i int) {
			demonym, title := demonym, title
			// "North Korean leader Kim Jong-un": a demonym and a lower-case
			// title just before the name.
			if demonym == "" && r.a >= 3 && lowerTitles[ws[r.a-1].text] {
				two := ws[r.a-3].text + " " + ws[r.a-2].text
				if p, ok := gazetteer.Lookup(two); ok && p.Kind == gazetteer.Demonym {
					demonym, title = two, ws[r.a-1].text
				} else if p, ok := gazetteer.Lookup(ws[r.a-2].text); ok && p.Kind == gazetteer.Demonym {
					demonym, title = ws[r.a-2].text, ws[r.a-1].text
				}
			}
			if demonym != "" {
				descr["the "+demonym+" leader"] = i
				if title != "" {
					descr["the "+demonym+" "+title] = i
				}
			}
		}

		if p, ok := gazetteer.Lookup(name); ok {
			if p.Kind == gazetteer.Demonym {
				continue // an adjective: "Russian-made", "North Korean"
			}
			i := s.state(p)
			s.alias(i, name)
			out = append(out, mention{start, end, i})
			continue
		}
		if i, ok := s.byName[name]; ok {
			if s.actors[i].Kind == timeline.KindPerson {
				describe(i)
			}
			out = append(out, mention{start, end, i})
			continue
		}
		n := b - a
		lastWord := ws[b-1].text
		switch {
		case orgWords[lastWord] || allCaps(name) && n == 1 || n > 1 && orgWords[ws[a].text]:
			i := s.add(name, timeline.KindOrganisation)
			out = append(out, mention{start, end, i})
		case n == 1:
			later = append(later, pending{run{a, b}, honor})
		case afterThe(text, ws, r.a) || !nameShaped(ws[a:b]):
			// "the Russian Far East": a place, not a person
			i := s.add(name, timeline.KindPlace)
			out = append(out, mention{start, end, i})
		case n >= 2 && n <= 4 && !honor:
			i := s.add(name, timeline.KindPerson)
			if honor || title != "" {
				s.alias(i, text2(text, ws, r.a, b))
			}
			describe(i)
			out = append(out, mention{start, end, i})
		default:
			later = append(later, pending{run{a, b}, honor})
		}
	}
	// Surnames and "Mr. Kim": the one person whose name holds the word.
	for _, p := range later {
		name := text2(text, ws, p.r.a, p.r.b)
		if p.r.b-p.r.a != 1 {
			continue
		}
		if i, ok := s.personFor(name); ok {
			full := name
			if p.honorary {
				full = ws[p.r.a-1].text + " " + name
			}
			s.alias(i, full)
			out = append(out, mention{ws[p.r.a].start, ws[p.r.b-1].end, i})
		}
	}
	// Descriptions: "the Russian leader", and "the North" for North Korea.
	low := strings.ToLower(text)
	if len(low) != len(text) {
		descr = nil // lower-casing moved bytes: offsets would not hold
	}
	for d, i := range descr {
		cps := cpOffsets(text)
		for _, at := range allIndex(low, strings.ToLower(d)) {
			s.alias(i, d)
			st := cps(at)
			out = append(out, mention{st, st + utf8.RuneCountInString(d), i})
		}
	}
	for _, cardinal := range []string{"North", "South"} {
		phrase := "the " + cardinal
		for _, a := range s.actors {
			if a.Kind == timeline.KindState && strings.HasPrefix(a.Name, cardinal+" ") {
				i := s.byName[a.Name]
				cps := cpOffsets(text)
				for _, at := range allIndex(text, phrase) {
					rest := text[at+len(phrase):]
					if r, _ := utf8.DecodeRuneInString(rest); r == ' ' && len(rest) > 1 && capital(rest[1:]) {
						continue // "the North Korean leader"
					}
					s.alias(i, phrase)
					st := cps(at)
					out = append(out, mention{st, st + utf8.RuneCountInString(phrase), i})
				}
			}
		}
	}
	return out
}

// cpOffsets returns a function that turns byte offsets of text, given in
// ascending order, into code-point offsets, counting each stretch of text
// once: counting from the start for every match made long articles
// quadratic.
func cpOffsets(text string) func(at int) int {
	b, cp := 0, 0
	return func(at int) int {
		cp += utf8.RuneCountInString(text[b:at])
		b = at
		return cp
	}
}

func text2(text string, ws []word, a, b int) string {
	// Rebuild the name from its words (the text between them is single
	// spaces or "of the" by construction).
	parts := make([]string, 0, b-a)
	for k := a; k < b; k++ {
		parts = append(parts, ws[k].text)
	}
	_ = text
	return strings.Join(parts, " ")
}

func allIndex(s, sub string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + len(sub)
	}
}

// afterThe reports a name run preceded by a lower-case "the".
func afterThe(text string, ws []word, a int) bool {
	return a > 0 && ws[a-1].text == "the" && ws[a].start-ws[a-1].end <= 1
}

// nameShaped reports words that look like a person's name: each part
// capitalised and then lower case ("Jong-un", "O'Brien"), not "SUVs" or
// "S-Class".
func nameShaped(ws []word) bool {
	for _, w := range ws {
		for _, part := range strings.FieldsFunc(w.text, func(r rune) bool { return r == '-' || r == '\'' || r == '’' }) {
			rs := []rune(part)
			if len(rs) < 2 {
				return false
			}
			for _, r := range rs[1:] {
				if unicode.IsUpper(r) || unicode.IsDigit(r) {
					return false
				}
			}
		}
	}
	return true
}
