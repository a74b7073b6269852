package gazetteer

// shortForm is a name news writing uses that the data lacks, or uses in
// another sense than the data's, chosen by hand.
type shortForm struct {
	name string
	iso  string
	kind Kind
}

// shortForms: abbreviations with points, everyday short names, capitals
// in their usual short or older spelling, demonyms as nouns for people
// where they differ from the adjective, and seats of government that news
// writes for the state. A name here wins over the data's readings of it.
var shortForms = []shortForm{
	{"US", "US", CountryName},
	{"U.S.", "US", CountryName},
	{"U.S.A.", "US", CountryName},
	{"America", "US", CountryName},
	{"Washington", "US", Capital},
	{"Washington, D.C.", "US", Capital},
	{"Washington DC", "US", Capital},

	{"UK", "GB", CountryName},
	{"U.K.", "GB", CountryName},
	{"Britain", "GB", CountryName},
	{"Briton", "GB", Demonym},
	{"Britons", "GB", Demonym},

	{"ROK", "KR", CountryName},

	{"Russian Federation", "RU", CountryName},
	{"Kiev", "UA", Capital},
	{"Czech Republic", "CZ", CountryName},
	{"Turkey", "TR", CountryName},
	{"Turk", "TR", Demonym},
	{"Turks", "TR", Demonym},
	{"Saudi", "SA", Demonym},
	{"Saudis", "SA", Demonym},
	{"Philippine", "PH", Demonym},
	{"Swede", "SE", Demonym},
	{"Swedes", "SE", Demonym},
	{"Finn", "FI", Demonym},
	{"Finns", "FI", Demonym},
	{"Dane", "DK", Demonym},
	{"Danes", "DK", Demonym},
	{"Pole", "PL", Demonym},
	{"Poles", "PL", Demonym},
	{"Spaniard", "ES", Demonym},
	{"Spaniards", "ES", Demonym},
	{"Holy See", "VA", CountryName},

	{"Kremlin", "RU", SeatOfGovernment},
	{"White House", "US", SeatOfGovernment},
	{"Downing Street", "GB", SeatOfGovernment},
	{"Élysée", "FR", SeatOfGovernment},
	{"Elysee", "FR", SeatOfGovernment},
	{"Élysée Palace", "FR", SeatOfGovernment},
	{"Zhongnanhai", "CN", SeatOfGovernment},
}
