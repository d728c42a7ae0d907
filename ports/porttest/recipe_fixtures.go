package porttest

import (
	"fmt"
	"time"

	"github.com/mealplanner/backend/domain/recipe"
)

// sample is the short form of a fixture recipe.
type sample struct {
	id                      int64
	name, category, cuisine string
	tags                    []string
	difficulty              recipe.Difficulty
	prep, cook, servings    int
	ingredients             []recipe.Ingredient
	description             string
	diet, allergens         []string
	rating                  float64
	reviews, favorites      int
	daysOld                 int
	calories                float64
}

// ing is an ingredient line; a negative quantity stands for none ("to taste").
func ing(name, measure string, qty float64, unit, food, section string) recipe.Ingredient {
	in := recipe.Ingredient{Name: name, Measure: measure, Unit: unit, Food: food, Section: section}
	if qty >= 0 {
		in.Quantity = &qty
	}
	return in
}

// samples are the suites' catalogue. Values are chosen so that every filter
// selects a distinct set and every sort has ties broken by its later keys.
var samples = []sample{
	{101, "Chicken Tikka Masala", "Chicken", "Indian", []string{"Curry", "Spicy"}, recipe.Medium, 20, 40, 4,
		[]recipe.Ingredient{ing("Chicken Thighs", "600g", 600, "g", "chicken thigh", "Meat"),
			ing("Greek Yogurt", "150ml", 150, "ml", "yogurt", "Dairy"), ing("Garam Masala", "2 tsp", 2, "tsp", "garam masala", "Spices"),
			ing("Tomato Passata", "400g", 400, "g", "tomato passata", "Pantry"), ing("Double Cream", "100ml", 100, "ml", "cream", "Dairy"),
			ing("Basmati Rice", "300g", 300, "g", "rice", "Pantry")},
		"Charred chicken pieces in a creamy, spiced tomato sauce.", []string{"Gluten-Free"}, []string{"Dairy"},
		4.8, 120, 40, 12, 640},
	{102, "Beef Stew", "Beef", "British", []string{"Stew", "Comfort Food"}, recipe.Easy, 20, 150, 6,
		[]recipe.Ingredient{ing("Beef Chuck", "1kg", 1000, "g", "beef", "Meat"), ing("Carrots", "3", 3, "", "carrot", "Produce"),
			ing("Potatoes", "500g", 500, "g", "potato", "Produce"), ing("Onion", "1", 1, "", "onion", "Produce"),
			ing("Beef Stock", "750ml", 750, "ml", "beef stock", "Pantry"), ing("Plain Flour", "2 tbsp", 2, "tbsp", "wheat flour", "Pantry")},
		"Slow-cooked beef with root vegetables in a rich gravy.", []string{"Dairy-Free", "Nut-Free"}, []string{"Gluten"},
		4.5, 80, 25, 11, 520},
	{103, "Thai Green Curry", "Vegan", "Thai", []string{"Curry", "Quick"}, recipe.Easy, 15, 20, 4,
		[]recipe.Ingredient{ing("Firm Tofu", "400g", 400, "g", "tofu", "Chilled"),
			ing("Green Curry Paste", "3 tbsp", 3, "tbsp", "curry paste", "Pantry"),
			ing("Coconut Milk", "400ml", 400, "ml", "coconut milk", "Pantry"), ing("Green Beans", "200g", 200, "g", "green bean", "Produce"),
			ing("Jasmine Rice", "300g", 300, "g", "rice", "Pantry")},
		"Fragrant coconut curry with tofu and crisp beans.", []string{"Vegan", "Vegetarian", "Dairy-Free", "Gluten-Free"},
		[]string{"Soy"}, 4.3, 45, 30, 10, 560},
	{104, "Mushroom Risotto", "Vegetarian", "Italian", []string{"Comfort Food"}, recipe.Medium, 10, 35, 4,
		[]recipe.Ingredient{ing("Arborio Rice", "300g", 300, "g", "rice", "Pantry"),
			ing("Chestnut Mushrooms", "250g", 250, "g", "mushroom", "Produce"), ing("Parmesan", "50g", 50, "g", "parmesan", "Dairy"),
			ing("Butter", "30g", 30, "g", "butter", "Dairy"), ing("Vegetable Stock", "1l", 1000, "ml", "vegetable stock", "Pantry")},
		"Creamy rice stirred slowly with mushrooms and parmesan.", []string{"Vegetarian", "Gluten-Free"}, []string{"Dairy"},
		4.1, 30, 12, 9, 480},
	{105, "Arancini", "Starter", "Italian", []string{"Party", "Fried"}, recipe.Hard, 40, 20, 6,
		[]recipe.Ingredient{ing("Arborio Rice", "250g", 250, "g", "rice", "Pantry"), ing("Mozzarella", "125g", 125, "g", "mozzarella", "Dairy"),
			ing("Breadcrumbs", "100g", 100, "g", "breadcrumbs", "Bakery"), ing("Eggs", "2", 2, "", "egg", "Dairy"),
			ing("Sunflower Oil", "for frying", -1, "", "sunflower oil", "Pantry")},
		"Crisp fried balls of leftover risotto with a molten mozzarella centre.", []string{"Vegetarian"},
		[]string{"Dairy", "Eggs", "Gluten"}, 4.9, 15, 8, 8, 390},
	{106, "Chicken Noodle Soup", "Chicken", "American", []string{"Soup", "Comfort Food"}, recipe.Easy, 15, 30, 4,
		[]recipe.Ingredient{ing("Chicken Breast", "2", 2, "", "chicken breast", "Meat"), ing("Egg Noodles", "150g", 150, "g", "egg noodle", "Pantry"),
			ing("Carrots", "2", 2, "", "carrot", "Produce"), ing("Celery", "2 sticks", 2, "stick", "celery", "Produce"),
			ing("Chicken Stock", "1.5l", 1500, "ml", "chicken stock", "Pantry")},
		"A gentle broth for cold days.", []string{"Dairy-Free"}, []string{"Eggs", "Gluten"}, 4.1, 30, 12, 7, 310},
	{107, "Chickpea Curry", "Vegan", "Indian", []string{"Curry", "Budget"}, recipe.Easy, 10, 25, 4,
		[]recipe.Ingredient{ing("Chickpeas", "2 cans", 2, "can", "chickpea", "Pantry"),
			ing("Chopped Tomatoes", "400g", 400, "g", "tomato", "Pantry"), ing("Onion", "1", 1, "", "onion", "Produce"),
			ing("Spinach", "100g", 100, "g", "spinach", "Produce"), ing("Cumin", "1 tsp", 1, "tsp", "cumin", "Spices")},
		"A thrifty weeknight favourite.", []string{"Vegan", "Vegetarian", "Gluten-Free", "Dairy-Free", "Nut-Free"},
		nil, 4.4, 60, 30, 6, 350},
	{108, "Pavlova", "Dessert", "Australian", []string{"Sweet", "Party"}, recipe.Hard, 30, 90, 8,
		[]recipe.Ingredient{ing("Egg Whites", "4", 4, "", "egg white", "Dairy"), ing("Caster Sugar", "225g", 225, "g", "sugar", "Baking"),
			ing("Double Cream", "300ml", 300, "ml", "cream", "Dairy"), ing("Kiwi Fruit", "2", 2, "", "kiwi", "Produce"),
			ing("Passion Fruit", "3", 3, "", "passion fruit", "Produce")},
		"Crisp meringue crowned with cream and tropical fruit.", []string{"Vegetarian", "Gluten-Free"},
		[]string{"Eggs", "Dairy"}, 4.7, 35, 15, 5, 330},
	{109, "Salmon Teriyaki", "Seafood", "Japanese", []string{"Quick", "Healthy"}, recipe.Easy, 10, 15, 2,
		[]recipe.Ingredient{ing("Salmon Fillets", "2", 2, "", "salmon", "Fish"), ing("Soy Sauce", "3 tbsp", 3, "tbsp", "soy sauce", "Pantry"),
			ing("Mirin", "2 tbsp", 2, "tbsp", "mirin", "Pantry"), ing("Honey", "1 tbsp", 1, "tbsp", "honey", "Pantry"),
			ing("Sesame Seeds", "1 tsp", 1, "tsp", "sesame seed", "Pantry")},
		"Glossy glazed salmon, ready in minutes.", []string{"Pescatarian", "Dairy-Free"}, []string{"Fish", "Soy", "Sesame"},
		4.6, 50, 22, 2, 450},
	{110, "Pad Thai", "Seafood", "Thai", []string{"Noodles", "Spicy"}, recipe.Medium, 20, 10, 2,
		[]recipe.Ingredient{ing("Rice Noodles", "200g", 200, "g", "rice noodle", "Pantry"), ing("King Prawns", "200g", 200, "g", "prawn", "Fish"),
			ing("Peanuts", "50g", 50, "g", "peanut", "Pantry"), ing("Eggs", "2", 2, "", "egg", "Dairy"),
			ing("Fish Sauce", "2 tbsp", 2, "tbsp", "fish sauce", "Pantry"), ing("Lime", "1", 1, "", "", "Produce")},
		"Sweet, sour and salty stir-fried noodles.", []string{"Dairy-Free"}, []string{"Peanuts", "Shellfish", "Eggs", "Fish"},
		4.2, 35, 15, 3, 610},
	{111, "Spaghetti Carbonara", "Pasta", "Italian", []string{"Quick"}, recipe.Medium, 10, 15, 2,
		[]recipe.Ingredient{ing("Spaghetti", "200g", 200, "g", "spaghetti", "Pantry"), ing("Guanciale", "100g", 100, "g", "pork cheek", "Meat"),
			ing("Egg Yolks", "3", 3, "", "egg yolk", "Dairy"), ing("Pecorino Romano", "50g", 50, "g", "pecorino", "Dairy"),
			ing("Black Pepper", "to taste", -1, "", "black pepper", "Spices")},
		"Silky Roman pasta with crisp pork and cheese.", nil, []string{"Eggs", "Dairy", "Gluten"}, 4.6, 70, 22, 2, 690},
	{112, "Greek Salad", "Vegetarian", "Greek", []string{"Healthy", "Quick", "Salad"}, recipe.Easy, 10, 0, 2,
		[]recipe.Ingredient{ing("Tomatoes", "4", 4, "", "tomato", "Produce"), ing("Cucumber", "1", 1, "", "cucumber", "Produce"),
			ing("Feta", "200g", 200, "g", "feta", "Dairy"), ing("Kalamata Olives", "80g", 80, "g", "olive", "Pantry"),
			ing("Red Onion", "1/2", 0.5, "", "red onion", "Produce"), ing("Olive Oil", "3 tbsp", 3, "tbsp", "olive oil", "Pantry")},
		"Crunchy summer salad; no cooking needed.", []string{"Vegetarian", "Gluten-Free", "Keto"}, []string{"Dairy"},
		0, 0, 0, 1, 280},
}

