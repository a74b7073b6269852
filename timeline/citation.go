package timeline

// STUB: replaced by the citation resolver. The exported API is the contract.

import "errors"

// Span is where a citation's quote lies in its source text.
type Span struct {
	Resolved  bool
	Start     int  // code-point offset of the first character
	End       int  // code-point offset just past the last character
	Paragraph int  // 1-based paragraph (paragraphs are separated by blank lines)
	Tolerant  bool // found only by the typographic-tolerant match
}

// Selector is what a citation says about its passage: the W3C
// TextQuoteSelector (Quote, Prefix, Suffix) and TextPositionSelector
// (Start, End; -1 when not recorded).
type Selector struct {
	Quote, Prefix, Suffix string
	Start, End            int
}

// Errors of quote resolution.
var (
	ErrEmptyQuote = errors.New("empty quote")
)

// QuoteError says a non-empty quote is absent from the source or ambiguous.
type QuoteError struct {
	Absent bool
	Count  int // places it was found, when ambiguous
}

func (e *QuoteError) Error() string { return "quote not found" }

// SourceText is a source's text prepared for resolving many quotes.
type SourceText struct {
	text string
}

// NewSourceText prepares text for resolution.
func NewSourceText(text string) *SourceText { return &SourceText{text: text} }

// Text returns the source text.
func (s *SourceText) Text() string { return s.text }

// Len returns the length of the text in code points.
func (s *SourceText) Len() int { return 0 }

// Slice returns the text between code-point offsets [start, end).
func (s *SourceText) Slice(start, end int) string { return "" }

// Resolve finds sel in the text.
func (s *SourceText) Resolve(sel Selector) (Span, error) { return Span{}, errors.New("unimplemented") }

// ResolveQuote is NewSourceText(text).Resolve(sel).
func ResolveQuote(text string, sel Selector) (Span, error) { return NewSourceText(text).Resolve(sel) }
