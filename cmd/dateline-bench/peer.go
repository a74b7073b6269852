package main

import (
	"time"

	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/paginator"

	"dateline/timeline"
)

// The peer is what a Go developer would otherwise write: every event as an
// item of a bubbles list.Model with the default delegate. Its actor and
// date filters scan the events and set the matching items; its search is
// the list's own fuzzy filter.

// peerItem is one event as a list item: the title, the summary as the
// description, and what the filters need.
type peerItem struct {
	title, desc string
	date        timeline.Date
	actors      []timeline.ActorRef
}

func (p peerItem) Title() string       { return p.title }
func (p peerItem) Description() string { return p.desc }
func (p peerItem) FilterValue() string { return p.title }

// peerItems makes the items, in chronological order like ours.
func peerItems(tl *timeline.Timeline) []list.Item {
	items := make([]list.Item, tl.Len())
	for i := range items {
		e := tl.Event(i)
		items[i] = peerItem{title: e.Title, desc: e.Summary, date: e.Date, actors: e.Actors}
	}
	return items
}

type peer struct {
	l     list.Model
	items []list.Item
	dots  bool
}

// newPeer builds and sizes the list as a program's first resize would;
// dots keeps bubbles' default paginator, otherwise it is arabic.
func newPeer(items []list.Item, dots bool) *peer {
	p := &peer{items: items, dots: dots}
	p.l = list.New(items, list.NewDefaultDelegate(), 0, 0)
	if !dots {
		p.l.Paginator.Type = paginator.Arabic
	}
	p.l.SetSize(width, height)
	return p
}

// peerFirstView is New, SetSize and View.
func peerFirstView(items []list.Item, dots bool) time.Duration {
	return timed(func() { newPeer(items, dots).l.View() })
}

func (p *peer) key(k string) time.Duration {
	return timed(func() {
		p.l, _ = p.l.Update(keyMsg(k))
		p.l.View()
	})
}

func (p *peer) navigation(budget time.Duration) (down, page, end time.Duration) {
	down = measure(budget, func() time.Duration { return p.key("down") })
	page = measure(budget, func() time.Duration { return p.key("pgdown") })
	jumps := 0
	end = measure(budget, func() time.Duration {
		jumps++
		if jumps%2 == 0 {
			return p.key("g")
		}
		return p.key("G")
	})
	p.key("g")
	return down, page, end
}

// filter measures a scan that keeps the items keep accepts, SetItems of
// them and a View; all the items are set back between runs.
func (p *peer) filter(budget time.Duration, keep func(*peerItem) bool) time.Duration {
	return measure(budget, func() time.Duration {
		d := timed(func() {
			var matches []list.Item
			for _, it := range p.items {
				pi := it.(peerItem)
				if keep(&pi) {
					matches = append(matches, it)
				}
			}
			p.l.SetItems(matches)
			p.l.View()
		})
		p.l.SetItems(p.items)
		return d
	})
}

func (p *peer) actorFilter(budget time.Duration, id string) time.Duration {
	return p.filter(budget, func(it *peerItem) bool {
		for _, a := range it.actors {
			if a.Actor == id {
				return true
			}
		}
		return false
	})
}

func (p *peer) dateFilter(budget time.Duration, d timeline.Date) time.Duration {
	return p.filter(budget, func(it *peerItem) bool { return it.date.Overlaps(d) })
}

// search measures the list's fuzzy filter for each prefix of query, as
// typing it runs one filtering per keystroke, plus a View.
func (p *peer) search(budget time.Duration, query string) time.Duration {
	n := 0
	d := measure(budget, func() time.Duration {
		n++
		q := query[:1+n%len(query)]
		return timed(func() {
			p.l.SetFilterText(q)
			p.l.View()
		})
	})
	p.l.ResetFilter()
	return d
}
