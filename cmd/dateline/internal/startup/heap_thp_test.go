//go:build linux && (amd64 || arm64)

package startup

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestHeapChunkAdvised checks, in this test binary whose start ran the
// package's init, that the mapping holding the heap is marked for huge
// pages ("hg" in its VmFlags), wherever the system allows them on request.
func TestHeapChunkAdvised(t *testing.T) {
	if os.Getenv("DATELINE_HUGEPAGES") == "off" {
		t.Skip("turned off for TestHeapOptOut's child")
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || bytes.Contains(mode, []byte("[never]")) {
		t.Skipf("transparent huge pages are off here (%q, %v): nothing to advise", mode, err)
	}
	if flags := heapFlags(t); !strings.Contains(flags, " hg") {
		t.Fatalf("the heap mapping is not advised for huge pages: %s", flags)
	}
}

// TestHeapOptOut runs this test binary again with DATELINE_HUGEPAGES=off:
// its heap must not be advised.
func TestHeapOptOut(t *testing.T) {
	if os.Getenv("DATELINE_HUGEPAGES") == "off" {
		if flags := heapFlags(t); strings.Contains(flags, " hg") {
			t.Fatalf("DATELINE_HUGEPAGES=off, yet the heap is advised: %s", flags)
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHeapOptOut$", "-test.v")
	cmd.Env = append(os.Environ(), "DATELINE_HUGEPAGES=off")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestHeapOptOut") {
		t.Fatalf("the child with DATELINE_HUGEPAGES=off: %v\n%s", err, out)
	}
}

// heapFlags returns the VmFlags line of the mapping that holds the heap.
func heapFlags(t *testing.T) string {
	t.Helper()
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	p := uint64(uintptr(unsafe.Pointer(probe)))
	var inside bool
	sc := bufio.NewScanner(bytes.NewReader(smaps))
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := mappingRange(line); ok {
			inside = lo <= p && p < hi
			continue
		}
		if inside && strings.HasPrefix(line, "VmFlags:") {
			return line
		}
	}
	t.Fatalf("no mapping in /proc/self/smaps holds the probe at %#x", p)
	return ""
}

// mappingRange parses the "lo-hi perms ..." header line of an smaps entry.
func mappingRange(line string) (lo, hi uint64, ok bool) {
	f := strings.Fields(line)
	if len(f) < 2 {
		return 0, 0, false
	}
	a, b, found := strings.Cut(f[0], "-")
	if !found {
		return 0, 0, false
	}
	lo, err1 := strconv.ParseUint(a, 16, 64)
	hi, err2 := strconv.ParseUint(b, 16, 64)
	return lo, hi, err1 == nil && err2 == nil
}
