package data

import "dateline/data/jsonl"

// OpenJSONLines opens the JSON Lines dataset file at path for viewing
// without decoding its events: one pass records where each event line is
// and its date, status and actors, and the Timeline (lazy, see
// timeline.NewLazy) reads events from the file as they are shown or
// searched. Its first screen costs a skim of the file, not a Load; the
// events are not checked (run CheckJSONLines behind it). Problems are the
// header's only, and the Timeline is nil when one of them is an error. The
// file stays open while the Timeline lives; when it changes on disk, the
// events that cannot be read are shown as marked placeholders
// (Timeline.EventProblem) and searches say so (Timeline.SourceErr). A
// path that is not a regular file is loaded instead (see LoadFile).
// progress is as for jsonl.Load.
func OpenJSONLines(path string, progress func(done, total int64)) *Loaded {
	return jsonl.Open(path, progress)
}

// CheckJSONLines validates the JSON Lines dataset file at path and
// returns the Problems LoadFile would report, in the same order, keeping
// none of its events in memory. progress, when not nil, is called after
// each block of lines with the bytes checked, the file's size and the
// number of problems so far; it is called often, so a caller that redraws
// on it should throttle it.
func CheckJSONLines(path string, progress func(done, total int64, problems int)) []Problem {
	return jsonl.Check(path, progress)
}
