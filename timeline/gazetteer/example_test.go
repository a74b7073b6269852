package gazetteer_test

import (
	"fmt"

	"dateline/timeline/gazetteer"
)

func ExampleLookup() {
	for _, name := range []string{"Pyongyang’s", "Russians", "the U.S.", "Congolese"} {
		if p, ok := gazetteer.Lookup(name); ok {
			fmt.Printf("%s: %s (%s), as its %s\n", name, p.Name, p.ISO, p.Kind)
		} else {
			fmt.Printf("%s: %d countries\n", name, len(gazetteer.LookupAll(name)))
		}
	}
	// Output:
	// Pyongyang’s: North Korea (KP), as its capital
	// Russians: Russia (RU), as its demonym
	// the U.S.: United States (US), as its name
	// Congolese: 2 countries
}
