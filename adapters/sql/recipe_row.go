package sql

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain/recipe"
)

// recipeRow is a row of the recipes table. Lists are JSON text (jsonb on
// PostgreSQL), so that the row reads the same in both dialects. The last two
// columns are written for search; from them and the rest, triggers keep the
// full-text index (SQLite) or the narrow search tables (PostgreSQL).
type recipeRow struct {
	bun.BaseModel `bun:"table:recipes,alias:r"`

	ID             int64      `bun:"id,pk"`
	Name           string     `bun:"name"`
	Description    string     `bun:"description"`
	Category       string     `bun:"category"`
	Cuisine        string     `bun:"cuisine"`
	Tags           string     `bun:"tags"`
	Difficulty     string     `bun:"difficulty"`
	PrepTime       int        `bun:"prep_time"`
	CookTime       int        `bun:"cook_time"`
	Servings       int        `bun:"servings"`
	Ingredients    string     `bun:"ingredients"`
	Instructions   string     `bun:"instructions"`
	ImageOriginal  string     `bun:"image_original"`
	ImageLarge     string     `bun:"image_large"`
	ImageMedium    string     `bun:"image_medium"`
	ImageThumbnail string     `bun:"image_thumbnail"`
	YoutubeURL     string     `bun:"youtube_url"`
	SourceURL      string     `bun:"source_url"`
	DietaryTags    string     `bun:"dietary_tags"`
	Allergens      string     `bun:"allergens"`
	Calories       float64    `bun:"calories"`
	Protein        float64    `bun:"protein"`
	Carbohydrate   float64    `bun:"carbohydrate"`
	Fat            float64    `bun:"fat"`
	Fiber          float64    `bun:"fiber"`
	Sugars         float64    `bun:"sugars"`
	Sodium         float64    `bun:"sodium"`
	Rating         float64    `bun:"rating"`
	ReviewCount    int        `bun:"review_count"`
	FavoriteCount  int        `bun:"favorite_count"`
	CreatedAt      time.Time  `bun:"created_at"`
	UpdatedAt      time.Time  `bun:"updated_at"`
	DeletedAt      *time.Time `bun:"deleted_at"`
	IngredientText string     `bun:"ingredient_text"`
	Facets         string     `bun:"facets"`
}

// recipeKept are the columns that Save and Update never overwrite: the
// stores maintain them.
var recipeKept = []string{"id", "rating", "review_count", "favorite_count", "created_at", "deleted_at"}

// ingredientJSON is the stored form of recipe.Ingredient; the domain type
// carries no tags, so the column's shape is fixed here.
type ingredientJSON struct {
	Name     string   `json:"name"`
	Measure  string   `json:"measure"`
	Quantity *float64 `json:"quantity"`
	Unit     string   `json:"unit"`
	Food     string   `json:"food"`
	Note     string   `json:"note"`
	Section  string   `json:"section"`
}

func recipeFromDomain(r *recipe.Recipe) (*recipeRow, error) {
	ings := make([]ingredientJSON, len(r.Ingredients))
	for i, in := range r.Ingredients {
		ings[i] = ingredientJSON(in)
	}
	var texts [6]string
	for i, v := range []any{list(r.Tags), ings, list(r.Instructions), list(r.DietaryTags), list(r.Allergens),
		facets(r)} {
		var err error
		if texts[i], err = jsonText(v); err != nil {
			return nil, err
		}
	}
	n := r.Nutrition
	return &recipeRow{
		ID: r.ID, Name: r.Name, Description: r.Description, Category: r.Category, Cuisine: r.Cuisine,
		Tags: texts[0], Difficulty: string(r.Difficulty), PrepTime: r.PrepTime, CookTime: r.CookTime,
		Servings: r.Servings, Ingredients: texts[1], Instructions: texts[2], ImageOriginal: r.Images.Original,
		ImageLarge: r.Images.Large, ImageMedium: r.Images.Medium, ImageThumbnail: r.Images.Thumbnail,
		YoutubeURL: r.YoutubeURL, SourceURL: r.SourceURL, DietaryTags: texts[3], Allergens: texts[4],
		Calories: n.Calories, Protein: n.Protein, Carbohydrate: n.Carbohydrate, Fat: n.Fat, Fiber: n.Fiber,
		Sugars: n.Sugars, Sodium: n.Sodium, Rating: r.Rating, ReviewCount: r.ReviewCount,
		FavoriteCount: r.FavoriteCount, CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt),
		DeletedAt: utcPtr(r.DeletedAt), IngredientText: ingredientText(r.Ingredients), Facets: texts[5],
	}, nil
}

