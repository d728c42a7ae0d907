package http

import (
	"math"
	"strconv"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/nutrition"
	"github.com/mealplanner/backend/domain/recipe"
)

type recipeSummaryJSON struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Thumbnail   string   `json:"thumbnail"`
	Category    string   `json:"category"`
	Cuisine     string   `json:"cuisine"`
	TotalTime   int      `json:"totalTime"`
	Difficulty  string   `json:"difficulty"`
	DietaryTags []string `json:"dietaryTags"`
	Rating      float64  `json:"rating"`
	Calories    int      `json:"calories"`
}

type recipeJSON struct {
	recipeSummaryJSON
	Description  string           `json:"description"`
	Image        string           `json:"image"`
	Images       imagesJSON       `json:"images"`
	Tags         []string         `json:"tags"`
	Allergens    []string         `json:"allergens"`
	PrepTime     int              `json:"prepTime"`
	CookTime     int              `json:"cookTime"`
	Servings     int              `json:"servings"`
	Ingredients  []ingredientJSON `json:"ingredients"`
	Instructions []string         `json:"instructions"`
	Nutrition    nutrientsJSON    `json:"nutrition"`
	ReviewCount  int              `json:"reviewCount"`
	YoutubeURL   string           `json:"youtubeUrl,omitempty"`
	SourceURL    string           `json:"sourceUrl,omitempty"`
	CreatedAt    time.Time        `json:"createdAt"`
	UpdatedAt    time.Time        `json:"updatedAt"`
}

type imagesJSON struct {
	Original  string `json:"original"`
	Large     string `json:"large"`
	Medium    string `json:"medium"`
	Thumbnail string `json:"thumbnail"`
}

type ingredientJSON struct {
	Name     string   `json:"name"`
	Measure  string   `json:"measure"`
	Quantity *float64 `json:"quantity"` // null when the measure gives none ("to taste")
	Unit     string   `json:"unit"`
	Food     string   `json:"food"`
	Note     string   `json:"note"`
	Section  string   `json:"section"`
}

// nutrientsJSON has the contract's precision: whole kcal and mg, grams to one decimal.
type nutrientsJSON struct {
	Calories     int     `json:"calories"`
	Protein      float64 `json:"protein"`
	Carbohydrate float64 `json:"carbohydrate"`
	Fat          float64 `json:"fat"`
	Fiber        float64 `json:"fiber"`
	Sugars       float64 `json:"sugars"`
	Sodium       int     `json:"sodium"`
}

type recipePageJSON struct {
	Recipes    []recipeSummaryJSON `json:"recipes"`
	Total      int                 `json:"total"`
	Page       int                 `json:"page"`
	Limit      int                 `json:"limit"`
	TotalPages int                 `json:"totalPages"`
}

type categoryJSON struct {
	Name        string `json:"name"`
	Thumbnail   string `json:"thumbnail"`
	Description string `json:"description"`
	Count       int    `json:"count"`
}

func recipeIDString(id int64) string { return strconv.FormatInt(id, 10) }

// oneDecimal is the precision of ratings and gram amounts on the wire.
func oneDecimal(x float64) float64 { return math.Round(x*10) / 10 }

func toSummaryJSON(s recipe.Summary) recipeSummaryJSON {
	return recipeSummaryJSON{ID: recipeIDString(s.ID), Name: s.Name, Thumbnail: s.Thumbnail, Category: s.Category,
		Cuisine: s.Cuisine, TotalTime: s.TotalTime, Difficulty: string(s.Difficulty), DietaryTags: nonNil(s.DietaryTags),
		Rating: oneDecimal(s.Rating), Calories: int(math.Round(s.Calories))}
}

func toSummariesJSON(list []recipe.Summary) []recipeSummaryJSON {
	out := make([]recipeSummaryJSON, 0, len(list))
	for _, s := range list {
		out = append(out, toSummaryJSON(s))
	}
	return out
}

func toRecipePageJSON(p app.Page[recipe.Summary]) recipePageJSON {
	pages := 0
	if p.Limit > 0 {
		pages = (p.Total + p.Limit - 1) / p.Limit
	}
	return recipePageJSON{Recipes: toSummariesJSON(p.Items), Total: p.Total, Page: p.Page, Limit: p.Limit, TotalPages: pages}
}

func toRecipeJSON(r *recipe.Recipe) recipeJSON {
	img := r.Images
	main := img.Large
	if main == "" {
		main = img.Original
	}
	return recipeJSON{recipeSummaryJSON: toSummaryJSON(r.Summarise()), Description: r.Description, Image: main,
		Images: imagesJSON(img), Tags: nonNil(r.Tags), Allergens: nonNil(r.Allergens), PrepTime: r.PrepTime,
		CookTime: r.CookTime, Servings: r.Servings, Ingredients: toIngredientsJSON(r.Ingredients),
		Instructions: nonNil(r.Instructions), Nutrition: toNutrientsJSON(r.Nutrition), ReviewCount: r.ReviewCount,
		YoutubeURL: r.YoutubeURL, SourceURL: r.SourceURL, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
}

func toIngredientsJSON(list []recipe.Ingredient) []ingredientJSON {
	out := make([]ingredientJSON, 0, len(list))
	for _, in := range list {
		out = append(out, ingredientJSON{Name: in.Name, Measure: in.Measure, Quantity: in.Quantity, Unit: in.Unit,
			Food: in.Food, Note: in.Note, Section: in.Section})
	}
	return out
}

func toNutrientsJSON(n food.Nutrients) nutrientsJSON {
	n = nutrition.Round(n)
	return nutrientsJSON{Calories: int(n.Calories), Protein: n.Protein, Carbohydrate: n.Carbohydrate, Fat: n.Fat,
		Fiber: n.Fiber, Sugars: n.Sugars, Sodium: int(n.Sodium)}
}

func toCategoriesJSON(list []recipe.CategoryInfo) []categoryJSON {
	out := make([]categoryJSON, 0, len(list))
	for _, c := range list {
		out = append(out, categoryJSON(c))
	}
	return out
}