// SampleRecipes returns a dozen hand-written recipes with every field set,
// fresh copies on each call: the contract suites' catalogue, and templates
// for synthetic catalogues in benchmarks.
func SampleRecipes() []*recipe.Recipe {
	out := make([]*recipe.Recipe, len(samples))
	for i, s := range samples {
		out[i] = s.recipe()
	}
	return out
}

func (s sample) recipe() *recipe.Recipe {
	created := storeEpoch.Add(-time.Duration(s.daysOld) * 24 * time.Hour)
	img := func(size string) string { return fmt.Sprintf("https://img.example.com/recipes/%d/%s.jpg", s.id, size) }
	ings := make([]recipe.Ingredient, len(s.ingredients))
	for i, in := range s.ingredients {
		if in.Quantity != nil {
			q := *in.Quantity
			in.Quantity = &q
		}
		ings[i] = in
	}
	return &recipe.Recipe{
		ID: s.id, Name: s.name, Description: s.description, Category: s.category, Cuisine: s.cuisine,
		Tags: clone(s.tags), Difficulty: s.difficulty, PrepTime: s.prep, CookTime: s.cook, Servings: s.servings,
		Ingredients: ings, Instructions: []string{"Prepare the " + ings[0].Name + ".", "Cook & serve \"hot\"."},
		Images:      recipe.Images{Original: img("original"), Large: img("large"), Medium: img("medium"), Thumbnail: img("thumbnail")},
		YoutubeURL:  fmt.Sprintf("https://www.youtube.com/watch?v=v%d", s.id),
		SourceURL:   fmt.Sprintf("https://example.com/recipes/%d", s.id),
		DietaryTags: clone(s.diet), Allergens: clone(s.allergens),
		Nutrition: recipe.Nutrients{Calories: s.calories, Protein: 21.5, Carbohydrate: 40.25, Fat: 12.1, Fiber: 4.4,
			Sugars: 6.3, Sodium: 710},
		Rating: s.rating, ReviewCount: s.reviews, FavoriteCount: s.favorites,
		CreatedAt: created, UpdatedAt: created.Add(time.Hour),
	}
}

// clone copies a list, keeping nil as nil: the stores must turn it into [].
func clone(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string{}, s...)
}
