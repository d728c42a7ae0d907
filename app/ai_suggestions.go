package app

import (
	"context"
	"strings"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/recommend"
)

// Bounds of a suggestion request (CONTRACT §7).
const (
	MaxSuggestions     = 20
	MaxSuggestExcludes = 100
)

// Where suggestions came from, as the X-Recommendation-Source header says.
const (
	SourcePersonalize = "personalize"
	SourceRules       = "rules"
)

// SuggestionQuery asks for recipes to fill a plan. Every field is optional:
// the plan is chosen by MealPlanID, else WeekStart, else Date's week, else
// the current week; Date, when given, is also the day the suggestions are
// for. A nil Count asks for recommend.DefaultCount.
type SuggestionQuery struct {
	MealPlanID       string
	WeekStart        string
	Date             string
	MealType         string
	Count            *int
	ExcludeRecipeIDs []int64
}

// Suggestions are recipes for the caller, best first, and which recommender
// chose them: SourcePersonalize when the remote recommender supplied at
// least one, else SourceRules.
type Suggestions struct {
	Items  []Suggestion
	Source string
}

// Suggestion is one suggested recipe with its 0–100 score and why.
type Suggestion struct {
	Recipe  *recipe.Recipe
	Score   int
	Reason  string
	Factors []recommend.Factor
}

// suggestInput is a validated SuggestionQuery.
type suggestInput struct {
	ref     WeekRef // the plan to fill, by id or by a date of its week
	date    planning.Date
	hasDate bool
	meal    planning.MealType
	count   int
	exclude []int64
}

// Suggestions recommends recipes for the caller's plan. The caller's diet,
// allergies and dislikes are never broken, and recipes that are excluded,
// already in the plan or planned in the last 14 days never come back. The
// remote recommender, when there is one, is asked first; the local one tops
// its answer up and answers alone when it fails, is slow or has nothing
// usable, so a remote outage never fails the request. Answers are cached
// for 30 minutes per user, plan version and profile.
func (a *AI) Suggestions(ctx context.Context, p Principal, q SuggestionQuery) (Suggestions, error) {
	in, err := parseSuggestionQuery(q)
	if err != nil {
		return Suggestions{}, err
	}
	sc, err := a.suggestContext(ctx, p.UserID, in)
	if err != nil {
		return Suggestions{}, err
	}
	key := sc.cacheKey(in)
	snap, err := a.Catalogue.Snapshot(ctx)
	if err != nil {
		return Suggestions{}, err
	}
	if hit, ok := a.cachedSuggestions(ctx, key, snap, sc); ok {
		return hit, nil
	}
	out := a.computeSuggestions(ctx, snap, sc, in)
	a.storeSuggestions(ctx, key, out)
	return out, nil
}

// computeSuggestions asks the remote recommender, then the local one for
// whatever the remote one did not supply.
func (a *AI) computeSuggestions(ctx context.Context, snap *Snapshot, sc *suggestContext, in suggestInput) Suggestions {
	remote := a.remoteSuggestions(ctx, snap, sc, in)
	out := Suggestions{Items: remote, Source: SourceRules}
	if len(remote) > 0 {
		out.Source = SourcePersonalize
	}
	if len(remote) < in.count {
		out.Items = append(out.Items, a.localSuggestions(ctx, snap, sc, in, remote)...)
	}
	a.suggest.count(out.Source)
	return out
}

// parseSuggestionQuery checks every field and reports all problems at once.
func parseSuggestionQuery(q SuggestionQuery) (suggestInput, error) {
	var fe domain.FieldErrors
	in := suggestInput{count: recommend.DefaultCount, ref: WeekRef{MealPlanID: strings.TrimSpace(q.MealPlanID)}}
	if q.Count != nil {
		in.count = *q.Count
		if in.count < 1 || in.count > MaxSuggestions {
			fe.Add("count", "count must be between 1 and 20")
		}
	}
	if s := strings.TrimSpace(q.MealType); s != "" {
		m, err := planning.ParseMealType(s)
		if err != nil {
			fe.Add("mealType", "invalid meal type: must be one of breakfast, lunch, dinner, snacks")
		}
		in.meal = m
	}
	week := optionalDate(&fe, "weekStart", q.WeekStart)
	if s := strings.TrimSpace(q.Date); s != "" {
		in.date, in.hasDate = optionalDate(&fe, "date", s), true
	}
	in.exclude = checkExcludes(&fe, q.ExcludeRecipeIDs)
	if err := fe.Err(); err != nil {
		return suggestInput{}, err
	}
	switch {
	case strings.TrimSpace(q.WeekStart) != "":
		in.ref.WeekStart = week.String()
	case in.hasDate:
		in.ref.WeekStart = in.date.String()
	}
	return in, nil
}

// optionalDate reads a date that may be absent; a zero Date means absent.
func optionalDate(fe *domain.FieldErrors, field, s string) planning.Date {
	if strings.TrimSpace(s) == "" {
		return planning.Date{}
	}
	return parseDateField(fe, field, strings.TrimSpace(s))
}

func checkExcludes(fe *domain.FieldErrors, ids []int64) []int64 {
	if len(ids) > MaxSuggestExcludes {
		fe.Add("excludeRecipeIds", "excludeRecipeIds may hold at most 100 recipe ids")
		return nil
	}
	for _, id := range ids {
		if id <= 0 {
			fe.Add("excludeRecipeIds", "excludeRecipeIds must hold recipe ids (positive integers)")
			return nil
		}
	}
	return distinctRecipeIDs(ids)
}
