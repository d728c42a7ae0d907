package porttest

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
)

func recipeListingTests(run func(string, func(*testing.T, Stores))) {
	run("every sort, ties broken by the later keys", searchSorts)
	run("sorts apply to query results", searchSortsWithQuery)
	run("the name sort ignores case", searchSortNameCase)
	run("pages", searchPaging)
	run("summaries", searchSummaries)
	run("criteria no store can run are invalid", searchInvalid)
	run("categories with counts and thumbnails", recipesCategories)
	run("cuisines", recipesCuisines)
}

func searchSorts(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	byRating := []int64{105, 101, 108, 111, 109, 102, 107, 103, 110, 104, 106, 112}
	for sort, want := range map[recipe.Sort][]int64{
		"":                   byRating,
		recipe.SortRelevance: byRating,
		recipe.SortRating:    byRating,
		recipe.SortName:      {105, 102, 106, 101, 107, 112, 104, 110, 108, 109, 111, 103},
		recipe.SortNewest:    {112, 111, 109, 110, 108, 107, 106, 105, 104, 103, 102, 101},
		recipe.SortQuickest:  {112, 109, 111, 110, 103, 107, 104, 106, 101, 105, 108, 102},
		recipe.SortPopular:   {101, 107, 103, 102, 111, 109, 108, 110, 104, 106, 105, 112},
	} {
		assertIDsOf(t, fmt.Sprintf("sort %q", sort), mustSearch(t, s, recipe.Criteria{Sort: sort}), want...)
	}
}

func searchSortsWithQuery(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	for sort, want := range map[recipe.Sort][]int64{
		recipe.SortRating:   {105, 101, 103, 110, 104},
		recipe.SortName:     {105, 101, 104, 110, 103},
		recipe.SortNewest:   {110, 105, 104, 103, 101},
		recipe.SortQuickest: {110, 103, 104, 101, 105},
		recipe.SortPopular:  {101, 103, 110, 104, 105},
	} {
		assertIDsOf(t, fmt.Sprintf("rice, sort %q", sort),
			mustSearch(t, s, recipe.Criteria{Query: "rice", Sort: sort}), want...)
	}
	assertIDsOf(t, "curry, quickest", mustSearch(t, s, recipe.Criteria{Query: "curry", Sort: recipe.SortQuickest}),
		103, 107, 101)
}

func searchSortNameCase(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	for id, name := range map[int64]string{113: "beef stew", 114: "apple pie"} {
		r := SampleRecipes()[11]
		r.ID, r.Name = id, name
		if err := s.Recipes.Create(t.Context(), r); err != nil {
			t.Fatalf("Create: %v", err)
		}
	}
	f := mustSearch(t, s, recipe.Criteria{Sort: recipe.SortName, Limit: 4})
	if want := []int64{114, 105, 102, 113}; !reflect.DeepEqual(f.ids, want) || f.total != 14 {
		t.Errorf("name sort: got %v (total %d), want %v (total 14)", f.ids, f.total, want)
	}
}

func searchPaging(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	cases := []struct {
		offset, limit int
		want          []int64
	}{
		{0, 5, []int64{105, 102, 106, 101, 107}},
		{5, 5, []int64{112, 104, 110, 108, 109}},
		{10, 5, []int64{111, 103}},
		{8, 4, []int64{108, 109, 111, 103}},
		{3, 1, []int64{101}},
		{11, 0, []int64{103}},
		{12, 5, []int64{}},
		{500, 24, []int64{}},
	}
	for _, tc := range cases {
		f := mustSearch(t, s, recipe.Criteria{Sort: recipe.SortName, Offset: tc.offset, Limit: tc.limit})
		if !reflect.DeepEqual(f.ids, tc.want) || f.total != 12 {
			t.Errorf("offset %d limit %d: got %v (total %d), want %v (total 12)", tc.offset, tc.limit, f.ids,
				f.total, tc.want)
		}
	}
	if f := mustSearch(t, s, recipe.Criteria{}); len(f.ids) != 12 {
		t.Errorf("limit 0 returned %d recipes, want all 12", len(f.ids))
	}
	f := mustSearch(t, s, recipe.Criteria{Category: "chicken", Offset: 2, Limit: 1})
	if len(f.ids) != 0 || f.total != 2 {
		t.Errorf("past the end of a filtered list: %v (total %d), want none of 2", f.ids, f.total)
	}
}

