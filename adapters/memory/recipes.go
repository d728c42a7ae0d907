package memory

import (
	"context"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/ports"
)

// RecipeRepository is the in-memory ports.RecipeRepository of a Store.
type RecipeRepository struct{ s *Store }

var _ ports.RecipeRepository = (*RecipeRepository)(nil)

var (
	errRecipeNotFound = domain.NotFound("recipe not found")
	errRecipeTaken    = domain.Conflict("record already exists")
	errRecipeID       = domain.Invalid("recipe id must be a positive integer",
		map[string]string{"id": "must be a positive integer"})
)

// copyRecipe deep-copies r, normalising it as the SQL adapter stores it:
// lists never nil, times in UTC to the microsecond.
func copyRecipe(r *recipe.Recipe) *recipe.Recipe {
	c := *r
	c.Tags, c.Instructions = copyList(r.Tags), copyList(r.Instructions)
	c.DietaryTags, c.Allergens = copyList(r.DietaryTags), copyList(r.Allergens)
	c.Ingredients = make([]recipe.Ingredient, len(r.Ingredients))
	for i, in := range r.Ingredients {
		if in.Quantity != nil {
			q := *in.Quantity
			in.Quantity = &q
		}
		c.Ingredients[i] = in
	}
	c.CreatedAt, c.UpdatedAt, c.DeletedAt = utc(r.CreatedAt), utc(r.UpdatedAt), utcPtr(r.DeletedAt)
	return &c
}

// liveRecipe returns the stored recipe if it exists and is not deleted.
func (s *Store) liveRecipe(id int64) (*recipe.Recipe, error) {
	r, ok := s.recipes[id]
	if !ok || r.DeletedAt != nil {
		return nil, errRecipeNotFound
	}
	return r, nil
}

// Create stores a new recipe; an ID of 0 is assigned the largest stored id
// (deleted recipes included) plus one, written back to r. CONFLICT when the
// id is taken.
func (r *RecipeRepository) Create(_ context.Context, rec *recipe.Recipe) error {
	if rec.ID < 0 {
		return errRecipeID
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	id := rec.ID
	if id == 0 {
		for stored := range r.s.recipes {
			id = max(id, stored)
		}
		id++
	}
	if _, taken := r.s.recipes[id]; taken {
		return errRecipeTaken
	}
	c := copyRecipe(rec)
	c.ID = id
	r.s.recipes[id] = c
	rec.ID = id
	return nil
}

// Save inserts the recipe or replaces the one with its id, keeping the
// stored aggregates, creation and deletion times.
func (r *RecipeRepository) Save(ctx context.Context, rec *recipe.Recipe) error {
	return r.SaveMany(ctx, []*recipe.Recipe{rec})
}

// SaveMany saves the recipes in order, all or none.
func (r *RecipeRepository) SaveMany(_ context.Context, recs []*recipe.Recipe) error {
	for _, rec := range recs {
		if rec.ID <= 0 {
			return errRecipeID
		}
	}
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	for _, rec := range recs {
		c := copyRecipe(rec)
		if cur, ok := r.s.recipes[rec.ID]; ok {
			keepStored(c, cur)
		}
		r.s.recipes[rec.ID] = c
	}
	return nil
}

// keepStored puts back into next what only the stores maintain.
func keepStored(next, cur *recipe.Recipe) {
	next.ID, next.Rating, next.ReviewCount, next.FavoriteCount = cur.ID, cur.Rating, cur.ReviewCount, cur.FavoriteCount
	next.CreatedAt, next.DeletedAt = cur.CreatedAt, utcPtr(cur.DeletedAt)
}

// Get returns a live recipe. NOT_FOUND when unknown or deleted.
func (r *RecipeRepository) Get(_ context.Context, id int64) (*recipe.Recipe, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	rec, err := r.s.liveRecipe(id)
	if err != nil {
		return nil, err
	}
	return copyRecipe(rec), nil
}

// GetMany returns the live recipes among ids, in the order of ids, once per
// mention; unknown and deleted ids are left out.
func (r *RecipeRepository) GetMany(_ context.Context, ids []int64) ([]*recipe.Recipe, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	out := make([]*recipe.Recipe, 0, len(ids))
	for _, id := range ids {
		if rec, err := r.s.liveRecipe(id); err == nil {
			out = append(out, copyRecipe(rec))
		}
	}
	return out, nil
}

// Update applies fn to a copy of a live recipe and stores the copy, keeping
// the stored aggregates, creation and deletion times. NOT_FOUND when unknown
// or deleted; an error from fn is returned as is and changes nothing.
func (r *RecipeRepository) Update(_ context.Context, id int64, fn func(*recipe.Recipe) error) (*recipe.Recipe, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	cur, err := r.s.liveRecipe(id)
	if err != nil {
		return nil, err
	}
	next := copyRecipe(cur)
	if err := fn(next); err != nil {
		return nil, err
	}
	next = copyRecipe(next)
	keepStored(next, cur)
	r.s.recipes[id] = next
	return copyRecipe(next), nil
}

// Delete soft-deletes a live recipe. NOT_FOUND when unknown or already deleted.
func (r *RecipeRepository) Delete(_ context.Context, id int64, at time.Time) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	rec, err := r.s.liveRecipe(id)
	if err != nil {
		return err
	}
	deleted := utc(at)
	rec.DeletedAt = &deleted
	return nil
}
