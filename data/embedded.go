package data

import (
	"embed"
	"io/fs"

	"dateline/timeline"
)

// embeddedFS holds the default dataset and its source texts.
//
//go:embed embedded
var embeddedFS embed.FS

// embeddedName is the default dataset's file inside embedded/.
const embeddedName = "kim-car-gift.yaml"

// Embedded loads the dataset built into the binary: the seed article's
// events. Its Problems name the file "embedded:kim-car-gift.yaml", and its
// sources' text_file paths resolve inside the embedded folder. Each call
// loads afresh, so callers may change what they get.
func Embedded() *Loaded {
	name := "embedded:" + embeddedName
	sub, err := fs.Sub(embeddedFS, "embedded")
	if err == nil {
		var b []byte
		if b, err = fs.ReadFile(sub, embeddedName); err == nil {
			return load(name, b, fsFiles{fsys: sub, prefix: "embedded:"})
		}
	}
	// Unreachable with a correct build; reported rather than panicking.
	return &Loaded{File: name, Problems: []Problem{{File: name, Severity: timeline.SeverityError, Message: "cannot read the embedded dataset: " + err.Error()}}}
}
