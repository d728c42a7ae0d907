package personalize_test

import (
	"context"
	"errors"
	"maps"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/personalize"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

func TestRecommendAsksTheCampaign(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		req            ports.RecommendationRequest
		wantNumResults int
	}{
		{"few wanted asks the API default", ports.RecommendationRequest{UserID: "u-1", Count: 5}, 25},
		{"margin for filtering and exclusions", ports.RecommendationRequest{UserID: "u-2", Count: 10,
			ExcludeIDs: []int64{1, 2, 3, 4, 5}}, 35},
		{"capped at the API maximum", ports.RecommendationRequest{UserID: "u-3", Count: 200}, 500},
		{"context passed on", ports.RecommendationRequest{UserID: "u-4", Count: 1,
			Context: map[string]string{"DEVICE": "mobile"}, MealType: "dinner"}, 25},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.setItems(predictedItem{"42", 0.9}, predictedItem{"7", 0.25})
			got, err := mustClient(t, f).Recommend(t.Context(), tc.req)
			if err != nil {
				t.Fatalf("Recommend: %v (refused: %v)", err, f.refusals())
			}
			want := []ports.Recommendation{{RecipeID: 42, Score: 0.9}, {RecipeID: 7, Score: 0.25}}
			if !slices.Equal(got, want) {
				t.Errorf("recommendations = %v, want %v", got, want)
			}
			sent := f.recommendations()
			if len(sent) != 1 {
				t.Fatalf("%d calls reached the fake, want 1", len(sent))
			}
			wantBody := recommendationsBody{CampaignArn: campaignARN, UserID: tc.req.UserID,
				NumResults: tc.wantNumResults, Context: tc.req.Context}
			if s := sent[0]; s.CampaignArn != wantBody.CampaignArn || s.UserID != wantBody.UserID ||
				s.NumResults != wantBody.NumResults || !maps.Equal(s.Context, wantBody.Context) {
				t.Errorf("body = %+v, want %+v", s, wantBody)
			}
		})
	}
}

func TestRecommendKeepsOnlyRecipeItems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		items   []predictedItem
		exclude []int64
		want    []ports.Recommendation
	}{
		{"non-numeric ids skipped",
			[]predictedItem{{"recipe-42", 0.9}, {"17", 0.8}, {"abc", 0.7}, {"3.5", 0.6}},
			nil, []ports.Recommendation{{RecipeID: 17, Score: 0.8}}},
		{"zero and negative ids skipped",
			[]predictedItem{{"0", 0.9}, {"-3", 0.8}, {"8", 0.1}},
			nil, []ports.Recommendation{{RecipeID: 8, Score: 0.1}}},
		{"excluded and repeated ids skipped",
			[]predictedItem{{"5", 0.9}, {"6", 0.8}, {"6", 0.7}, {"9", 0.6}},
			[]int64{5, 9}, []ports.Recommendation{{RecipeID: 6, Score: 0.8}}},
		{"scores clamped to 0–1",
			[]predictedItem{{"1", 1.5}, {"2", -0.1}},
			nil, []ports.Recommendation{{RecipeID: 1, Score: 1}, {RecipeID: 2, Score: 0}}},
		{"nothing known", nil, nil, []ports.Recommendation{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.setItems(tc.items...)
			got, err := mustClient(t, f).Recommend(t.Context(),
				ports.RecommendationRequest{UserID: "u-1", Count: 3, ExcludeIDs: tc.exclude})
			if err != nil {
				t.Fatalf("Recommend: %v", err)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("recommendations = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestRecommendFailures(t *testing.T) {
	t.Parallel()
	valid := ports.RecommendationRequest{UserID: "u-1", Count: 3}
	tests := []struct {
		name      string
		req       ports.RecommendationRequest
		status    int
		errType   string
		secret    string
		wantCode  domain.Code
		wantCalls int
	}{
		{"server error", valid, http.StatusInternalServerError, "InternalServerError", secretKey, domain.CodeUnavailable, 1},
		{"throttled", valid, http.StatusTooManyRequests, "ThrottlingException", secretKey, domain.CodeUnavailable, 1},
		{"unknown campaign", valid, http.StatusNotFound, "ResourceNotFoundException", secretKey, domain.CodeInternal, 1},
		{"bad input", valid, http.StatusBadRequest, "InvalidInputException", secretKey, domain.CodeInternal, 1},
		{"wrong secret refused", valid, 0, "", "not-the-secret", domain.CodeInternal, 0},
		{"no user", ports.RecommendationRequest{Count: 3}, 0, "", secretKey, domain.CodeValidation, 0},
		{"no count", ports.RecommendationRequest{UserID: "u-1"}, 0, "", secretKey, domain.CodeValidation, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.fail(tc.status, tc.errType)
			c := mustClient(t, f, func(c *personalize.Config) { c.SecretAccessKey = tc.secret })
			_, err := c.Recommend(t.Context(), tc.req)
			f.checkFailure(t, err, tc.wantCode, tc.wantCalls, tc.secret != secretKey)
		})
	}
}

// TestRecommendTimesOut holds the fake until the caller hangs up. The HTTP
// client has no timeout of its own, so only the configured one can end the
// call before the caller's far deadline.
func TestRecommendTimesOut(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.hold()
	c := mustClient(t, f, func(c *personalize.Config) {
		c.Timeout = 50 * time.Millisecond
		c.HTTPClient = &http.Client{}
	})
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	_, err := c.Recommend(ctx, ports.RecommendationRequest{UserID: "u-1", Count: 3})
	if !domain.IsCode(err, domain.CodeUnavailable) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want SERVICE_UNAVAILABLE from a deadline", err)
	}
	if ctx.Err() != nil {
		t.Errorf("the caller's context ended (%v): the client's timeout did not fire", ctx.Err())
	}
}

func TestRecommendUnreachable(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	c := mustClient(t, f)
	f.srv.Close()
	_, err := c.Recommend(t.Context(), ports.RecommendationRequest{UserID: "u-1", Count: 3})
	if !domain.IsCode(err, domain.CodeUnavailable) {
		t.Errorf("err = %v, want SERVICE_UNAVAILABLE", err)
	}
}