func (row *recipeRow) toDomain() (*recipe.Recipe, error) {
	var ings []ingredientJSON
	r := &recipe.Recipe{
		ID: row.ID, Name: row.Name, Description: row.Description, Category: row.Category, Cuisine: row.Cuisine,
		Difficulty: recipe.Difficulty(row.Difficulty), PrepTime: row.PrepTime, CookTime: row.CookTime,
		Servings: row.Servings, YoutubeURL: row.YoutubeURL, SourceURL: row.SourceURL,
		Images: recipe.Images{Original: row.ImageOriginal, Large: row.ImageLarge, Medium: row.ImageMedium,
			Thumbnail: row.ImageThumbnail},
		Nutrition: recipe.Nutrients{Calories: row.Calories, Protein: row.Protein, Carbohydrate: row.Carbohydrate,
			Fat: row.Fat, Fiber: row.Fiber, Sugars: row.Sugars, Sodium: row.Sodium},
		Rating: row.Rating, ReviewCount: row.ReviewCount, FavoriteCount: row.FavoriteCount,
		CreatedAt: utc(row.CreatedAt), UpdatedAt: utc(row.UpdatedAt), DeletedAt: utcPtr(row.DeletedAt),
	}
	for _, f := range []struct {
		data string
		into any
	}{{row.Tags, &r.Tags}, {row.Ingredients, &ings}, {row.Instructions, &r.Instructions},
		{row.DietaryTags, &r.DietaryTags}, {row.Allergens, &r.Allergens}} {
		if err := json.Unmarshal([]byte(f.data), f.into); err != nil {
			return nil, err
		}
	}
	r.Tags, r.Instructions = list(r.Tags), list(r.Instructions)
	r.DietaryTags, r.Allergens = list(r.DietaryTags), list(r.Allergens)
	r.Ingredients = make([]recipe.Ingredient, len(ings))
	for i, in := range ings {
		r.Ingredients[i] = recipe.Ingredient(in)
	}
	return r, nil
}

// jsonText encodes v as JSON without HTML escaping, which would only put
// "\u0026" where a tag says "&" and feed it to the full-text index.
func jsonText(v any) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// foldText is how text filters compare: lower-cased, on one line.
func foldText(s string) string {
	return strings.ToLower(strings.NewReplacer("\n", " ", "\r", " ").Replace(s))
}

// ingredientText holds every ingredient name and food key, folded, one per
// line: a filter's text (folded the same way, so without line breaks) can
// only match inside one of them, never across two.
func ingredientText(ings []recipe.Ingredient) string {
	lines := make([]string, 0, 2*len(ings))
	for _, in := range ings {
		lines = append(lines, foldText(in.Name))
		if in.Food != "" {
			lines = append(lines, foldText(in.Food))
		}
	}
	return strings.Join(lines, "\n")
}

// Facet prefixes: one array holds tags, dietary tags and allergens, so that
// one index answers "has every one of" for any mix of them.
const (
	facetTag      = "tag:"
	facetDiet     = "diet:"
	facetAllergen = "allergen:"
)

func facets(r *recipe.Recipe) []string {
	out := make([]string, 0, len(r.Tags)+len(r.DietaryTags)+len(r.Allergens))
	seen := map[string]bool{}
	add := func(prefix string, values []string) {
		for _, v := range values {
			if f := facet(prefix, v); !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	add(facetTag, r.Tags)
	add(facetDiet, r.DietaryTags)
	add(facetAllergen, r.Allergens)
	return out
}

func facet(prefix, value string) string { return prefix + strings.TrimSpace(foldText(value)) }
