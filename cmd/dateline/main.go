// Command dateline explores a chronology of dated, sourced events: a
// terminal UI by default, and list, actors, sources and validate commands
// for people and scripts. Run `dateline --help` for usage.
package main

import (
	"os"

	"dateline/cmd/dateline/internal/startup"
)

// main is the only place the process exits; everything else returns.
func main() {
	// The packages initialized since startup's own init may have grown
	// the heap into memory that is not yet advised.
	startup.AdviseHeap()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
