package schema

import (
	"errors"
	"fmt"
	"os"
	"strconv"
)

// MaxFileSize is the most a YAML or JSON dataset, standard input or a
// source's text_file may hold: 512 MB, or DATELINE_MAX_FILE_MB megabytes.
// It is checked before reading, so a wrong path (a disk image, a sparse
// file) fails at once instead of exhausting memory. One knob for all of
// them: a text that big is a mistake as often as a dataset that big.
func MaxFileSize() int64 {
	if v, err := strconv.ParseInt(os.Getenv("DATELINE_MAX_FILE_MB"), 10, 64); err == nil && v > 0 {
		return v << 20
	}
	return 512 << 20
}

// errTooBig is TextFiles.Read's error for a file over MaxFileSize.
var errTooBig = errors.New("is over the size limit")

// tooBigText words errTooBig for name, a file as TextFileMessage names it.
func tooBigText(name string) string {
	return fmt.Sprintf("cannot read %s: more than %d MB, the limit for a source's text (raise it with DATELINE_MAX_FILE_MB)", name, MaxFileSize()>>20)
}
