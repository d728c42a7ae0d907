package food

import (
	"sync"
	"testing"
)

// matchCases are ingredient names as recipe writers put them, with the food
// each is about.
var matchCases = []struct{ line, want string }{
	{"boneless skinless chicken thighs", "chicken thigh"},
	{"large free-range eggs", "egg"},
	{"extra-virgin olive oil", "olive oil"},
	{"fresh coriander leaves", "coriander"},
	{"tinned chopped tomatoes", "canned tomato"},
	{"unsalted butter, softened", "unsalted butter"},
	{"double cream", "double cream"},
	{"self-raising flour", "self-raising flour"},
	{"light brown soft sugar", "brown sugar"},
	{"ground cumin", "ground cumin"},
	{"minced beef", "ground beef"},
	{"lamb shoulder", "lamb shoulder"},
	{"red chilli, deseeded", "chilli"},
	{"spring onions", "spring onion"},
	{"king prawns", "prawn"},
	{"dark soy sauce", "dark soy sauce"},
	{"garam masala", "garam masala"},
	{"vegetable stock cube", "vegetable stock cube"},
	{"freshly ground black pepper", "black pepper"},
	{"a squeeze of lemon juice", "lemon juice"},
	{"juice of 1 lime", "lime juice"},
	{"zest of 1 lemon", "lemon zest"},
	{"zest and juice of 1 lemon", "lemon juice"},
	{"salt and pepper", "salt"},
	{"sea salt flakes", "salt"},
	{"3 garlic cloves, crushed", "garlic"},
	{"cloves garlic", "garlic"},
	{"1 onion, finely chopped", "onion"},
	{"2 carrots, peeled and diced", "carrot"},
	{"400g can chickpeas, drained and rinsed", "chickpea"},
	{"1 x 400ml tin coconut milk", "coconut milk"},
	{"2 x 400g tins plum tomatoes", "canned tomato"},
	{"a tin of tomatoes", "canned tomato"},
	{"1 can black beans", "black bean"},
	{"kidney beans in chilli sauce", "kidney bean"},
	{"finely grated parmesan", "parmesan"},
	{"grated Parmigiano-Reggiano", "parmesan"},
	{"ball of mozzarella, torn", "mozzarella"},
	{"crumbled feta cheese", "feta"},
	{"dried oregano", "dried oregano"},
	{"smoked paprika", "smoked paprika"},
	{"cayenne pepper (optional)", "cayenne pepper"},
	{"hot chicken stock", "chicken stock"},
	{"lamb stock", "beef stock"},
	{"white fish fillets", "cod"},
	{"basmati rice", "white rice"},
	{"dried spaghetti", "spaghetti"},
	{"fresh egg tagliatelle", "tagliatelle"},
	{"skinless salmon fillets", "salmon"},
	{"skin-on salmon fillet", "salmon"},
	{"raw king prawns, peeled", "prawn"},
	{"smoked streaky bacon rashers", "bacon"},
	{"pork sausages", "pork sausage"},
	{"baby spinach leaves", "spinach"},
	{"cherry tomatoes, halved", "cherry tomato"},
	{"red onion, thinly sliced", "red onion"},
	{"a handful of fresh basil leaves", "basil"},
	{"thumb-sized piece of ginger, grated", "ginger"},
	{"sprigs of fresh thyme", "thyme"},
	{"plain flour, plus extra for dusting", "all-purpose flour"},
	{"caster sugar", "sugar"},
	{"icing sugar, to dust", "icing sugar"},
	{"runny honey", "honey"},
	{"dijon mustard", "dijon mustard"},
	{"Worcestershire sauce", "worcestershire sauce"},
	{"tomato purée", "tomato paste"},
	{"toasted sesame oil", "sesame oil"},
	{"sesame seeds, toasted", "sesame seed"},
	{"natural yoghurt", "yoghurt"},
	{"Greek-style yoghurt", "greek yoghurt"},
	{"half-fat crème fraîche", "crème fraîche"},
	{"frozen peas", "pea"},
	{"tinned sweetcorn, drained", "sweetcorn"},
	{"ripe avocados", "avocado"},
	{"bird's eye chillies", "chilli"},
	{"ready-rolled puff pastry sheet", "puff pastry"},
	{"filo pastry sheets", "filo pastry"},
	{"naan breads", "naan"},
	{"dry white wine", "white wine"},
	{"boiling water", "water"},
	{"ice cubes", "ice"},
	{"beef mince (5% fat)", "ground beef"},
	{"chicken breast fillets, cut into strips", "chicken breast"},
	{"chicken thighs, bone in, skin on", "chicken thigh"},
	{"lean minced lamb", "ground lamb"},
	{"extra lean ground beef", "lean ground beef"},
	{"oil for frying", "vegetable oil"},
	{"butter or margarine", "butter"},
	{"tamari or soy sauce", "tamari"},
	{"mixed nuts, roughly chopped", "mixed nut"},
	{"toasted pine nuts", "pine nut"},
	{"dark chocolate (70% cocoa solids), chopped", "dark chocolate"},
	{"fast-action dried yeast", "yeast"},
	{"firm tofu, pressed", "tofu"},
	{"thai red curry paste", "thai curry paste"},
	{"lime wedges, to serve", "lime"},
	{"cardamom pods, lightly crushed", "cardamom"},
	{"whole chicken (about 1.5kg)", "whole chicken"},
	{"pinch of salt", "salt"},
	{"shaoxing rice wine", "shaoxing wine"},
	{"tinned tuna in spring water, drained", "canned tuna"},
	{"tuna in spring water, drained", "canned tuna"},
}

func TestMatch(t *testing.T) {
	t.Parallel()
	table := mustLoad(t)
	for _, c := range matchCases {
		got, ok := table.Match(c.line)
		if !ok || got.Key != c.want {
			t.Errorf("Match(%q) = %s, %v; want %q", c.line, keyOf(got), ok, c.want)
		}
	}
}

// Lines that name no food in the table must miss rather than grab a word.
func TestMatchMisses(t *testing.T) {
	t.Parallel()
	table := mustLoad(t)
	for _, line := range []string{
		"", "   ", "2 tbsp", "to serve", "kitchen string", "wooden skewers", "vanilla pod",
		"edible flowers", "xanthan gum", "cooking spray", "a few drops of food colouring",
	} {
		if got, ok := table.Match(line); ok {
			t.Errorf("Match(%q) = %q, want a miss", line, got.Key)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			table := mustLoad(t)
			for _, c := range matchCases {
				if got, ok := table.Match(c.line); !ok || got.Key != c.want {
					t.Errorf("Match(%q) = %s under concurrency", c.line, keyOf(got))
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkMatch(b *testing.B) {
	table := mustLoad(b)
	i := 0
	for b.Loop() {
		table.Match(matchCases[i%len(matchCases)].line)
		i++
	}
}

func BenchmarkLookup(b *testing.B) {
	table := mustLoad(b)
	names := []string{"chicken thigh", "tomatoes", "Plain Flour", "bay leaves", "crème fraîche"}
	i := 0
	for b.Loop() {
		table.Lookup(names[i%len(names)])
		i++
	}
}

// BenchmarkMatchMiss measures the slowest path: text that names no food goes
// through every step.
func BenchmarkMatchMiss(b *testing.B) {
	table := mustLoad(b)
	for b.Loop() {
		table.Match("2 long wooden skewers, soaked in cold water for 30 minutes")
	}
}
