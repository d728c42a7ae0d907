package food

import "testing"

// lookupCases pair names with the food key Lookup must find.
var lookupCases = []struct{ name, want string }{
	{"chicken thigh", "chicken thigh"},
	{"Chicken Thigh", "chicken thigh"},
	{"  CHICKEN \t  thighs ", "chicken thigh"},
	{"tomatoes", "tomato"},
	{"potatoes", "potato"},
	{"Sweet Potatoes", "sweet potato"},
	{"bay leaves", "bay leaf"},
	{"strawberries", "strawberry"},
	{"cherries", "cherry"},
	{"anchovies", "anchovy"},
	{"peaches", "peach"},
	{"radishes", "radish"},
	{"loaves", "bread"},
	{"chicken breast halves", "chicken breast"},
	{"chillies", "chilli"},
	{"chilies", "chilli"},
	{"Jalapeños", "chilli"},
	{"cilantro", "coriander"},
	{"coriander leaves", "coriander"},
	{"eggplant", "aubergine"},
	{"aubergines", "aubergine"},
	{"scallions", "spring onion"},
	{"green onion", "spring onion"},
	{"plain flour", "all-purpose flour"},
	{"flour", "all-purpose flour"},
	{"all purpose flour", "all-purpose flour"},
	{"All-Purpose Flour", "all-purpose flour"},
	{"self rising flour", "self-raising flour"},
	{"heavy cream", "double cream"},
	{"double cream", "double cream"},
	{"sun dried tomatoes", "sun-dried tomato"},
	{"sundried tomatoes", "sun-dried tomato"},
	{"creme fraiche", "crème fraîche"},
	{"CRÈME FRAÎCHE", "crème fraîche"},
	{"goats cheese", "goat cheese"},
	{"goat’s cheese", "goat cheese"},
	{"cloves of garlic", "garlic"},
	{"garlic cloves", "garlic"},
	{"racks of lamb", "rack of lamb"},
	{"courgettes", "courgette"},
	{"zucchini", "courgette"},
	{"bicarbonate of soda", "baking soda"},
	{"half and half", "half-and-half"},
	{"tinned chopped tomatoes", "canned tomato"},
	{"gruyere", "gruyère"},
	{"eggs", "egg"},
}

func TestLookup(t *testing.T) {
	t.Parallel()
	table := mustLoad(t)
	for _, c := range lookupCases {
		got, ok := table.Lookup(c.name)
		if !ok || got.Key != c.want {
			t.Errorf("Lookup(%q) = %s, %v; want %q", c.name, keyOf(got), ok, c.want)
		}
	}
}

// Lookup reads names, not ingredient lines: anything else is Match's job.
func TestLookupMisses(t *testing.T) {
	t.Parallel()
	table := mustLoad(t)
	for _, name := range []string{"", "   ", "-", "boneless chicken thighs", "unicorn", "chicken thighs, boneless", "leaves"} {
		if got, ok := table.Lookup(name); ok {
			t.Errorf("Lookup(%q) = %q, want a miss", name, got.Key)
		}
	}
}

func TestPluralName(t *testing.T) {
	t.Parallel()
	table := mustLoad(t)
	cases := map[string]string{
		"tomato": "tomatoes", "potato": "potatoes", "bay leaf": "bay leaves", "strawberry": "strawberries",
		"peach": "peaches", "chilli": "chillies", "egg": "eggs", "rack of lamb": "racks of lamb",
		"spring onion": "spring onions", "radish": "radishes",
	}
	for key, want := range cases {
		f, ok := table.Lookup(key)
		if !ok {
			t.Fatalf("no food %q", key)
		}
		if got := f.PluralName(); got != want {
			t.Errorf("%q.PluralName() = %q, want %q", key, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"":                           "",
		"already normal":             "already normal",
		"  Extra-Virgin  Olive Oil ": "extra virgin olive oil",
		"Crème Fraîche":              "creme fraiche",
		"bird's eye chilli":          "birds eye chilli",
		"1½ cups (200g) flour":       "1 cups 200g flour",
		"jalapeño":                   "jalapeno",
		"tab\tseparated\nlines":      "tab separated lines",
	}
	for in, want := range cases {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}
