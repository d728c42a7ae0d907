package http

import (
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
)

// ingredientInJSON is an ingredient as an admin writes it: the display text
// in measure, or its parts (quantity, unit, note) to compose it from.
type ingredientInJSON struct {
	Name     string   `json:"name"`
	Measure  *string  `json:"measure"`
	Quantity *float64 `json:"quantity"`
	Unit     string   `json:"unit"`
	Note     string   `json:"note"`
}

// recipeWriteJSON is the body of POST and PUT: every written field of a
// recipe. Derived fields (tags from ingredients, nutrition) and the picture
// are not written here.
type recipeWriteJSON struct {
	ID           string             `json:"id"` // POST only, optional: keep an imported recipe's id
	Name         string             `json:"name"`
	Description  string             `json:"description"`
	Category     string             `json:"category"`
	Cuisine      string             `json:"cuisine"`
	Tags         []string           `json:"tags"`
	Difficulty   string             `json:"difficulty"`
	PrepTime     int                `json:"prepTime"`
	CookTime     int                `json:"cookTime"`
	Servings     int                `json:"servings"`
	Ingredients  []ingredientInJSON `json:"ingredients"`
	Instructions []string           `json:"instructions"`
	YoutubeURL   string             `json:"youtubeUrl"`
	SourceURL    string             `json:"sourceUrl"`
}

// maxQuantity bounds a written quantity; anything larger is a typing slip.
const maxQuantity = 100_000

// toIngredients turns written ingredients into the domain's, composing a
// measure from its parts when none is given ("1.5 cup, chopped").
func toIngredients(in []ingredientInJSON, errs *domain.FieldErrors) []recipe.Ingredient {
	out := make([]recipe.Ingredient, 0, len(in))
	for _, i := range in {
		m := ""
		switch {
		case i.Measure != nil:
			m = *i.Measure
		case i.Quantity != nil && !(*i.Quantity > 0 && *i.Quantity <= maxQuantity):
			errs.Add("ingredients", "quantity must be a number above 0 and at most 100000")
		default:
			m = composeMeasure(i.Quantity, i.Unit, i.Note)
		}
		out = append(out, recipe.Ingredient{Name: i.Name, Measure: m})
	}
	return out
}

func composeMeasure(quantity *float64, unit, note string) string {
	var parts []string
	if quantity != nil {
		// Three decimals drop float noise (0.1+0.2) and keep thirds readable.
		parts = append(parts, strconv.FormatFloat(math.Round(*quantity*1000)/1000, 'f', -1, 64))
	}
	if u := strings.TrimSpace(unit); u != "" {
		parts = append(parts, u)
	}
	m := strings.Join(parts, " ")
	if n := strings.TrimSpace(note); n != "" {
		if m != "" {
			m += ", "
		}
		m += n
	}
	return m
}

// writeTo replaces the written fields of r.
func (j recipeWriteJSON) writeTo(r *recipe.Recipe, ingredients []recipe.Ingredient) {
	r.Name, r.Description, r.Category, r.Cuisine = j.Name, j.Description, j.Category, j.Cuisine
	r.Tags, r.Difficulty, r.PrepTime, r.CookTime = j.Tags, recipe.Difficulty(j.Difficulty), j.PrepTime, j.CookTime
	r.Servings, r.Ingredients, r.Instructions = j.Servings, ingredients, j.Instructions
	r.YoutubeURL, r.SourceURL = j.YoutubeURL, j.SourceURL
}

func handleRecipeCreate(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[recipeWriteJSON](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		var errs domain.FieldErrors
		var rec recipe.Recipe
		in.writeTo(&rec, toIngredients(in.Ingredients, &errs))
		if in.ID != "" {
			if rec.ID, err = parseRecipeID(in.ID); err != nil {
				errs.Add("id", "must be a positive integer without leading zeros")
			}
		}
		if err := errs.Err(); err != nil {
			writeError(w, r, err)
			return
		}
		created, err := cat.CreateRecipe(r.Context(), principalFrom(r.Context()), rec)
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusCreated, toRecipeJSON(created))
	}
}

func handleRecipeReplace(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		in, err := decode[recipeWriteJSON](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		var errs domain.FieldErrors
		ingredients := toIngredients(in.Ingredients, &errs)
		if err := errs.Err(); err != nil {
			writeError(w, r, err)
			return
		}
		updateRecipe(w, r, cat, id, func(rec *recipe.Recipe) { in.writeTo(rec, ingredients) })
	}
}

// recipePatchJSON is the body of PATCH: only the fields given change.
type recipePatchJSON struct {
	Name         *string             `json:"name"`
	Description  *string             `json:"description"`
	Category     *string             `json:"category"`
	Cuisine      *string             `json:"cuisine"`
	Tags         *[]string           `json:"tags"`
	Difficulty   *string             `json:"difficulty"`
	PrepTime     *int                `json:"prepTime"`
	CookTime     *int                `json:"cookTime"`
	Servings     *int                `json:"servings"`
	Ingredients  *[]ingredientInJSON `json:"ingredients"`
	Instructions *[]string           `json:"instructions"`
	YoutubeURL   *string             `json:"youtubeUrl"` // "" removes the link
	SourceURL    *string             `json:"sourceUrl"`
}

func (j recipePatchJSON) writeTo(r *recipe.Recipe, ingredients []recipe.Ingredient) {
	set(&r.Name, j.Name)
	set(&r.Description, j.Description)
	set(&r.Category, j.Category)
	set(&r.Cuisine, j.Cuisine)
	set(&r.Tags, j.Tags)
	if j.Difficulty != nil {
		r.Difficulty = recipe.Difficulty(*j.Difficulty)
	}
	set(&r.PrepTime, j.PrepTime)
	set(&r.CookTime, j.CookTime)
	set(&r.Servings, j.Servings)
	if j.Ingredients != nil {
		r.Ingredients = ingredients
	}
	set(&r.Instructions, j.Instructions)
	set(&r.YoutubeURL, j.YoutubeURL)
	set(&r.SourceURL, j.SourceURL)
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func handleRecipePatch(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		in, err := decode[recipePatchJSON](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		var errs domain.FieldErrors
		var ingredients []recipe.Ingredient
		if in.Ingredients != nil {
			ingredients = toIngredients(*in.Ingredients, &errs)
		}
		if err := errs.Err(); err != nil {
			writeError(w, r, err)
			return
		}
		updateRecipe(w, r, cat, id, func(rec *recipe.Recipe) { in.writeTo(rec, ingredients) })
	}
}

// updateRecipe runs an admin edit of a recipe and answers with the result.
func updateRecipe(w http.ResponseWriter, r *http.Request, cat *app.Catalogue, id int64, edit func(*recipe.Recipe)) {
	updated, err := cat.UpdateRecipe(r.Context(), principalFrom(r.Context()), id, edit)
	if err != nil {
		writeError(w, r, err)
		return
	}
	respond(w, r, http.StatusOK, toRecipeJSON(updated))
}

func handleRecipeDelete(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		if err := cat.DeleteRecipe(r.Context(), principalFrom(r.Context()), id); err != nil {
			writeError(w, r, err)
			return
		}
		respondNoContent(w)
	}
}
