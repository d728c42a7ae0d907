package sql

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain/measure"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/shopping"
)

type listRow struct {
	bun.BaseModel `bun:"table:shopping_lists,alias:l"`

	ID             string     `bun:"id,pk"`
	UserID         string     `bun:"user_id"`
	MealPlanID     *string    `bun:"meal_plan_id"`
	WeekStart      sqlDate    `bun:"week_start"`
	Name           string     `bun:"name"`
	Items          string     `bun:"items"`
	ShareID        *string    `bun:"share_id"`
	ShareExpiresAt *time.Time `bun:"share_expires_at"`
	Version        int        `bun:"version"`
	CreatedAt      time.Time  `bun:"created_at"`
	UpdatedAt      time.Time  `bun:"updated_at"`
}

// itemJSON is the stored form of shopping.Item, one element of the items
// column; the domain type carries no tags, so the column's shape is fixed
// here.
type itemJSON struct {
	ID        string       `json:"id"`
	Key       string       `json:"key"`
	Name      string       `json:"name"`
	Food      string       `json:"food"`
	Quantity  string       `json:"quantity"`
	Unit      string       `json:"unit"`
	Section   string       `json:"section"`
	Amount    float64      `json:"amount"`
	Dimension string       `json:"dimension"`
	RecipeIDs []int64      `json:"recipeIds"`
	Sources   []sourceJSON `json:"sources"`
	Note      string       `json:"note"`
	Checked   bool         `json:"checked"`
	Manual    bool         `json:"manual"`
}

type sourceJSON struct {
	RecipeID   int64  `json:"recipeId"`
	RecipeName string `json:"recipeName"`
	Measure    string `json:"measure"`
}

// dimensions reads back the names Dimension.String writes: a name survives a
// reordering of the constants, where their numbers would not.
var dimensions = map[string]measure.Dimension{
	measure.Unmeasured.String(): measure.Unmeasured, measure.Count.String(): measure.Count,
	measure.Mass.String(): measure.Mass, measure.Volume.String(): measure.Volume,
}

func listFromDomain(l *shopping.List) (*listRow, error) {
	items := make([]itemJSON, len(l.Items))
	for i, it := range l.Items {
		items[i] = itemJSON{ID: it.ID, Key: it.Key, Name: it.Name, Food: it.Food, Quantity: it.Quantity,
			Unit: it.Unit, Section: it.Section, Amount: it.Amount, Dimension: it.Dimension.String(),
			RecipeIDs: append([]int64{}, it.RecipeIDs...), Sources: make([]sourceJSON, len(it.Sources)),
			Note: it.Note, Checked: it.Checked, Manual: it.Manual}
		for j, s := range it.Sources {
			items[i].Sources[j] = sourceJSON(s)
		}
	}
	data, err := json.Marshal(items)
	if err != nil {
		return nil, fmt.Errorf("sql: encode the items of list %s: %w", l.ID, err)
	}
	row := &listRow{ID: l.ID, UserID: l.UserID, WeekStart: sqlDate(l.WeekStart), Name: l.Name, Items: string(data),
		Version: l.Version, CreatedAt: utc(l.CreatedAt), UpdatedAt: utc(l.UpdatedAt)}
	if l.MealPlanID != "" {
		planID := l.MealPlanID
		row.MealPlanID = &planID
	}
	if l.Share != nil {
		shareID := l.Share.ID
		row.ShareID, row.ShareExpiresAt = &shareID, nullTime(l.Share.ExpiresAt)
	}
	return row, nil
}

func (r *listRow) toDomain() (*shopping.List, error) {
	items, err := itemsToDomain(r.Items)
	if err != nil {
		return nil, fmt.Errorf("sql: stored items of list %s: %w", r.ID, err)
	}
	l := &shopping.List{ID: r.ID, UserID: r.UserID, WeekStart: planning.Date(r.WeekStart), Name: r.Name,
		Items: items, Version: r.Version, CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt)}
	if r.MealPlanID != nil {
		l.MealPlanID = *r.MealPlanID
	}
	if r.ShareID != nil {
		l.Share = &shopping.Share{ID: *r.ShareID, ExpiresAt: orZero(r.ShareExpiresAt)}
	}
	return l, nil
}

// itemsToDomain decodes the items column; every list in the result is
// empty rather than nil, as clients expect [].
func itemsToDomain(data string) ([]shopping.Item, error) {
	var stored []itemJSON
	if err := json.Unmarshal([]byte(data), &stored); err != nil {
		return nil, err
	}
	items := make([]shopping.Item, len(stored))
	for i, it := range stored {
		dim, ok := dimensions[it.Dimension]
		if !ok {
			return nil, fmt.Errorf("unknown dimension %q", it.Dimension)
		}
		items[i] = shopping.Item{ID: it.ID, Key: it.Key, Name: it.Name, Food: it.Food, Quantity: it.Quantity,
			Unit: it.Unit, Section: it.Section, Amount: it.Amount, Dimension: dim,
			RecipeIDs: append([]int64{}, it.RecipeIDs...), Sources: make([]shopping.Source, len(it.Sources)),
			Note: it.Note, Checked: it.Checked, Manual: it.Manual}
		for j, s := range it.Sources {
			items[i].Sources[j] = shopping.Source(s)
		}
	}
	return items, nil
}
