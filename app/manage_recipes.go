package app

import (
	"context"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
)

// CreateRecipe adds a recipe to the catalogue (admins only).
func (c *Catalogue) CreateRecipe(ctx context.Context, p Principal, in recipe.Recipe) (*recipe.Recipe, error) {
	if !p.IsAdmin() {
		return nil, errAdminOnly
	}
	r, err := recipe.New(in, c.foods, c.Clock.Now())
	if err != nil {
		return nil, err
	}
	if err := c.Recipes.Create(ctx, r); err != nil {
		if domain.IsCode(err, domain.CodeConflict) {
			return nil, domain.Conflict("a recipe with this id already exists")
		}
		return nil, err
	}
	c.changed(ctx, "recipe created", r.ID, p)
	return r, nil
}

// UpdateRecipe changes a recipe (admins only): edit receives the stored
// recipe and writes the new fields into it; PUT replaces all written fields,
// PATCH only those given. Derived fields are recomputed.
func (c *Catalogue) UpdateRecipe(ctx context.Context, p Principal, id int64, edit func(*recipe.Recipe)) (*recipe.Recipe, error) {
	if !p.IsAdmin() {
		return nil, errAdminOnly
	}
	now := c.Clock.Now()
	r, err := c.Recipes.Update(ctx, id, func(r *recipe.Recipe) error {
		edit(r)
		r.ID = id
		if err := recipe.Normalise(r); err != nil {
			return err
		}
		recipe.Analyse(r, c.foods)
		r.UpdatedAt = now.UTC()
		return nil
	})
	if err != nil {
		return nil, notFoundAs(err, errRecipeNotFound)
	}
	c.changed(ctx, "recipe updated", id, p)
	return r, nil
}

// DeleteRecipe soft-deletes a recipe (admins only); plans keep their copies.
func (c *Catalogue) DeleteRecipe(ctx context.Context, p Principal, id int64) error {
	if !p.IsAdmin() {
		return errAdminOnly
	}
	if err := c.Recipes.Delete(ctx, id, c.Clock.Now()); err != nil {
		return notFoundAs(err, errRecipeNotFound)
	}
	c.changed(ctx, "recipe deleted", id, p)
	return nil
}

// changed invalidates every cached catalogue read and logs the admin write.
func (c *Catalogue) changed(ctx context.Context, what string, id int64, p Principal) {
	c.cache.bump(ctx)
	c.Logger.Info(what, "recipe_id", id, "by", p.UserID)
}
