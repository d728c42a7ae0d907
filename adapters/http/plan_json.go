package http

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain/planning"
)

// planJSON is the contract's MealPlan. A week with nothing stored has a null
// id and null times: the client can tell it from a saved, emptied plan.
type planJSON struct {
	ID            *string                `json:"id"`
	UserID        string                 `json:"userId"`
	WeekStart     string                 `json:"weekStart"`
	WeekStartDate string                 `json:"weekStartDate"`
	Days          map[string]planDayJSON `json:"days"`
	MealCount     int                    `json:"mealCount"`
	Notes         string                 `json:"notes"`
	CreatedAt     *time.Time             `json:"createdAt"`
	UpdatedAt     *time.Time             `json:"updatedAt"`
}

// planDayJSON holds a day's slots; an empty slot is left out.
type planDayJSON struct {
	Breakfast *planSlotJSON `json:"breakfast,omitempty"`
	Lunch     *planSlotJSON `json:"lunch,omitempty"`
	Dinner    *planSlotJSON `json:"dinner,omitempty"`
	Snacks    *planSlotJSON `json:"snacks,omitempty"`
}

type planSlotJSON struct {
	RecipeID   string    `json:"recipeId"`
	RecipeName string    `json:"recipeName"`
	Thumbnail  string    `json:"thumbnail"`
	Category   string    `json:"category"`
	Servings   int       `json:"servings"`
	AddedAt    time.Time `json:"addedAt"`
	Note       string    `json:"note,omitempty"`
}

type planPageJSON struct {
	MealPlans  []planJSON `json:"mealPlans"`
	Total      int        `json:"total"`
	Page       int        `json:"page"`
	Limit      int        `json:"limit"`
	TotalPages int        `json:"totalPages"`
}

// newPlanJSON maps a plan to the contract's MealPlan, for every handler that
// returns one (the export and the AI routes included).
func newPlanJSON(p *planning.Plan) planJSON {
	ws := p.WeekStart.String()
	out := planJSON{UserID: p.UserID, WeekStart: ws, WeekStartDate: ws, Days: map[string]planDayJSON{},
		MealCount: p.MealCount(), Notes: p.Notes}
	if p.ID != "" {
		id, created, updated := p.ID, p.CreatedAt.UTC(), p.UpdatedAt.UTC()
		out.ID, out.CreatedAt, out.UpdatedAt = &id, &created, &updated
	}
	for _, day := range p.DaysInOrder() {
		var d planDayJSON
		for _, m := range day.Meals {
			*d.slot(m.Type) = newPlanSlotJSON(m.Slot)
		}
		out.Days[day.Date.String()] = d
	}
	return out
}

// slot is the field of d that holds meal type m.
func (d *planDayJSON) slot(m planning.MealType) **planSlotJSON {
	switch m {
	case planning.Breakfast:
		return &d.Breakfast
	case planning.Lunch:
		return &d.Lunch
	case planning.Dinner:
		return &d.Dinner
	}
	return &d.Snacks
}

func newPlanSlotJSON(s planning.Slot) *planSlotJSON {
	return &planSlotJSON{RecipeID: recipeIDString(s.RecipeID), RecipeName: s.RecipeName, Thumbnail: s.Thumbnail,
		Category: s.Category, Servings: s.Servings, AddedAt: s.AddedAt.UTC(), Note: s.Note}
}

func newPlanPageJSON(p app.Page[*planning.Plan]) planPageJSON {
	out := planPageJSON{MealPlans: make([]planJSON, 0, len(p.Items)), Total: p.Total, Page: p.Page, Limit: p.Limit}
	for _, plan := range p.Items {
		out.MealPlans = append(out.MealPlans, newPlanJSON(plan))
	}
	if p.Limit > 0 {
		out.TotalPages = (p.Total + p.Limit - 1) / p.Limit
	}
	return out
}

// planRecipeID is a recipe id as a client sends it: the contract's string of
// digits, or a JSON number. Anything else reads as 0, which the use cases
// refuse as "recipeId must be a positive integer" under the field's own path.
type planRecipeID int64

// UnmarshalJSON accepts "52772" and 52772 alike.
func (id *planRecipeID) UnmarshalJSON(b []byte) error {
	raw := string(bytes.TrimSpace(b))
	if strings.HasPrefix(raw, `"`) && json.Unmarshal(b, &raw) != nil {
		raw = ""
	}
	n, err := parseRecipeID(raw)
	if err != nil {
		n = 0
	}
	*id = planRecipeID(n)
	return nil
}

// planSlotInputJSON is a slot in a request. Copies of the recipe's fields a
// client may send back are ignored: they come from the catalogue.
type planSlotInputJSON struct {
	RecipeID planRecipeID `json:"recipeId"`
	Servings *int         `json:"servings"`
	Note     string       `json:"note"`
}

// planDaysJSON is the days of a request: date → meal type → slot.
type planDaysJSON map[string]map[string]planSlotInputJSON

// toInput keeps nil as nil: an absent days field is not an empty one.
func (d planDaysJSON) toInput() app.DaysInput {
	if d == nil {
		return nil
	}
	out := make(app.DaysInput, len(d))
	for date, day := range d {
		out[date] = make(map[string]app.SlotInput, len(day))
		for meal, s := range day {
			out[date][meal] = app.SlotInput{RecipeID: int64(s.RecipeID), Servings: s.Servings, Note: s.Note}
		}
	}
	return out
}
