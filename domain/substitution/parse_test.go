package substitution

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	text := `# a comment

[egg]
flaxseed + water as flax egg | 1 tbsp + 3 tbsp water | nutty | binds | baking, cooking
apple sauce | 1/4 cup | moist | binds |
[egg white] = egg
`
	got, err := parse("t.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	want := []block{
		{original: "egg", where: "t.txt:3", alts: []rawAlt{
			{foods: []string{"flaxseed", "water"}, name: "flax egg", ratio: "1 tbsp + 3 tbsp water", impact: "nutty",
				reason: "binds", uses: baking | cooking, where: "t.txt:4"},
			{foods: []string{"apple sauce"}, name: "apple sauce", ratio: "1/4 cup", impact: "moist", reason: "binds",
				where: "t.txt:5"},
		}},
		{original: "egg white", sameAs: "egg", where: "t.txt:6"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parse:\n got %+v\nwant %+v", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, text, want string }{
		{"line before any block", "milk | 1:1 | a | b", "outside a block"},
		{"line under a shared block", "[a] = b\nmilk | 1:1 | a | b", "outside a block"},
		{"too few fields", "[egg]\nmilk | 1:1 | a", "want 4 or 5 fields"},
		{"too many fields", "[egg]\nmilk | 1:1 | a | b | raw | x", "want 4 or 5 fields"},
		{"empty reason", "[egg]\nmilk | 1:1 | a |  ", "must all be given"},
		{"empty food in a preparation", "[egg]\nmilk + | 1:1 | a | b", "empty food"},
		{"unknown use", "[egg]\nmilk | 1:1 | a | b | frying", `unknown use "frying"`},
		{"header without closing bracket", "[egg", "is not [food key]"},
		{"empty header", "[ ]", "names no food"},
		{"empty shared name", "[egg] =", "names no food"},
	}
	for _, c := range cases {
		_, err := parse("t.txt", c.text)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "t.txt:") {
			t.Errorf("%s: err = %v, want one mentioning %q and the line", c.name, err, c.want)
		}
	}
}

// New must refuse a knowledge base that does not fit the table.
func TestBuildErrors(t *testing.T) {
	t.Parallel()
	table := mustGuide(t).table
	const line = " | 1:1 | a | b\n"
	cases := []struct{ name, text, want string }{
		{"unknown original", "[unicorn]\nmilk" + line, `"unicorn" is not in the food table`},
		{"alias as original", "[cilantro]\nparsley" + line, `"cilantro" is a name of "coriander"`},
		{"unknown alternative", "[milk]\nunicorn milk" + line, `"unicorn milk" is not in the food table`},
		{"alias in a preparation", "[milk]\nsoy milk + eggs" + line, `"eggs" is a name of "egg"`},
		{"original twice", "[milk]\nsoy milk" + line + "[milk]\noat milk" + line, "already listed"},
		{"itself as alternative", "[milk]\nmilk" + line, "its own alternative"},
		{"same name twice", "[milk]\nsoy milk" + line + "soy milk" + line, "already offered"},
		{"no alternatives", "[milk]\n", "has no alternatives"},
		{"shares an unknown list", "[milk] = oat milk\n", `"oat milk" has no list of its own`},
		{"shares a shared list", "[milk]\nsoy milk" + line + "[oat milk] = milk\n[almond milk] = oat milk\n",
			"has no list of its own"},
		{"shared list empty once itself is dropped", "[milk]\noat milk" + line + "[oat milk] = milk\n", "has no alternatives"},
	}
	for _, c := range cases {
		blocks, err := parse("t.txt", c.text)
		if err != nil {
			t.Fatalf("%s: parse: %v", c.name, err)
		}
		_, err = build(table, blocks)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", c.name, err, c.want)
		}
	}
}
