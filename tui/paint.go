package tui

import (
	"runtime"
	"strings"
	"sync"
	"weak"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Drawing a frame calls Render a hundred times, and lipgloss.Style.Render
// re-reads every property of the style, splits the text into lines and
// measures it each time: most of a frame's cost. For the styles we use
// (colours and attributes only) on one line of text, Render only wraps the
// text in the escape codes of the style, so a paint remembers them and
// wraps the text itself. Whether a style is that simple is not assumed:
// it is checked, once per style, colour profile and background, by
// comparing Render's output on probe strings with the wrapped ones, and a
// style that differs (an underline, which styles spaces apart) keeps going
// through Render.

// paint is what one style puts around a line of text.
type paint struct {
	pre, post string
	ok        bool // pre+s+post is Render(s) for a plain line s
	prof      termenv.Profile
	dark      bool
}

// paintCache holds the paints of one styles value, by style.
type paintCache struct {
	mu sync.Mutex
	m  map[*lipgloss.Style]*paint

	// The last short help line drawn and what it was drawn for (see
	// helpPanel.Short), since the help's styles are these too.
	helpKey, helpLine string
}

// The paint caches, one per styles value and dropped with it; weak keys
// so that a later styles value at the same address gets a cache of its own.
var paintCaches struct {
	sync.Mutex
	m map[weak.Pointer[styles]]*paintCache
}

// paints returns the paint cache of st.
func paints(st *styles) *paintCache {
	k := weak.Make(st)
	paintCaches.Lock()
	defer paintCaches.Unlock()
	if c := paintCaches.m[k]; c != nil {
		return c
	}
	if paintCaches.m == nil {
		paintCaches.m = map[weak.Pointer[styles]]*paintCache{}
	}
	c := &paintCache{m: map[*lipgloss.Style]*paint{}}
	paintCaches.m[k] = c
	runtime.AddCleanup(st, func(k weak.Pointer[styles]) {
		paintCaches.Lock()
		delete(paintCaches.m, k)
		paintCaches.Unlock()
	}, k)
	return c
}

// paintOff makes render call Render always: tests compare frames drawn
// both ways.
var paintOff bool

// render is style.Render(s), style being a field of the cache's styles.
func (c *paintCache) render(style *lipgloss.Style, s string) string {
	if paintOff || strings.ContainsAny(s, "\n\r\t") {
		return style.Render(s)
	}
	prof := lipgloss.ColorProfile()
	// The background matters only with colours; asking for it otherwise
	// could query the terminal when Render never would.
	dark := prof != termenv.Ascii && lipgloss.HasDarkBackground()
	c.mu.Lock()
	p := c.m[style]
	if p == nil || p.prof != prof || p.dark != dark {
		p = newPaint(style, prof, dark)
		c.m[style] = p
	}
	c.mu.Unlock()
	if !p.ok {
		return style.Render(s)
	}
	return p.pre + s + p.post
}

// paintProbes are the lines a paint must render exactly as Render does:
// the empty one, one cell (which a width or padding would pad), words
// (which an underline or strikethrough styles apart) and a long line
// (which a width or maximum width would wrap or cut).
var paintProbes = []string{"", "x", "ab cd", "─ 2024 ─── ▸ Événement long, with ‘quotes’ and a longer tail of words"}

func newPaint(style *lipgloss.Style, prof termenv.Profile, dark bool) *paint {
	p := &paint{prof: prof, dark: dark}
	out := style.Render("x")
	i := strings.Index(out, "x")
	if i < 0 {
		return p
	}
	p.pre, p.post = out[:i], out[i+1:]
	for _, probe := range paintProbes {
		if style.Render(probe) != p.pre+probe+p.post {
			return p
		}
	}
	p.ok = true
	return p
}
