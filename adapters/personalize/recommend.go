package personalize

import (
	"context"
	"errors"
	"maps"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime/types"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// How many items to ask for. The caller drops whatever breaks the user's
// hard constraints after the call, so asking for a few times Count keeps
// enough behind; a campaign is billed by throughput, not by item, so the
// margin costs nothing. The API returns at most maxResults.
const (
	resultsPerWanted = 3
	minResults       = 25
	maxResults       = 500
)

// Recommend asks the campaign for the user's top items and returns those
// whose id is a positive integer (recipes are items by their numeric id),
// best first, without ExcludeIDs. MealType is not sent: the interactions
// schema has no such context field, so the caller filters by it. The call
// is cut off after the configured timeout.
func (c *Client) Recommend(ctx context.Context, req ports.RecommendationRequest) ([]ports.Recommendation, error) {
	if err := checkRequest(req); err != nil {
		return nil, err
	}
	if c.campaign == "" {
		return nil, errors.New("personalize: recommend: no campaign ARN configured")
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	out, err := c.runtime.GetRecommendations(ctx, &personalizeruntime.GetRecommendationsInput{
		CampaignArn: aws.String(c.campaign),
		UserId:      aws.String(req.UserID),
		NumResults:  numResults(req),
		Context:     maps.Clone(req.Context),
	})
	if err != nil {
		return nil, mapError("recommend", err, errRecommendUnavailable)
	}
	return toRecommendations(out.ItemList, req.ExcludeIDs), nil
}

func checkRequest(req ports.RecommendationRequest) error {
	var fields domain.FieldErrors
	if req.UserID == "" {
		fields.Add("userId", "a user is required")
	}
	if req.Count < 1 {
		fields.Add("count", "count must be at least 1")
	}
	return fields.Err()
}

func numResults(req ports.RecommendationRequest) int32 {
	n := min(max(resultsPerWanted*req.Count+len(req.ExcludeIDs), minResults), maxResults)
	return int32(n)
}

// toRecommendations keeps the items that name a recipe. Anything else in the
// items dataset (an id from an older import, a test item) is skipped rather
// than failing the whole answer.
func toRecommendations(items []types.PredictedItem, exclude []int64) []ports.Recommendation {
	skip := make(map[int64]bool, len(exclude))
	for _, id := range exclude {
		skip[id] = true
	}
	recs := make([]ports.Recommendation, 0, len(items))
	for _, item := range items {
		id, err := strconv.ParseInt(aws.ToString(item.ItemId), 10, 64)
		if err != nil || id <= 0 || skip[id] {
			continue
		}
		skip[id] = true
		recs = append(recs, ports.Recommendation{RecipeID: id, Score: min(max(aws.ToFloat64(item.Score), 0), 1)})
	}
	return recs
}
