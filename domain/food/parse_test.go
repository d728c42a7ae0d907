package food

import (
	"strings"
	"testing"
)

const testHeader = "key,aliases,plural,section,kcal,protein_g,carbohydrate_g,fat_g,fiber_g,sugars_g,sodium_mg,alcohol_g,density_g_per_ml,unit_g,unit_name,flags,source,fdc_id\n"

// Two valid rows; each error case edits one field of the second (line 4).
var validRows = []string{
	"# comment lines are skipped",
	"egg,hen egg,,Dairy & Eggs,143,12.6,0.7,9.5,0,0.4,142,,1.03,50,,egg,test,",
	"garlic,garlic clove,,Produce,149,6.4,33.1,0.5,2.1,1,17,,0.57,3,clove,vegetable,test,",
}

func csvWith(edit func(fields []string)) string {
	rows := append([]string(nil), validRows...)
	fields := strings.Split(rows[2], ",")
	edit(fields)
	rows[2] = strings.Join(fields, ",")
	return testHeader + strings.Join(rows, "\n") + "\n"
}

func TestParseValid(t *testing.T) {
	t.Parallel()
	table, err := Parse(strings.NewReader(csvWith(func([]string) {})))
	if err != nil {
		t.Fatal(err)
	}
	garlic, ok := table.Lookup("Garlic Cloves")
	if !ok {
		t.Fatal("garlic not found by its alias's plural")
	}
	want := Food{
		Key: "garlic", Aliases: []string{"garlic clove"}, Section: "Produce",
		Per100g: Nutrients{Calories: 149, Protein: 6.4, Carbohydrate: 33.1, Fat: 0.5, Fiber: 2.1, Sugars: 1, Sodium: 17},
		Density: 0.57, UnitGrams: 3, UnitName: "clove", Flags: Vegetable, Source: "test",
	}
	if garlic.Key != want.Key || garlic.Per100g != want.Per100g || garlic.Density != want.Density ||
		garlic.UnitGrams != want.UnitGrams || garlic.UnitName != want.UnitName || garlic.Flags != want.Flags ||
		garlic.Section != want.Section || len(garlic.Aliases) != 1 || garlic.FDCID != 0 {
		t.Errorf("garlic = %+v\nwant %+v", *garlic, want)
	}
	if egg, _ := table.Lookup("eggs"); !egg.Has(Egg | AnimalProduct) {
		t.Errorf("egg flags = %v, want egg with animal_product implied", egg.Flags)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	// Field positions in a row: see testHeader.
	const (
		key, aliases, plural, section, kcal, protein, sodium = 0, 1, 2, 3, 4, 5, 10
		alcohol, density, unitG, unitName, flags, fdcID      = 11, 12, 13, 14, 15, 17
	)
	cases := []struct {
		name string
		edit func(f []string)
		want string
	}{
		{"unknown section", func(f []string) { f[section] = "Deli" }, `line 4: "garlic": unknown section "Deli"`},
		{"section in wrong case", func(f []string) { f[section] = "produce" }, "unknown section"},
		{"unknown flag", func(f []string) { f[flags] = "vegetable|spicy" }, `line 4: flags "spicy": unknown flag`},
		{"duplicate key", func(f []string) { f[key] = "egg" }, `line 4: name "egg" of "egg" is already used by "egg"`},
		{"alias of another food", func(f []string) { f[aliases] = "hen egg" }, `already used by "egg"`},
		{"alias equal after normalising", func(f []string) { f[aliases] = "Hen-Egg" }, `already used by "egg"`},
		{"name twice in one food", func(f []string) { f[plural] = "garlic clove" }, `lists "garlic clove" twice`},
		{"bad number", func(f []string) { f[kcal] = "lots" }, `line 4: kcal "lots": not a number`},
		{"NaN", func(f []string) { f[protein] = "NaN" }, "not a number"},
		{"negative", func(f []string) { f[sodium] = "-1" }, `sodium_mg "-1": negative`},
		{"missing nutrient", func(f []string) { f[kcal] = "" }, `kcal "": missing`},
		{"zero density", func(f []string) { f[density] = "0" }, "must be positive or empty"},
		{"bad alcohol", func(f []string) { f[alcohol] = "x" }, "alcohol_g"},
		{"unit name without weight", func(f []string) { f[unitG] = "" }, `unit_name "clove" but no unit_g`},
		{"bad unit weight", func(f []string) { f[unitName] = ""; f[unitG] = "-3" }, "negative"},
		{"fdc id not an integer", func(f []string) { f[fdcID] = "12.5" }, "not a positive integer"},
		{"upper-case key", func(f []string) { f[key] = "Garlic" }, "must be lower case"},
		{"empty key", func(f []string) { f[key] = "" }, "key is empty"},
		{"empty alias", func(f []string) { f[aliases] = "garlic clove||clove" }, "empty item"},
		{"name without letters", func(f []string) { f[aliases] = "--" }, "no letters or digits"},
		{"too many fields", func(f []string) { f[fdcID] = "1,2" }, "wrong number of fields"},
	}
	for _, c := range cases {
		_, err := Parse(strings.NewReader(csvWith(c.edit)))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func TestParseHeaderErrors(t *testing.T) {
	t.Parallel()
	body := strings.Join(validRows, "\n") + "\n"
	cases := map[string]string{
		strings.Replace(testHeader, "kcal", "energy", 1): `line 1: unknown column "energy"`,
		strings.Replace(testHeader, ",fdc_id", "", 1):    `missing column "fdc_id"`,
		strings.Replace(testHeader, "source", "key", 1):  `column "key" appears twice`,
	}
	if _, err := Parse(strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "reading header") {
		t.Errorf("empty input: error %v, want a header error", err)
	}
	for header, want := range cases {
		_, err := Parse(strings.NewReader(header + body))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("header %q: error %v, want it to contain %q", header, err, want)
		}
	}
}

func TestParseWithoutAlcoholColumn(t *testing.T) {
	t.Parallel()
	header := strings.Replace(testHeader, "alcohol_g,", "", 1)
	row := "salt,,,Pantry,0,0,0,0,0,0,38758,1.22,,,,test,\n"
	table, err := Parse(strings.NewReader(header + row))
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := table.Lookup("salt"); !ok || f.Per100g.Sodium != 38758 || f.Density != 1.22 {
		t.Errorf("salt = %+v", f)
	}
}
