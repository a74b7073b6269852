// Package fix is `dateline validate --fix`: it writes a copy of a YAML,
// JSON or JSON Lines dataset in which resolved citations record their
// position, tolerant and re-anchored ones quote the source as it reads, and
// sources record their checksum, editing the file's own text so that
// comments and layout survive. It writes through data/atomicfile.
package fix
