package timeline

// Precision says how finely a date is known.
type Precision uint8

// Precisions. An interval has PrecisionInterval; its ends have their own.
const (
	PrecisionNone     Precision = iota // zero Date, or an open/unknown interval end
	PrecisionYear                      // "2017", "201X"
	PrecisionMonth                     // "2023-09", "2004-XX"
	PrecisionDay                       // "2024-02-20", "1985-04-XX"
	PrecisionSecond                    // "2024-02-20T10:00:00Z"
	PrecisionSeason                    // "2024-21"
	PrecisionInterval                  // "2023-09/2024-02-20"
)

var precisionNames = [...]string{"none", "year", "month", "day", "second", "season", "interval"}

// String returns "year", "month", "day", "second", "season", "interval" or "none".
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "none"
}

// EndKind says what one end of an interval is.
type EndKind uint8

// Kinds of interval end.
const (
	EndDate    EndKind = iota // a date
	EndOpen                   // "..": the interval runs on without bound
	EndUnknown                // "": the end exists but is not known
)
