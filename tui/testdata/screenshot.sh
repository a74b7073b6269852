#!/usr/bin/env bash
# Regenerates the README screenshot from a real terminal capture:
#   tui/testdata/screenshot.ansi  the tmux capture (capture-pane -e), with colours
#   tui/testdata/screenshot.png   the picture the README embeds
#
# It runs dateline at 120×40 in a private tmux server on the embedded
# dataset, moves down to the Kim–Putin summit so the detail pane shows its
# quote, captures the screen and renders it with freeze to SVG, then with
# rsvg-convert to PNG.
# Tests do not run it. Needs:
#   tmux, and go install github.com/charmbracelet/freeze@v0.2.2
#   apt-get install -y librsvg2-bin fonts-dejavu-core
#     (rsvg-convert draws freeze's SVG with this font; freeze's embedded
#     font breaks the alignment)
# Usage: tui/testdata/screenshot.sh   (from anywhere in the repository)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
freeze="${FREEZE:-$(command -v freeze || echo "$(go env GOPATH)/bin/freeze")}"
for tool in tmux rsvg-convert "$freeze"; do
	command -v "$tool" >/dev/null || { echo "screenshot.sh: $tool not found (see the header)" >&2; exit 1; }
done

work="$(mktemp -d)"
sock="dateline-shot-$$"
T=(tmux -L "$sock" -f /dev/null)
# tmux leaves its socket file behind when the server is killed.
trap '"${T[@]}" kill-server 2>/dev/null || true; rm -rf "$work"
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"' EXIT

(cd "$root" && go build -o "$work/dateline" ./cmd/dateline)

# A known terminal: tmux's default TERM=screen drops every style. The dark
# theme matches freeze's dark window.
"${T[@]}" new-session -d -s shot -x 120 -y 40 \
	"env -u NO_COLOR TERM=xterm-256color COLORTERM=truecolor LANG=C.UTF-8 '$work/dateline' --theme dark"

cap() { "${T[@]}" capture-pane -p -t shot; }
wait_for() { # wait_for ERE: until the screen matches
	local deadline=$((SECONDS + 10))
	until cap | grep -qE -- "$1"; do
		((SECONDS < deadline)) || { echo "screenshot.sh: timed out waiting for $1:" >&2; cap >&2; exit 1; }
		sleep 0.05
	done
}
wait_for '#1 · [0-9]+ of [0-9]+ events'
# Walk down to the summit by keys (not --event) so that the timeline shows
# from its first event.
for ((p = 2; p <= 20; p++)); do
	cap | grep -q '▸ .*Kim–Putin summit' && break
	"${T[@]}" send-keys -t shot j
	wait_for "#$p · "
done
cap | grep -q '▸ .*Kim–Putin summit' || { echo "screenshot.sh: no summit event:" >&2; cap >&2; exit 1; }
# Wait until two captures agree: the frame is complete.
a="$(cap)"; sleep 0.2; b="$(cap)"
while [[ "$a" != "$b" ]]; do a="$b"; sleep 0.2; b="$(cap)"; done

"${T[@]}" capture-pane -p -e -t shot >"$here/screenshot.ansi"
"${T[@]}" send-keys -t shot q

# freeze v0.2.2 misreads tmux's SGR stream in two ways: it ignores 39 and 49
# (default fore/background), so colours bleed into the next cells, and it
# forgets the foreground when bold or italic follows it (the year rules
# lose their colour). So spell 39/49 out as freeze's own defaults (#c4c4c4
# on #171717) rather than as a reset, which would also drop
# the colour set just before; 49 only when a background is set, since each
# background becomes a rectangle that overlaps the rows around it by a
# pixel. And repeat the current colours after every other attribute.
# freeze draws neither bold nor italic.
perl -pe '
	BEGIN { ($cf, $cb) = ("", "") }
	s{\e\[([0-9;]*)m}{
		my $p = $1;
		if    ($p eq "39")        { $cf = ""; "\e[38;2;196;196;196m" }
		elsif ($p eq "49")        { my $o = $cb eq "" ? "" : "\e[48;2;23;23;23m"; $cb = ""; $o }
		elsif ($p =~ /^0?$/)      { $cf = $cb = ""; "\e[0m" }
		elsif ($p =~ /^38;/)      { $cf = "\e[${p}m" }
		elsif ($p =~ /^48;/)      { $cb = "\e[${p}m" }
		else                      { "\e[${p}m$cf$cb" }
	}ge' "$here/screenshot.ansi" >"$work/shot.ansi"
"$freeze" "$work/shot.ansi" --font.family "DejaVu Sans Mono" \
	--window=false --padding 20 --margin 0 -o "$work/shot.svg" >/dev/null
# Rendered at twice the SVG's size: sharp on high-density screens, a third
# of the file freeze's own 4× PNG makes.
rsvg-convert --zoom 2 "$work/shot.svg" -o "$here/screenshot.png"
echo "wrote $here/screenshot.ansi and $here/screenshot.png"
