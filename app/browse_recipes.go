package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/nutrition"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/ports"
)

// How long catalogue reads stay cached; any admin write invalidates them sooner.
const (
	recipeTTL = time.Hour
	searchTTL = 5 * time.Minute
	listTTL   = time.Hour
)

// SearchInput is the input of Search.
type SearchInput struct {
	Criteria recipe.Criteria
	Page     PageRequest
	// ForMe adds the caller's dietary preferences, allergies and dislikes.
	ForMe bool
}

// Search finds recipes. With no criteria it lists the whole catalogue.
func (c *Catalogue) Search(ctx context.Context, p Principal, in SearchInput) (Page[recipe.Summary], error) {
	crit := in.Criteria
	if in.ForMe {
		u, err := c.Users.Get(ctx, p.UserID)
		if err != nil {
			return Page[recipe.Summary]{}, notFoundAs(err, errUserNotFound)
		}
		crit.Dietary = append(crit.Dietary, u.Preferences.Dietary...)
		crit.ExcludeAllergens = append(crit.ExcludeAllergens, u.Preferences.Allergies...)
		crit.ExcludeIngredients = append(crit.ExcludeIngredients, u.Preferences.DislikedIngredients...)
	}
	if err := crit.Check(); err != nil {
		return Page[recipe.Summary]{}, err
	}
	crit.Offset, crit.Limit = in.Page.offset(), in.Page.Limit
	type result struct {
		Items []recipe.Summary
		Total int
	}
	res, err := load(ctx, c.cache, "search:"+digest(crit), searchTTL, func() (result, error) {
		items, total, err := c.Recipes.Search(ctx, crit)
		return result{items, total}, err
	})
	if err != nil {
		return Page[recipe.Summary]{}, err
	}
	if res.Items == nil {
		res.Items = []recipe.Summary{}
	}
	return Page[recipe.Summary]{Items: res.Items, Total: res.Total, Page: in.Page.Page, Limit: in.Page.Limit}, nil
}

func digest(v any) string {
	b, _ := json.Marshal(v)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

// Recipe returns one live recipe and notes the view in the caller's log.
func (c *Catalogue) Recipe(ctx context.Context, p Principal, id int64) (*recipe.Recipe, error) {
	r, err := c.recipe(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.UserID != "" {
		c.recordLater(p.UserID, activity.ViewRecipe, "Viewed "+r.Name, strconv.FormatInt(id, 10))
		c.events.send(ctx, p, ports.EventRecipeViewed, id, nil)
	}
	return r, nil
}

func (c *Catalogue) recipe(ctx context.Context, id int64) (*recipe.Recipe, error) {
	if id <= 0 {
		return nil, domain.Invalid("invalid recipe id", map[string]string{"id": "must be a positive integer"})
	}
	r, err := load(ctx, c.cache, "recipe:"+strconv.FormatInt(id, 10), recipeTTL, func() (*recipe.Recipe, error) {
		return c.Recipes.Get(ctx, id)
	})
	return r, notFoundAs(err, errRecipeNotFound)
}

// RecipeNutrition is a recipe's nutrition with its per-line account.
type RecipeNutrition struct {
	RecipeID int64
	nutrition.RecipeNutrition
}

// Nutrition computes a recipe's nutrition from its ingredient lines.
func (c *Catalogue) Nutrition(ctx context.Context, id int64) (RecipeNutrition, error) {
	r, err := c.recipe(ctx, id)
	if err != nil {
		return RecipeNutrition{}, err
	}
	lines := make([]nutrition.Ingredient, len(r.Ingredients))
	for i, in := range r.Ingredients {
		lines[i] = nutrition.Ingredient{Name: in.Name, Measure: in.Measure}
	}
	return RecipeNutrition{RecipeID: id, RecipeNutrition: nutrition.ForRecipe(lines, r.Servings, c.foods)}, nil
}

// similarPool is how many same-category candidates similarity is judged among.
const similarPool = 200

// Similar returns the recipes most like the given one, itself excluded.
func (c *Catalogue) Similar(ctx context.Context, id int64, limit int) ([]recipe.Summary, error) {
	r, err := c.recipe(ctx, id)
	if err != nil {
		return nil, err
	}
	return load(ctx, c.cache, "similar:"+strconv.FormatInt(id, 10)+":"+strconv.Itoa(limit), recipeTTL, func() ([]recipe.Summary, error) {
		found, _, err := c.Recipes.Search(ctx, recipe.Criteria{Category: r.Category, Sort: recipe.SortRating, Limit: similarPool})
		if err != nil {
			return nil, err
		}
		ids := make([]int64, len(found))
		for i, s := range found {
			ids[i] = s.ID
		}
		candidates, err := c.Recipes.GetMany(ctx, ids)
		if err != nil {
			return nil, err
		}
		return summaries(recipe.MostSimilar(r, candidates, limit)), nil
	})
}

func summaries(rs []*recipe.Recipe) []recipe.Summary {
	out := make([]recipe.Summary, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.Summarise())
	}
	return out
}

// Categories lists the categories that hold recipes, with descriptions.
func (c *Catalogue) Categories(ctx context.Context) ([]recipe.CategoryInfo, error) {
	return load(ctx, c.cache, "categories", listTTL, func() ([]recipe.CategoryInfo, error) {
		list, err := c.Recipes.Categories(ctx)
		for i := range list {
			list[i].Description = recipe.CategoryDescriptions[list[i].Name]
		}
		return list, err
	})
}

// Cuisines lists the cuisines of the catalogue, sorted.
func (c *Catalogue) Cuisines(ctx context.Context) ([]string, error) {
	return load(ctx, c.cache, "cuisines", listTTL, func() ([]string, error) { return c.Recipes.Cuisines(ctx) })
}
