package http_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	backend "github.com/mealplanner/backend"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// benchLines are everyday ingredient lines; the week's recipes draw nine each
// from them, so that foods repeat across recipes as they do in a real week.
var benchLines = []recipe.Ingredient{
	ing("onion", "1"), ing("garlic", "3 cloves"), ing("olive oil", "2 tbsp"), ing("butter", "50 g"),
	ing("milk", "1 cup"), ing("egg", "2"), ing("chicken breast", "500 g"), ing("ground beef", "1 lb"),
	ing("carrot", "2"), ing("tomato", "3"), ing("chopped tomatoes", "1 can"), ing("rice", "200 g"),
	ing("pasta", "250 g"), ing("parmesan", "1/2 cup"), ing("salt", "to taste"), ing("black pepper", "1/2 tsp"),
	ing("flour", "2 tbsp"), ing("sugar", "1 tsp"), ing("lemon", "1"), ing("coriander", "1 bunch"),
	ing("soy sauce", "3 tbsp"), ing("chicken stock", "500 ml"), ing("potato", "4"), ing("cumin", "1 tsp"),
	ing("honey", "1 tbsp"), ing("cheddar", "100 g"), ing("spinach", "2 cups"), ing("mushroom", "250 g"),
}

// BenchmarkGenerateShoppingList generates the list of a full week (28 slots,
// 252 ingredient lines) through the HTTP API, as a client does: decode,
// plan and recipe reads, consolidation, the list's save and the response.
// The list is made once before timing, so every timed request regenerates it
// in replace mode, the steady state of a cook who edits the week. It
// runs on the in-memory test assembly; the same requests run unchanged
// against an assembly on PostgreSQL.
func BenchmarkGenerateShoppingList(b *testing.B) {
	ta, cleanup, err := backend.InitializeTest(backend.TestOptions{})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(ta.Server)
	b.Cleanup(func() { srv.Close(); cleanup() })
	token, userID := benchRegister(b, srv.URL)
	planID := benchWeek(b, ta, userID)
	body, err := json.Marshal(map[string]string{"mealPlanId": planID, "mode": "replace"})
	if err != nil {
		b.Fatal(err)
	}
	generate := func() []byte {
		req, _ := http.NewRequest("POST", srv.URL+"/api/v1/shopping-lists/generate", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := srv.Client().Do(req)
		if err != nil {
			b.Fatal(err)
		}
		defer res.Body.Close()
		out, err := io.ReadAll(res.Body)
		if err != nil || res.StatusCode != http.StatusCreated {
			b.Fatalf("status %d: %v %s", res.StatusCode, err, out)
		}
		return out
	}
	var first struct{ TotalCount int }
	if err := json.Unmarshal(generate(), &first); err != nil || first.TotalCount < 20 {
		b.Fatalf("the week made a list of %d items (%v); the benchmark would measure too little", first.TotalCount, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		generate()
	}
}

func benchRegister(b *testing.B, base string) (token, userID string) {
	b.Helper()
	body := `{"email":"bench@example.com","password":"` + goodPassword + `","name":"Bench"}`
	res, err := http.Post(base+"/api/v1/auth/register", "application/json", bytes.NewBufferString(body))
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Token string
		User  struct{ ID string }
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != http.StatusCreated {
		b.Fatalf("register: %d %v", res.StatusCode, err)
	}
	return out.Token, out.User.ID
}

// benchWeek seeds 14 recipes and plans each twice in the week of 2026-11-22.
func benchWeek(b *testing.B, ta *backend.TestApp, userID string) string {
	b.Helper()
	recipes := make([]recipe.Recipe, 14)
	for i := range recipes {
		lines := make([]recipe.Ingredient, 9)
		for j := range lines {
			lines[j] = benchLines[(i*5+j*3)%len(benchLines)]
		}
		recipes[i] = recipe.Recipe{ID: int64(60001 + i), Name: fmt.Sprintf("Bench dish %d", i+1), Category: "Beef",
			Servings: 2 + i%4, Ingredients: lines, Instructions: []string{"Cook."}}
	}
	if _, err := ta.Catalogue.Seed(b.Context(), recipes); err != nil {
		b.Fatal(err)
	}
	now := ta.Clock.Now()
	p := planning.NewPlan("bench-plan", userID, shopWeek, now)
	for i := range 28 {
		slot, err := planning.NewSlot(recipes[i%14].ID, recipes[i%14].Name, "", "", 2+i%3, "", now)
		if err != nil {
			b.Fatal(err)
		}
		if err := p.Set(shopWeek.AddDays(i/4), planning.MealTypes()[i%4], slot, now); err != nil {
			b.Fatal(err)
		}
	}
	if err := ta.Store.Plans().Save(b.Context(), p); err != nil {
		b.Fatal(err)
	}
	return p.ID
}
