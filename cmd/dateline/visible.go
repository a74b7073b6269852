package main

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"dateline/timeline"
)

// visibleWriter passes text through an escaper on its way out: for text,
// timeline.VisibleControls, so that no string from a dataset, an article or
// a file name can drive the terminal; for JSON, jsonControls. It is the
// safety net under every report and message; fields are also escaped
// before the text reports measure columns, so that tables stay aligned.
type visibleWriter struct {
	w      io.Writer
	escape func(string) string
	carry  []byte // an incomplete UTF-8 sequence that the next Write ends
}

func visibleText(w io.Writer) *visibleWriter {
	if v, ok := w.(*visibleWriter); ok {
		return v
	}
	return &visibleWriter{w: w, escape: timeline.VisibleControls}
}

func visibleJSON(w io.Writer) *visibleWriter { return &visibleWriter{w: w, escape: jsonControls} }

func (v *visibleWriter) Write(p []byte) (int, error) {
	b := p
	if len(v.carry) > 0 {
		b = append(v.carry, p...)
		v.carry = nil
	}
	// A buffered writer above may cut a character in two: keep its start
	// for the next Write rather than escape it as a broken byte.
	cut := len(b)
	for k := 1; k <= utf8.UTFMax-1 && k <= len(b); k++ {
		if c := b[len(b)-k]; utf8.RuneStart(c) {
			if c >= utf8.RuneSelf && !utf8.FullRune(b[len(b)-k:]) {
				cut = len(b) - k
			}
			break
		}
	}
	if _, err := io.WriteString(v.w, v.escape(string(b[:cut]))); err != nil {
		return 0, err
	}
	v.carry = bytes.Clone(b[cut:])
	return len(p), nil
}

// Flush writes what an unfinished character left behind, escaped.
func (v *visibleWriter) Flush() error {
	if len(v.carry) == 0 {
		return nil
	}
	s := string(v.carry)
	v.carry = nil
	_, err := io.WriteString(v.w, v.escape(s))
	return err
}

// jsonControls writes DEL and the C1 controls, which encoding/json leaves
// raw, as JSON escapes (\u007f, \u0085). In JSON text they can only occur
// inside strings, where the escape means the same character: lossless.
func jsonControls(s string) string {
	if !strings.ContainsFunc(s, isJSONRaw) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isJSONRaw(r) {
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isJSONRaw(r rune) bool { return r >= 0x7f && r < 0xa0 }