func thumb(id int64) string { return fmt.Sprintf("https://img.example.com/recipes/%d/medium.jpg", id) }

func searchSummaries(t *testing.T, s Stores) {
	mustSeedRecipes(t, s)
	f := mustSearch(t, s, recipe.Criteria{Sort: recipe.SortName})
	want := map[int64]recipe.Summary{
		105: {ID: 105, Name: "Arancini", Thumbnail: thumb(105), Category: "Starter", Cuisine: "Italian", TotalTime: 60,
			Difficulty: recipe.Hard, DietaryTags: []string{"Vegetarian"}, Rating: 4.9, Calories: 390},
		111: {ID: 111, Name: "Spaghetti Carbonara", Thumbnail: thumb(111), Category: "Pasta", Cuisine: "Italian",
			TotalTime: 25, Difficulty: recipe.Medium, DietaryTags: []string{}, Rating: 4.6, Calories: 690},
	}
	for _, sum := range f.summaries {
		if w, ok := want[sum.ID]; ok && !reflect.DeepEqual(sum, w) {
			t.Errorf("summary differs\n got: %+v\nwant: %+v", sum, w)
		}
		if sum.DietaryTags == nil {
			t.Errorf("summary %d: dietary tags nil, want []", sum.ID)
		}
	}
}

func searchInvalid(t *testing.T, s Stores) {
	for _, c := range []recipe.Criteria{{Sort: "spiciest"}, {Offset: -1}, {Limit: -1}} {
		_, _, err := s.Recipes.Search(t.Context(), c)
		assertCode(t, err, domain.ErrValidation, fmt.Sprintf("Search(%+v)", c))
	}
}

func mustCategories(t *testing.T, s Stores) []recipe.CategoryInfo {
	t.Helper()
	cats, err := s.Recipes.Categories(t.Context())
	if err != nil || cats == nil {
		t.Fatalf("Categories = %v, %v", cats, err)
	}
	return cats
}

func findCategory(cats []recipe.CategoryInfo, name string) *recipe.CategoryInfo {
	for i := range cats {
		if cats[i].Name == name {
			return &cats[i]
		}
	}
	return nil
}

func recipesCategories(t *testing.T, s Stores) {
	if cats := mustCategories(t, s); len(cats) != 0 {
		t.Errorf("Categories of an empty catalogue = %v", cats)
	}
	mustSeedRecipes(t, s)
	extra := map[int64]string{116: "Goat", 115: "Goat", 117: ""} // equal ratings: the lower id's image
	for id, category := range extra {
		r := SampleRecipes()[0]
		r.ID, r.Category, r.Rating = id, category, 4.0
		r.Images.Medium = thumb(id)
		if err := s.Recipes.Create(t.Context(), r); err != nil {
			t.Fatalf("Create: %v", err)
		}
	}
	cat := func(name string, thumbID int64, count int) recipe.CategoryInfo {
		return recipe.CategoryInfo{Name: name, Thumbnail: thumb(thumbID), Count: count}
	}
	want := []recipe.CategoryInfo{cat("Beef", 102, 1), cat("Chicken", 101, 2), cat("Dessert", 108, 1),
		cat("Goat", 115, 2), cat("Pasta", 111, 1), cat("Seafood", 109, 2), cat("Starter", 105, 1),
		cat("Vegan", 107, 2), cat("Vegetarian", 104, 2)}
	if got := mustCategories(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("Categories\n got: %+v\nwant: %+v", got, want)
	}
}

func mustCuisines(t *testing.T, s Stores) []string {
	t.Helper()
	got, err := s.Recipes.Cuisines(t.Context())
	if err != nil || got == nil {
		t.Fatalf("Cuisines = %v, %v", got, err)
	}
	return got
}

func recipesCuisines(t *testing.T, s Stores) {
	if got := mustCuisines(t, s); len(got) != 0 {
		t.Errorf("Cuisines of an empty catalogue = %v", got)
	}
	mustSeedRecipes(t, s)
	r := SampleRecipes()[0]
	r.ID, r.Cuisine = 120, ""
	if err := s.Recipes.Create(t.Context(), r); err != nil {
		t.Fatalf("Create: %v", err)
	}
	want := []string{"American", "Australian", "British", "Greek", "Indian", "Italian", "Japanese", "Thai"}
	if got := mustCuisines(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("Cuisines = %v, want %v", got, want)
	}
}
