package sql

import (
	"context"

	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/ports"
)

// ShoppingListRepository is the ports.ShoppingListRepository of a database.
type ShoppingListRepository struct{ db *DB }

var _ ports.ShoppingListRepository = (*ShoppingListRepository)(nil)

// NewShoppingListRepository returns the shopping-list repository of db.
func NewShoppingListRepository(db *DB) *ShoppingListRepository { return &ShoppingListRepository{db: db} }

func (r *ShoppingListRepository) Save(context.Context, *shopping.List) error { return errTODO }
func (r *ShoppingListRepository) Get(context.Context, string, string) (*shopping.List, error) {
	return nil, errTODO
}
func (r *ShoppingListRepository) ForPlan(context.Context, string, string) (*shopping.List, error) {
	return nil, errTODO
}
func (r *ShoppingListRepository) List(context.Context, string, int, int) ([]*shopping.List, int, error) {
	return nil, 0, errTODO
}
func (r *ShoppingListRepository) Delete(context.Context, string, string) error { return errTODO }
func (r *ShoppingListRepository) Shared(context.Context, string) (*shopping.List, error) {
	return nil, errTODO
}
