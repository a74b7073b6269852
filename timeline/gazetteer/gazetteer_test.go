package gazetteer

import (
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		want string // ISO alpha-2
		kind Kind
	}{
		{"North Korea", "KP", CountryName},
		{"Democratic People's Republic of Korea", "KP", CountryName},
		{"Democratic People’s Republic of Korea", "KP", CountryName}, // curly apostrophe
		{"DPRK", "KP", CountryName},
		{"Pyongyang", "KP", Capital},
		{"Pyongyang’s", "KP", Capital},
		{"North Korean", "KP", Demonym},
		{"North Koreans", "KP", Demonym},
		{"South Korea", "KR", CountryName},
		{"Republic of Korea", "KR", CountryName},
		{"Seoul", "KR", Capital},
		{"South Korean", "KR", Demonym},
		{"Moscow", "RU", Capital},
		{"Russian", "RU", Demonym},
		{"Russians", "RU", Demonym},
		{"Russian Federation", "RU", CountryName},
		{"the Kremlin", "RU", SeatOfGovernment},
		{"the US", "US", CountryName},
		{"US", "US", CountryName},
		{"U.S.", "US", CountryName},
		{"the United States", "US", CountryName},
		{"United States of America", "US", CountryName},
		{"Washington", "US", Capital},
		{"American", "US", Demonym}, // not the Northern Mariana Islands
		{"the UK", "GB", CountryName},
		{"U.K.", "GB", CountryName},
		{"Britain", "GB", CountryName},
		{"Great Britain", "GB", CountryName},
		{"British", "GB", Demonym},
		{"Britons", "GB", Demonym},
		{"London", "GB", Capital},
		{"Beijing", "CN", Capital},
		{"Chinese", "CN", Demonym},
		{"Kyiv", "UA", Capital},
		{"Kiev", "UA", Capital},
		{"Indian", "IN", Demonym}, // not the British Indian Ocean Territory
		{"the Netherlands", "NL", CountryName},
		{"Holland", "NL", CountryName},
		{"Burma", "MM", CountryName},
		{"Ivory Coast", "CI", CountryName},
		{"Côte d'Ivoire", "CI", CountryName},
		{"Turkey", "TR", CountryName},
		{"Türkiye", "TR", CountryName},
		{"Singapore", "SG", CountryName}, // country and capital: the country
		{"the Philippines'", "PH", CountryName},
		{"Filipinos", "PH", Demonym},
		{"NORTH KOREA", "KP", CountryName},
		{"Ottawa", "CA", Capital},
		{"Santiago", "CL", Capital},
		{"Nairobi", "KE", Capital},
		{"Rome", "IT", Capital},
	}
	for _, tt := range tests {
		p, ok := Lookup(tt.name)
		if !ok || p.ISO != tt.want || p.Kind != tt.kind {
			t.Errorf("Lookup(%q) = %s %s %v, want %s %s", tt.name, p.ISO, p.Kind, ok, tt.want, tt.kind)
		}
	}
}

func TestLookupPlace(t *testing.T) {
	p, ok := Lookup("Pyongyang")
	want := Place{Name: "North Korea", Official: "Democratic People's Republic of Korea", ISO: "KP", ISO3: "PRK",
		Capital: "Pyongyang", Demonym: "North Korean", Sovereign: true, Kind: Capital}
	if !ok || p != want {
		t.Errorf("Lookup(Pyongyang) = %+v, want %+v", p, want)
	}
}

func TestLookupNot(t *testing.T) {
	for _, name := range []string{
		"", "china", "turkey", "us", "Korea", "the North", "Kim", "IN", "NO", "Mr. Putin",
		"Hamilton",               // a territory's capital (Bermuda), and a surname
		"Congolese", "Dominican", // two sovereign states share these
	} {
		if p, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) = %+v, want no single country", name, p)
		}
	}
	all := LookupAll("Congolese")
	if len(all) != 2 || all[0].ISO != "CD" || all[1].ISO != "CG" {
		t.Errorf("LookupAll(Congolese) = %+v, want CD and CG", all)
	}
}

func TestByISO(t *testing.T) {
	for _, code := range []string{"KP", "kp", "PRK"} {
		if p, ok := ByISO(code); !ok || p.Name != "North Korea" || p.Kind != CountryName {
			t.Errorf("ByISO(%q) = %+v, %v", code, p, ok)
		}
	}
	if _, ok := ByISO("XX"); ok {
		t.Error("ByISO(XX) found a country")
	}
}

func TestTable(t *testing.T) {
	if n := len(countryTable); n < 240 {
		t.Fatalf("countryTable has %d countries, want the world's (about 250)", n)
	}
	seen := map[string]bool{}
	for _, c := range countryTable {
		if len(c.iso) != 2 || len(c.iso3) != 3 || c.name == "" || seen[c.iso] {
			t.Errorf("bad or repeated record %+v", c)
		}
		seen[c.iso] = true
	}
	// Every short form names a known country: buildIndex panics otherwise.
	buildIndex()
}

func BenchmarkLookup(b *testing.B) {
	theIndex()
	for b.Loop() {
		Lookup("Pyongyang’s")
	}
}

func BenchmarkLookupPlain(b *testing.B) {
	theIndex()
	for b.Loop() {
		Lookup("Moscow")
	}
}
