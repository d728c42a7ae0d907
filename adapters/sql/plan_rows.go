package sql

import (
	"context"
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain/planning"
)

// sqlDate is a calendar date column: a date in PostgreSQL, 'YYYY-MM-DD' text
// in SQLite, where text order is date order.
type sqlDate planning.Date

// Value writes the date as 'YYYY-MM-DD', which PostgreSQL reads as a date.
func (d sqlDate) Value() (driver.Value, error) { return planning.Date(d).String(), nil }

// Scan reads a date as either driver returns it: pgx gives midnight UTC as a
// time, SQLite the stored text.
func (d *sqlDate) Scan(src any) error {
	var text string
	switch v := src.(type) {
	case time.Time:
		*d = sqlDate(planning.NewDate(v.UTC().Date()))
		return nil
	case string:
		text = v
	case []byte:
		text = string(v)
	default:
		return fmt.Errorf("sql: cannot read %T as a date", src)
	}
	t, err := time.Parse(time.DateOnly, text)
	if err != nil {
		return fmt.Errorf("sql: stored date %q: %w", text, err)
	}
	*d = sqlDate(planning.NewDate(t.Date()))
	return nil
}

type planRow struct {
	bun.BaseModel `bun:"table:meal_plans,alias:p"`

	ID        string    `bun:"id,pk"`
	UserID    string    `bun:"user_id"`
	WeekStart sqlDate   `bun:"week_start"`
	Notes     string    `bun:"notes"`
	Version   int       `bun:"version"`
	CreatedAt time.Time `bun:"created_at"`
	UpdatedAt time.Time `bun:"updated_at"`
}

type slotRow struct {
	bun.BaseModel `bun:"table:meal_plan_slots,alias:ms"`

	PlanID     string    `bun:"plan_id,pk"`
	Day        sqlDate   `bun:"day,pk"`
	MealType   string    `bun:"meal_type,pk"`
	RecipeID   int64     `bun:"recipe_id"`
	RecipeName string    `bun:"recipe_name"`
	Thumbnail  string    `bun:"thumbnail"`
	Category   string    `bun:"category"`
	Servings   int       `bun:"servings"`
	AddedAt    time.Time `bun:"added_at"`
	Note       string    `bun:"note"`
}

func planFromDomain(p *planning.Plan) *planRow {
	return &planRow{ID: p.ID, UserID: p.UserID, WeekStart: sqlDate(p.WeekStart), Notes: p.Notes,
		Version: p.Version, CreatedAt: utc(p.CreatedAt), UpdatedAt: utc(p.UpdatedAt)}
}

func slotsFromDomain(p *planning.Plan) []slotRow {
	rows := make([]slotRow, 0, p.MealCount())
	for d, meals := range p.Days {
		for m, s := range meals {
			rows = append(rows, slotRow{PlanID: p.ID, Day: sqlDate(d), MealType: string(m), RecipeID: s.RecipeID,
				RecipeName: s.RecipeName, Thumbnail: s.Thumbnail, Category: s.Category, Servings: s.Servings,
				AddedAt: utc(s.AddedAt), Note: s.Note})
		}
	}
	return rows
}

// toDomain rebuilds the plan through the domain's checks. A stored plan that
// fails them is the database's fault, not the caller's: the error is internal.
func (r *planRow) toDomain(slots []slotRow) (*planning.Plan, error) {
	days := planning.Days{}
	for _, s := range slots {
		d := planning.Date(s.Day)
		if days[d] == nil {
			days[d] = map[planning.MealType]planning.Slot{}
		}
		days[d][planning.MealType(s.MealType)] = planning.Slot{RecipeID: s.RecipeID, RecipeName: s.RecipeName,
			Thumbnail: s.Thumbnail, Category: s.Category, Servings: s.Servings, AddedAt: utc(s.AddedAt), Note: s.Note}
	}
	p, err := planning.Restore(r.ID, r.UserID, planning.Date(r.WeekStart), days, r.Notes,
		utc(r.CreatedAt), utc(r.UpdatedAt))
	if err != nil {
		return nil, fmt.Errorf("sql: stored meal plan %s is invalid: %v", r.ID, err)
	}
	p.Version = r.Version
	return p, nil
}

// withSlots loads the slots of the plan rows and rebuilds the plans, in the
// rows' order.
func withSlots(ctx context.Context, db bun.IDB, rows []planRow) ([]*planning.Plan, error) {
	out := make([]*planning.Plan, 0, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	ids := make([]string, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
	}
	var slots []slotRow
	if err := db.NewSelect().Model(&slots).Where("ms.plan_id IN (?)", bun.In(ids)).Scan(ctx); err != nil {
		return nil, translate(err)
	}
	byPlan := map[string][]slotRow{}
	for _, s := range slots {
		byPlan[s.PlanID] = append(byPlan[s.PlanID], s)
	}
	for i := range rows {
		p, err := rows[i].toDomain(byPlan[rows[i].ID])
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}
