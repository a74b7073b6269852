package timex

import "fmt"

// scan is fmt.Sscanf that must consume all of s.
func scan(s, format string, args ...any) bool {
	var rest string
	n, _ := fmt.Sscanf(s+"|", format+"%s", append(args, &rest)...)
	return n == len(args)+1 && rest == "|"
}
