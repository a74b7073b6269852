package timex

// The word lists the rules match against. Each maps a lower-case word to
// what it means.

var monthNames = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
	"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// Weekdays as time.Weekday numbers (Sunday 0).
var weekdayNames = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
	"friday": 5, "saturday": 6, "sun": 0, "mon": 1, "tue": 2, "tues": 2,
	"wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6,
}

var weekdayFull = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
	"dozen": 12, "half": -2, // "half" marks a fraction, see number()
}

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30, "twenty-first": 21,
}

// unitNames maps unit words (singular and plural) to a granularity.
var unitNames = map[string]gran{
	"century": granCentury, "centuries": granCentury,
	"decade": granDecade, "decades": granDecade,
	"year": granYear, "years": granYear, "yr": granYear, "yrs": granYear,
	"quarter": granQuarter, "quarters": granQuarter,
	"month": granMonth, "months": granMonth,
	"week": granWeek, "weeks": granWeek, "fortnight": granWeek, "fortnights": granWeek,
	"day": granDay, "days": granDay,
	"hour": granHour, "hours": granHour,
	"minute": granMinute, "minutes": granMinute,
	"weekend": granDay, "weekends": granDay,
	"season": granSeason, "seasons": granSeason,
	"millennium": granCentury, "millennia": granCentury,
	"second": granMinute, "seconds": granMinute,
}

// durUnit is the TIMEX3 duration unit letter of a unit word, and how many
// of it one unit word is worth ("decade" is P10Y).
func durUnit(w string) (unit string, mult int, time bool) {
	switch w {
	case "century", "centuries":
		return "Y", 100, false
	case "millennium", "millennia":
		return "Y", 1000, false
	case "decade", "decades":
		return "Y", 10, false
	case "year", "years", "yr", "yrs":
		return "Y", 1, false
	case "quarter", "quarters":
		return "Q", 1, false
	case "month", "months":
		return "M", 1, false
	case "week", "weeks":
		return "W", 1, false
	case "fortnight", "fortnights":
		return "W", 2, false
	case "day", "days":
		return "D", 1, false
	case "weekend", "weekends":
		return "WE", 1, false
	case "season", "seasons":
		return "M", 3, false
	case "hour", "hours":
		return "H", 1, true
	case "minute", "minutes":
		return "M", 1, true
	case "second", "seconds":
		return "S", 1, true
	}
	return "", 0, false
}

var seasonNames = map[string]int{
	"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4,
}

var partOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
	"tonight": "NI", "overnight": "NI", "noon": "MI", "midday": "MI",
	"midnight": "NI", "dawn": "MO", "dusk": "EV", "nightfall": "EV",
	"daybreak": "MO", "mornings": "MO", "evenings": "EV", "nights": "NI",
	"afternoons": "AF",
}

var timeZones = map[string]string{
	"gmt": "Z", "utc": "Z", "z": "Z", "bst": "+01:00", "cet": "+01:00",
	"cest": "+02:00", "est": "-05:00", "edt": "-04:00", "cst": "-06:00",
	"cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00",
	"pdt": "-07:00", "jst": "+09:00", "kst": "+09:00", "ist": "+05:30",
	"et": "", "pt": "", "msk": "+03:00", "aest": "+10:00", "hkt": "+08:00",
}
