// Command dateline explores a chronology of dated, sourced events: a
// terminal UI by default, and list, actors, sources and validate commands
// for people and scripts. Run `dateline --help` for usage.
package main

import "os"

// main is the only place the process exits; everything else returns.
func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
