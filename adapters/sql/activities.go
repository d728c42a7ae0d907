package sql

import (
	"context"
	"encoding/json"
	"time"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/ports"
)

// ActivityRepository stores the activity log in the activities table.
type ActivityRepository struct{ db *DB }

var _ ports.ActivityRepository = (*ActivityRepository)(nil)

// NewActivityRepository returns the activity repository of db.
func NewActivityRepository(db *DB) *ActivityRepository { return &ActivityRepository{db: db} }

type activityRow struct {
	bun.BaseModel `bun:"table:activities,alias:a"`

	ID        string    `bun:"id,pk"`
	UserID    string    `bun:"user_id"`
	Action    string    `bun:"action"`
	Details   string    `bun:"details"`
	RelatedID *string   `bun:"related_id"`
	Timestamp time.Time `bun:"timestamp"`
	Metadata  string    `bun:"metadata"`
}

func activityFromDomain(a activity.Activity) (*activityRow, error) {
	md := a.Metadata
	if md == nil {
		md = map[string]string{}
	}
	data, err := json.Marshal(md)
	if err != nil {
		return nil, err
	}
	row := &activityRow{ID: a.ID, UserID: a.UserID, Action: string(a.Action), Details: a.Details,
		Timestamp: utc(a.Timestamp), Metadata: string(data)}
	if a.RelatedID != "" {
		related := a.RelatedID
		row.RelatedID = &related
	}
	return row, nil
}

func (r *activityRow) toDomain() (activity.Activity, error) {
	md := map[string]string{}
	if err := json.Unmarshal([]byte(r.Metadata), &md); err != nil {
		return activity.Activity{}, err
	}
	if md == nil { // the JSON null
		md = map[string]string{}
	}
	a := activity.Activity{ID: r.ID, UserID: r.UserID, Action: activity.Action(r.Action), Details: r.Details,
		Timestamp: utc(r.Timestamp), Metadata: md}
	if r.RelatedID != nil {
		a.RelatedID = *r.RelatedID
	}
	return a, nil
}

// Add appends an activity. CONFLICT when the id is taken.
func (r *ActivityRepository) Add(ctx context.Context, a activity.Activity) error {
	row, err := activityFromDomain(a)
	if err != nil {
		return err
	}
	_, err = r.db.bun.NewInsert().Model(row).Exec(ctx)
	return translate(err)
}

// List returns the user's newest activities first, at most limit of them
// (none when limit is not positive).
func (r *ActivityRepository) List(ctx context.Context, userID string, limit int) ([]activity.Activity, error) {
	if limit <= 0 {
		return []activity.Activity{}, nil
	}
	return r.find(ctx, userID, "DESC", limit)
}

// All returns every activity of the user, oldest first.
func (r *ActivityRepository) All(ctx context.Context, userID string) ([]activity.Activity, error) {
	return r.find(ctx, userID, "ASC", 0)
}

// find lists the user's activities by time, ties broken by id so that every
// store orders them alike.
func (r *ActivityRepository) find(ctx context.Context, userID, dir string, limit int) ([]activity.Activity, error) {
	var rows []activityRow
	q := r.db.bun.NewSelect().Model(&rows).Where("a.user_id = ?", userID).
		Order("a.timestamp "+dir, "a.id "+dir)
	if limit > 0 {
		q = q.Limit(int64(limit))
	}
	if err := q.Scan(ctx); err != nil {
		return nil, translate(err)
	}
	out := make([]activity.Activity, 0, len(rows))
	for i := range rows {
		a, err := rows[i].toDomain()
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}
