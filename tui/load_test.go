package tui

import (
	"testing"
	"time"
)

// TestProgressFeed: the callback never blocks, keeps only the latest
// value, drops calls closer than progressEvery (but never the last), and
// the reader ends when the load closes the feed.
func TestProgressFeed(t *testing.T) {
	f := newProgressFeed(7)
	f.report(10, 100)
	f.report(20, 100) // within progressEvery of the first: dropped
	if got := f.wait()().(progressMsg); got != (progressMsg{seq: 7, done: 10, total: 100}) {
		t.Fatalf("first message %+v", got)
	}
	f.report(30, 100) // dropped: too soon
	time.Sleep(progressEvery + 10*time.Millisecond)
	f.report(40, 100)
	f.report(100, 100) // the last: never dropped, replaces the unread 40
	if got := f.wait()().(progressMsg); got.done != 100 {
		t.Fatalf("latest message %+v, want done 100", got)
	}
	f.close()
	f.report(100, 100) // after close: ignored, no panic
	if msg := f.wait()(); msg != nil {
		t.Fatalf("wait after close returned %v", msg)
	}
}
