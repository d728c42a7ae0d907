package http

import (
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain/shopping"
)

// shoppingListJSON is the contract's ShoppingList.
type shoppingListJSON struct {
	ID           string             `json:"id"`
	UserID       string             `json:"userId"`
	MealPlanID   *string            `json:"mealPlanId"`
	WeekStart    string             `json:"weekStart"`
	Name         string             `json:"name"`
	Items        []shoppingItemJSON `json:"items"`
	Sections     []sectionJSON      `json:"sections"`
	CheckedCount int                `json:"checkedCount"`
	TotalCount   int                `json:"totalCount"`
	ShareID      *string            `json:"shareId"`
	CreatedAt    time.Time          `json:"createdAt"`
	UpdatedAt    time.Time          `json:"updatedAt"`
}

// shoppingItemJSON is the contract's Item; category is the store section.
type shoppingItemJSON struct {
	ID            string           `json:"id"`
	Name          string           `json:"name"`
	Quantity      string           `json:"quantity"`
	Unit          string           `json:"unit"`
	Category      string           `json:"category"`
	Checked       bool             `json:"checked"`
	RecipeIDs     []string         `json:"recipeIds"`
	Sources       []itemSourceJSON `json:"sources"`
	Note          string           `json:"note"`
	AddedManually bool             `json:"addedManually"`
}

// itemSourceJSON is one recipe line behind an item. A quantity someone added
// by hand to a generated item has no recipe: recipeId null, recipeName "".
type itemSourceJSON struct {
	RecipeID   *string `json:"recipeId"`
	RecipeName string  `json:"recipeName"`
	Measure    string  `json:"measure"`
}

type sectionJSON struct {
	Name    string `json:"name"`
	Total   int    `json:"total"`
	Checked int    `json:"checked"`
}

type shoppingListPageJSON struct {
	ShoppingLists []shoppingListJSON `json:"shoppingLists"`
	Total         int                `json:"total"`
	Page          int                `json:"page"`
	Limit         int                `json:"limit"`
	TotalPages    int                `json:"totalPages"`
}

// sharedListJSON is what a share link shows: the list without its owner or
// the link's own id, plus when the link stops working.
type sharedListJSON struct {
	ID           string             `json:"id"`
	WeekStart    string             `json:"weekStart"`
	Name         string             `json:"name"`
	Items        []shoppingItemJSON `json:"items"`
	Sections     []sectionJSON      `json:"sections"`
	CheckedCount int                `json:"checkedCount"`
	TotalCount   int                `json:"totalCount"`
	CreatedAt    time.Time          `json:"createdAt"`
	UpdatedAt    time.Time          `json:"updatedAt"`
	ExpiresAt    time.Time          `json:"expiresAt"`
}

type shareLinkJSON struct {
	ShareID   string    `json:"shareId"`
	ShareURL  string    `json:"shareUrl"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// newShoppingListJSON maps a list for its owner; the export reuses it.
func newShoppingListJSON(l *shopping.List) shoppingListJSON {
	sections, checked, total := l.Progress()
	out := shoppingListJSON{ID: l.ID, UserID: l.UserID, WeekStart: l.WeekStart.String(), Name: l.Name,
		Items: newShoppingItemsJSON(l.Items), Sections: newSectionsJSON(sections), CheckedCount: checked,
		TotalCount: total, CreatedAt: l.CreatedAt.UTC(), UpdatedAt: l.UpdatedAt.UTC()}
	if l.MealPlanID != "" {
		out.MealPlanID = &l.MealPlanID
	}
	if l.Share != nil {
		out.ShareID = &l.Share.ID
	}
	return out
}

func newSharedListJSON(l *shopping.List) sharedListJSON {
	owned := newShoppingListJSON(l)
	out := sharedListJSON{ID: owned.ID, WeekStart: owned.WeekStart, Name: owned.Name, Items: owned.Items,
		Sections: owned.Sections, CheckedCount: owned.CheckedCount, TotalCount: owned.TotalCount,
		CreatedAt: owned.CreatedAt, UpdatedAt: owned.UpdatedAt}
	if l.Share != nil {
		out.ExpiresAt = l.Share.ExpiresAt.UTC()
	}
	return out
}

func newShoppingListPageJSON(p app.Page[*shopping.List]) shoppingListPageJSON {
	out := shoppingListPageJSON{ShoppingLists: make([]shoppingListJSON, 0, len(p.Items)), Total: p.Total,
		Page: p.Page, Limit: p.Limit}
	if p.Limit > 0 {
		out.TotalPages = (p.Total + p.Limit - 1) / p.Limit
	}
	for _, l := range p.Items {
		out.ShoppingLists = append(out.ShoppingLists, newShoppingListJSON(l))
	}
	return out
}

func newShoppingItemsJSON(items []shopping.Item) []shoppingItemJSON {
	out := make([]shoppingItemJSON, 0, len(items))
	for _, it := range items {
		j := shoppingItemJSON{ID: it.ID, Name: it.Name, Quantity: it.Quantity, Unit: it.Unit, Category: it.Section,
			Checked: it.Checked, RecipeIDs: make([]string, 0, len(it.RecipeIDs)),
			Sources: make([]itemSourceJSON, 0, len(it.Sources)), Note: it.Note, AddedManually: it.Manual}
		for _, id := range it.RecipeIDs {
			if id > 0 {
				j.RecipeIDs = append(j.RecipeIDs, recipeIDString(id))
			}
		}
		for _, s := range it.Sources {
			src := itemSourceJSON{RecipeName: s.RecipeName, Measure: s.Measure}
			if s.RecipeID > 0 {
				id := recipeIDString(s.RecipeID)
				src.RecipeID = &id
			}
			j.Sources = append(j.Sources, src)
		}
		out = append(out, j)
	}
	return out
}

func newSectionsJSON(sections []shopping.SectionCount) []sectionJSON {
	out := make([]sectionJSON, 0, len(sections))
	for _, s := range sections {
		out = append(out, sectionJSON{Name: s.Name, Total: s.Total, Checked: s.Checked})
	}
	return out
}
