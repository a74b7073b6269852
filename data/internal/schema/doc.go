// Package schema is the core the format packages share: the positioned
// tree (Node) that our JSON scanner and the YAML reader build, the strict
// decoder from that tree to a timeline.Dataset (records, sources and their
// text files), the marshaller for our YAML and JSON, and Problem and
// Loaded, the outcome of every loader. It imports only timeline and
// data/atomicfile.
package schema
