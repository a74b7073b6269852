// Package jsonl reads and writes dateline's JSON Lines format: a header
// object with the sources and actors, then one event per line. Load
// streams a file of any size through a fixed set of buffers; Writer and
// Marshal write the format. It builds on data/internal/schema.
package jsonl
