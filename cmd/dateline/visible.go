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

// appendJSONControls appends jsonControls of s to b.
func appendJSONControls(b, s []byte) []byte {
	if !hasJSONRaw(s) {
		return append(b, s...)
	}
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		if isJSONRaw(r) {
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[r>>4], "0123456789abcdef"[r&15])
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// hasJSONRaw is bytes.ContainsFunc(s, isJSONRaw), without decoding every
// character: DEL is the byte 7f, and a C1 control c2 followed by 80 to 9f,
// which decodes as one wherever it is, c2 being no continuation byte.
func hasJSONRaw(s []byte) bool {
	if bytes.IndexByte(s, 0x7f) >= 0 {
		return true
	}
	for {
		i := bytes.IndexByte(s, 0xc2)
		if i < 0 || i+1 >= len(s) {
			return false
		}
		if c := s[i+1]; c >= 0x80 && c < 0xa0 {
			return true
		}
		s = s[i+1:]
	}
}
