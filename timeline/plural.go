package timeline

import "strconv"

// Plural counts n of noun in English, "1 citation" or "3 citations": every
// message of the loader, --fix, the drift notes and the command line says
// counts this one way.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
