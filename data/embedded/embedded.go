// Package embedded holds the default dataset built into the binary and the
// source texts it cites, as files, so that both the loader (data) and
// --fix (data/fix) can read them without one importing the other.
package embedded

import "embed"

// FS holds the dataset and its source texts at its root.
//
//go:embed *.yaml *.txt
var FS embed.FS

// Name is the dataset's file in FS.
const Name = "kim-car-gift.yaml"
