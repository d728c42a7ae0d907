package http

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/shopping"
)

// shoppingOperations are the routes of CONTRACT §6.
var shoppingOperations = []string{
	"POST /shopping-lists/generate", "GET /shopping-lists", "GET /shopping-lists/{id}", "PATCH /shopping-lists/{id}",
	"DELETE /shopping-lists/{id}", "POST /shopping-lists/{id}/items", "PATCH /shopping-lists/{id}/items/{itemId}",
	"DELETE /shopping-lists/{id}/items/{itemId}", "POST /shopping-lists/{id}/uncheck-all",
	"POST /shopping-lists/{id}/share", "DELETE /shopping-lists/{id}/share", "GET /shopping-lists/shared/{shareId}",
}

// The shared list is the one HTML response the document describes; the
// checker reads its body as plain text.
func init() { openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder) }

func sampleList() *shopping.List {
	at := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	return &shopping.List{ID: "l1", UserID: "u1", MealPlanID: "p1", WeekStart: planning.NewDate(2026, 11, 22),
		Name: "Week of Nov 22, 2026", CreatedAt: at, UpdatedAt: at,
		Share: &shopping.Share{ID: "abcdefghijklmnopqrstuvwxyz012345", ExpiresAt: at.Add(7 * 24 * time.Hour)},
		Items: []shopping.Item{
			{ID: "i1", Name: "garlic", Quantity: "3", Unit: "cloves", Section: "Produce", RecipeIDs: []int64{52772},
				Sources: []shopping.Source{{RecipeID: 52772, RecipeName: "Teriyaki", Measure: "3 cloves"}}, Checked: true},
			{ID: "i2", Name: "milk", Quantity: "700", Unit: "ml", Section: "Dairy & Eggs", RecipeIDs: []int64{1},
				Sources: []shopping.Source{{RecipeID: 1, RecipeName: "Pancakes", Measure: "200 ml"}, {Measure: "0.5 l"}}},
			{ID: "i3", Name: "foil", Section: "Other", Manual: true, Note: "wide"},
		}}
}

func TestShoppingResponsesOfTheMappersMatchTheDocument(t *testing.T) {
	owned := mustMarshal(t, newShoppingListJSON(sampleList()))
	detached := sampleList()
	detached.MealPlanID, detached.Share = "", nil
	page := mustMarshal(t, newShoppingListPageJSON(app.Page[*shopping.List]{Items: []*shopping.List{sampleList(), detached},
		Total: 2, Page: 1, Limit: 20}))
	cases := []struct {
		method, path string
		status       int
		header       http.Header
		body         []byte
	}{
		{"POST", "/api/v1/shopping-lists/generate", 201, jsonHeader(), owned},
		{"GET", "/api/shopping-lists", 200, pagedHeader(), page},
		{"GET", "/api/v1/shopping-lists/l1", 200, jsonHeader(), mustMarshal(t, newShoppingListJSON(detached))},
		{"PATCH", "/api/v1/shopping-lists/l1/items/i1", 200, jsonHeader(), owned},
		{"POST", "/api/v1/shopping-lists/l1/share", 201, jsonHeader(),
			[]byte(`{"shareId":"abcdefghijklmnopqrstuvwxyz012345","shareUrl":"http://x/api/v1/shopping-lists/shared/abcdefghijklmnopqrstuvwxyz012345","expiresAt":"2026-11-29T09:00:00Z"}`)},
		{"GET", "/api/v1/shopping-lists/shared/abc", 200, jsonHeader(), mustMarshal(t, newSharedListJSON(sampleList()))},
	}
	for _, c := range cases {
		if err := validateResponse(httptest.NewRequest(c.method, c.path, nil), c.status, c.header, c.body); err != nil {
			t.Errorf("%s %s: %v\n%s", c.method, c.path, err, c.body)
		}
	}
}

func TestCheckResponseRejectsBadShoppingLists(t *testing.T) {
	owned := mustMarshal(t, newShoppingListJSON(sampleList()))
	shared := mustMarshal(t, newSharedListJSON(sampleList()))
	item := func(i int, edit func(map[string]any)) func(map[string]any) {
		return func(m map[string]any) { edit(m["items"].([]any)[i].(map[string]any)) }
	}
	cases := []struct {
		name, path string
		body       []byte
	}{
		{"null items", "/api/v1/shopping-lists/l1", edited(t, owned, func(m map[string]any) { m["items"] = nil })},
		{"missing shareId", "/api/v1/shopping-lists/l1", edited(t, owned, func(m map[string]any) { delete(m, "shareId") })},
		{"numeric quantity", "/api/v1/shopping-lists/l1", edited(t, owned, item(0, func(it map[string]any) { it["quantity"] = 3 }))},
		{"unknown category", "/api/v1/shopping-lists/l1", edited(t, owned, item(0, func(it map[string]any) { it["category"] = "Dairy" }))},
		{"numeric recipe id", "/api/v1/shopping-lists/l1", edited(t, owned, item(0, func(it map[string]any) { it["recipeIds"] = []int{1} }))},
		{"owner in the public view", "/api/v1/shopping-lists/shared/x", edited(t, shared, func(m map[string]any) { m["userId"] = "u1" })},
		{"share id in the public view", "/api/v1/shopping-lists/shared/x", edited(t, shared, func(m map[string]any) { m["shareId"] = "x" })},
	}
	for _, c := range cases {
		if err := validateResponse(httptest.NewRequest("GET", c.path, nil), 200, jsonHeader(), c.body); err == nil {
			t.Errorf("%s: accepted", c.name)
		}
	}
}

func TestShoppingJSONKeepsTheContractsShape(t *testing.T) {
	out := newShoppingListJSON(sampleList())
	if *out.MealPlanID != "p1" || *out.ShareID != "abcdefghijklmnopqrstuvwxyz012345" || out.CheckedCount != 1 || out.TotalCount != 3 {
		t.Errorf("list = %+v", out)
	}
	want := `[{"name":"Produce","total":1,"checked":1},{"name":"Dairy \u0026 Eggs","total":1,"checked":0},{"name":"Other","total":1,"checked":0}]`
	if got := string(mustMarshal(t, out.Sections)); got != want {
		t.Errorf("sections\n got %s\nwant %s", got, want)
	}
	want = `[{"recipeId":"1","recipeName":"Pancakes","measure":"200 ml"},{"recipeId":null,"recipeName":"","measure":"0.5 l"}]`
	if got := string(mustMarshal(t, out.Items[1].Sources)); got != want {
		t.Errorf("sources\n got %s\nwant %s", got, want)
	}
	if got := string(mustMarshal(t, out.Items[2])); got != `{"id":"i3","name":"foil","quantity":"","unit":"","category":"Other","checked":false,"recipeIds":[],"sources":[],"note":"wide","addedManually":true}` {
		t.Errorf("manual item %s", got)
	}
}
