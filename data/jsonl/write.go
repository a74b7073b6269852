package jsonl

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"

	"dateline/timeline"
)

// Writer writes a dataset as JSON Lines (see Load for the
// format): the header when it is made, then one line per WriteEvent. Each
// record is compact JSON with the fields in schema order and empty
// optional fields left out, as MarshalJSON writes them, so that a dataset
// reads back equal from either format.
type Writer struct {
	w   io.Writer
	buf []byte // one record, reused
}

// NewWriter writes the header line of header (its title, sources and
// actors; its Events are ignored) to w and returns a writer for the events.
func NewWriter(w io.Writer, header *timeline.Dataset) (*Writer, error) {
	jw := &Writer{w: w}
	b := append(jw.buf[:0], `{"dateline":1`...)
	if header.Title != "" {
		b = appendField(b, "title", header.Title)
	}
	if len(header.Sources) > 0 {
		b = append(b, `,"sources":[`...)
		for i := range header.Sources {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendSource(b, &header.Sources[i])
		}
		b = append(b, ']')
	}
	if len(header.Actors) > 0 {
		b = append(b, `,"actors":[`...)
		for i := range header.Actors {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendActor(b, &header.Actors[i])
		}
		b = append(b, ']')
	}
	return jw, jw.flush(append(b, '}', '\n'))
}

// WriteEvent writes one event line.
func (jw *Writer) WriteEvent(e *timeline.Event) error {
	return jw.flush(append(appendEvent(jw.buf[:0], e), '\n'))
}

func (jw *Writer) flush(b []byte) error {
	jw.buf = b
	_, err := jw.w.Write(b)
	return err
}

// Marshal writes ds as JSON Lines.
func Marshal(ds *timeline.Dataset) ([]byte, error) {
	var buf bytes.Buffer
	jw, err := NewWriter(&buf, ds)
	if err != nil {
		return nil, err
	}
	for i := range ds.Events {
		if err := jw.WriteEvent(&ds.Events[i]); err != nil {
			return nil, err
		}
	}
	return buf.Bytes(), nil
}

func appendSource(b []byte, s *timeline.Source) []byte {
	b = append(b, `{"id":`...)
	b = AppendJSONString(b, s.ID)
	b = appendField(b, "title", s.Title)
	b = appendOpt(b, "publisher", s.Publisher)
	b = appendOpt(b, "published", s.Published.String())
	b = appendOpt(b, "url", s.URL)
	b = appendOpt(b, "retrieved", s.Retrieved.String())
	b = appendOpt(b, "archive_url", s.ArchiveURL)
	b = appendField(b, "text", s.Text)
	b = appendOpt(b, "sha256", s.SHA256)
	return append(b, '}')
}

func appendActor(b []byte, a *timeline.Actor) []byte {
	b = append(b, `{"id":`...)
	b = AppendJSONString(b, a.ID)
	b = appendField(b, "name", a.Name)
	b = appendField(b, "kind", a.Kind.String())
	b = appendStrings(b, "aliases", a.Aliases)
	return append(b, '}')
}

func appendEvent(b []byte, e *timeline.Event) []byte {
	b = append(b, `{"id":`...)
	b = AppendJSONString(b, e.ID)
	b = appendOpt(b, "date", e.Date.String())
	b = appendOpt(b, "date_note", e.DateNote)
	b = appendField(b, "title", e.Title)
	b = appendOpt(b, "summary", e.Summary)
	if e.Status != timeline.StatusOccurred {
		b = appendField(b, "status", e.Status.String())
	}
	if len(e.Actors) > 0 {
		b = append(b, `,"actors":[`...)
		for k, r := range e.Actors {
			if k > 0 {
				b = append(b, ',')
			}
			if r.Role == "" {
				b = AppendJSONString(b, r.Actor)
				continue
			}
			b = append(b, `{"actor":`...)
			b = AppendJSONString(b, r.Actor)
			b = appendField(b, "role", r.Role)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = appendStrings(b, "tags", e.Tags)
	if len(e.Citations) > 0 {
		b = append(b, `,"citations":[`...)
		for k := range e.Citations {
			c := &e.Citations[k]
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"source":`...)
			b = AppendJSONString(b, c.Source)
			b = appendField(b, "quote", c.Quote)
			b = appendOpt(b, "prefix", c.Prefix)
			b = appendOpt(b, "suffix", c.Suffix)
			if c.Start >= 0 {
				b = strconv.AppendInt(append(b, `,"start":`...), int64(c.Start), 10)
			}
			if c.End >= 0 {
				b = strconv.AppendInt(append(b, `,"end":`...), int64(c.End), 10)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendField appends ,"key":"value".
func appendField(b []byte, key, value string) []byte {
	b = append(append(append(b, ',', '"'), key...), '"', ':')
	return AppendJSONString(b, value)
}

// appendOpt appends the field unless value is empty.
func appendOpt(b []byte, key, value string) []byte {
	if value == "" {
		return b
	}
	return appendField(b, key, value)
}

// appendStrings appends ,"key":[...] unless ss is empty.
func appendStrings(b []byte, key string, ss []string) []byte {
	if len(ss) == 0 {
		return b
	}
	b = append(append(append(b, ',', '"'), key...), `":[`...)
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendJSONString(b, s)
	}
	return append(b, ']')
}

// AppendJSONString appends s as a JSON string. Line breaks and other
// control characters are escaped, so a record stays on one line; invalid
// UTF-8 becomes U+FFFD, which the loader would otherwise refuse.
func AppendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || size != 1 {
				i += size
				continue
			}
			b = append(append(b, s[start:i]...), `\ufffd`...)
			i++
			start = i
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		i++
		start = i
	}
	return append(append(b, s[start:]...), '"')
}
