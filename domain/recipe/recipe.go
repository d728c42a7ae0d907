// Package recipe models the catalogue: recipes with parsed ingredients, the
// dietary tags and allergens derived from them, and search criteria.
package recipe

import (
	"time"

	"github.com/mealplanner/backend/domain/food"
)

// Categories is TheMealDB's category vocabulary, which the frontend shows.
var Categories = []string{"Beef", "Breakfast", "Chicken", "Dessert", "Goat", "Lamb", "Miscellaneous", "Pasta",
	"Pork", "Seafood", "Side", "Starter", "Vegan", "Vegetarian"}

// Difficulty is how demanding a recipe is to cook.
type Difficulty string

// The difficulties.
const (
	Easy   Difficulty = "easy"
	Medium Difficulty = "medium"
	Hard   Difficulty = "hard"
)

// Ingredient is one line of a recipe. Measure is the text as written;
// Quantity, Unit, Food and Section are derived from it and the food table.
type Ingredient struct {
	Name     string
	Measure  string
	Quantity *float64 // nil when the measure gives none ("to taste")
	Unit     string   // canonical unit symbol, "" for plain counts
	Food     string   // canonical food key, "" when no food matched
	Note     string
	Section  string // shopping section; "Other" when unknown
}

// Images are the stored picture and its variants, as URLs.
type Images struct {
	Original  string
	Large     string // 1200×800
	Medium    string // 600×400, also the summary thumbnail
	Thumbnail string // 200×200
}

// Nutrients are amounts of the contract's seven nutrients: calories in kcal,
// sodium in mg, the rest in grams.
type Nutrients = food.Nutrients

// Recipe is a catalogue entry.
type Recipe struct {
	ID           int64
	Name         string
	Description  string
	Category     string
	Cuisine      string
	Tags         []string
	Difficulty   Difficulty
	PrepTime     int // minutes
	CookTime     int // minutes
	Servings     int
	Ingredients  []Ingredient
	Instructions []string
	Images       Images
	YoutubeURL   string
	SourceURL    string

	// Derived from the ingredients (and explicit tags) by Analyse.
	DietaryTags []string
	Allergens   []string
	Nutrition   Nutrients // per serving, of the ingredients that could be counted

	// Kept up to date by the stores from ratings, favourites and plans.
	Rating        float64 // mean stars, 0 when unrated
	ReviewCount   int
	FavoriteCount int

	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// TotalTime is preparation plus cooking, in minutes.
func (r *Recipe) TotalTime() int { return r.PrepTime + r.CookTime }

// Sort orders search results.
type Sort string

// The sort orders of the contract.
const (
	SortRelevance Sort = "relevance"
	SortName      Sort = "name"
	SortRating    Sort = "rating"
	SortNewest    Sort = "newest"
	SortQuickest  Sort = "quickest"
	SortPopular   Sort = "popular"
)

// Criteria select and order recipes. Empty fields do not filter.
type Criteria struct {
	Query              string   // full text over name, tags, ingredients, description
	Category           string   // case-insensitive exact
	Cuisine            string   // case-insensitive exact
	Ingredient         string   // a food key or ingredient text the recipe must contain
	Dietary            []string // contract spellings; every one must hold
	ExcludeAllergens   []string // contract allergens or free text matched against ingredient names
	ExcludeIngredients []string // free text matched against ingredient names and foods (dislikes)
	MaxPrepTime        int      // minutes; 0 = any
	MaxTotalTime       int      // minutes; 0 = any
	Difficulty         Difficulty
	Tags               []string // every tag must be present (case-insensitive)
	ExcludeIDs         []int64
	Sort               Sort
	Offset             int
	Limit              int
}

// Summary is what lists and search results show of a recipe.
type Summary struct {
	ID          int64
	Name        string
	Thumbnail   string
	Category    string
	Cuisine     string
	TotalTime   int
	Difficulty  Difficulty
	DietaryTags []string
	Rating      float64
	Calories    float64 // per serving
}

// Summarise returns the list view of the recipe.
func (r *Recipe) Summarise() Summary {
	return Summary{ID: r.ID, Name: r.Name, Thumbnail: r.Images.Medium, Category: r.Category, Cuisine: r.Cuisine,
		TotalTime: r.TotalTime(), Difficulty: r.Difficulty, DietaryTags: r.DietaryTags, Rating: r.Rating,
		Calories: r.Nutrition.Calories}
}

// CategoryInfo is a category with how many live recipes it holds.
type CategoryInfo struct {
	Name        string
	Thumbnail   string
	Description string
	Count       int
}
