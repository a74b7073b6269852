package jsonl

import "dateline/data/internal/schema"

// Check validates the JSON Lines file at path as Load does and returns
// the same Problems, in the same order, keeping no event (it is Scan):
// for the viewer of an opened file (Open), which shows the events first
// and their problems once checked. progress, when not nil, is called from
// the calling goroutine after each block of lines with the bytes checked
// so far, the file's size and how many problems were found so far (a
// count that the last steps, such as the header's own checks and the
// duplicate ids, may still change); a caller that redraws on it
// throttles it itself.
func Check(path string, progress func(done, total int64, problems int)) []schema.Problem {
	return scanPath(path, nil, progress).Problems
}
