package sql

import (
	"context"
	"errors"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/ports"
)

// PlanRepository is the ports.PlanRepository of a database.
type PlanRepository struct{ db *DB }

var _ ports.PlanRepository = (*PlanRepository)(nil)

// NewPlanRepository returns the meal-plan repository of db.
func NewPlanRepository(db *DB) *PlanRepository { return &PlanRepository{db: db} }

var errTODO = errors.New("not built yet")

func (r *PlanRepository) Save(context.Context, ...*planning.Plan) error { return errTODO }
func (r *PlanRepository) Get(context.Context, string, string) (*planning.Plan, error) {
	return nil, errTODO
}
func (r *PlanRepository) ForWeek(context.Context, string, planning.Date) (*planning.Plan, error) {
	return nil, errTODO
}
func (r *PlanRepository) List(context.Context, string, ports.PlanQuery) ([]*planning.Plan, int, error) {
	return nil, 0, errTODO
}
func (r *PlanRepository) Delete(context.Context, string, string) error { return errTODO }
func (r *PlanRepository) Planned(context.Context, string, planning.Date) ([]ports.PlannedRecipe, error) {
	return nil, errTODO
}
