package app

import (
	"context"
	"strconv"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/ports"
)

// AddFavorite marks a live recipe as a favourite of the caller (idempotent).
func (c *Catalogue) AddFavorite(ctx context.Context, p Principal, id int64) error {
	r, err := c.recipe(ctx, id)
	if err != nil {
		return err
	}
	if err := c.Favorites.Add(ctx, p.UserID, id, c.Clock.Now()); err != nil {
		return err
	}
	c.recordLater(p.UserID, activity.FavoriteRecipe, "Saved "+r.Name, strconv.FormatInt(id, 10))
	c.events.send(ctx, p, ports.EventRecipeFavorited, id, nil)
	return nil
}

// RemoveFavorite unmarks a favourite (idempotent, even for unknown recipes).
func (c *Catalogue) RemoveFavorite(ctx context.Context, p Principal, id int64) error {
	if id <= 0 {
		return domain.Invalid("invalid recipe id", map[string]string{"id": "must be a positive integer"})
	}
	if err := c.Favorites.Remove(ctx, p.UserID, id); err != nil {
		return err
	}
	c.recordLater(p.UserID, activity.UnfavoriteRecipe, "Removed a favourite", strconv.FormatInt(id, 10))
	return nil
}

// FavoriteRecipes lists a user's favourite recipes, newest first ("me" allowed).
func (c *Catalogue) FavoriteRecipes(ctx context.Context, p Principal, userID string, page PageRequest) (Page[recipe.Summary], error) {
	id, err := p.resolveUser(userID)
	if err != nil {
		return Page[recipe.Summary]{}, err
	}
	if _, err := c.Users.Get(ctx, id); err != nil {
		return Page[recipe.Summary]{}, notFoundAs(err, errUserNotFound)
	}
	favs, total, err := c.Favorites.List(ctx, id, page.offset(), page.Limit)
	if err != nil {
		return Page[recipe.Summary]{}, err
	}
	ids := make([]int64, len(favs))
	for i, f := range favs {
		ids[i] = f.RecipeID
	}
	rs, err := c.Recipes.GetMany(ctx, ids)
	if err != nil {
		return Page[recipe.Summary]{}, err
	}
	return Page[recipe.Summary]{Items: summaries(rs), Total: total, Page: page.Page, Limit: page.Limit}, nil
}

// RatingResult is a recipe's rating after the caller rated it.
type RatingResult struct {
	RecipeID    int64
	Rating      float64
	ReviewCount int
	MyRating    int
}

// Rate sets the caller's stars (1–5) for a recipe.
func (c *Catalogue) Rate(ctx context.Context, p Principal, id int64, stars int) (RatingResult, error) {
	if stars < 1 || stars > 5 {
		return RatingResult{}, domain.Invalid("stars must be between 1 and 5", map[string]string{"stars": "must be between 1 and 5"})
	}
	r, err := c.recipe(ctx, id)
	if err != nil {
		return RatingResult{}, err
	}
	mean, count, err := c.Ratings.Rate(ctx, p.UserID, id, stars, c.Clock.Now())
	if err != nil {
		return RatingResult{}, notFoundAs(err, errRecipeNotFound)
	}
	// The recipe's rating shows in cached details and searches.
	c.cache.bump(ctx)
	c.recordLater(p.UserID, activity.RateRecipe, "Rated "+r.Name+" "+strconv.Itoa(stars)+" stars", strconv.FormatInt(id, 10))
	c.events.rated(ctx, p, id, stars)
	return RatingResult{RecipeID: id, Rating: mean, ReviewCount: count, MyRating: stars}, nil
}
