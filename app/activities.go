package app

import (
	"context"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
)

// ListActivities returns a user's newest activities first.
func (a *Accounts) ListActivities(ctx context.Context, p Principal, userID string, limit int) ([]activity.Activity, error) {
	id, err := p.resolveUser(userID)
	if err != nil {
		return nil, err
	}
	if limit < 1 || limit > activity.MaxListLimit {
		return nil, domain.Invalid("limit must be between 1 and 100", map[string]string{"limit": "must be between 1 and 100"})
	}
	if _, err := a.Users.Get(ctx, id); err != nil {
		return nil, notFoundAs(err, errUserNotFound)
	}
	return a.Activities.List(ctx, id, limit)
}

// NewActivity is the input of RecordActivity.
type NewActivity struct {
	UserID    string // a path id; "me" allowed
	Action    string
	Details   string
	RelatedID string
	Metadata  map[string]string
}

// RecordActivity appends a client-reported activity to a user's log.
func (a *Accounts) RecordActivity(ctx context.Context, p Principal, in NewActivity) (activity.Activity, error) {
	id, err := p.resolveUser(in.UserID)
	if err != nil {
		return activity.Activity{}, err
	}
	action, err := activity.ParseAction(in.Action)
	if err != nil {
		return activity.Activity{}, err
	}
	act, err := activity.New(a.IDs.NewID(), id, action, in.Details, in.RelatedID, in.Metadata, a.Clock.Now())
	if err != nil {
		return activity.Activity{}, err
	}
	if _, err := a.Users.Get(ctx, id); err != nil {
		return activity.Activity{}, notFoundAs(err, errUserNotFound)
	}
	return act, a.Activities.Add(ctx, act)
}
