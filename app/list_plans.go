package app

import (
	"context"
	"strings"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/ports"
)

// ListPlansInput selects a page of a user's plans.
type ListPlansInput struct {
	UserID   string // "me" or "" for the caller; an admin may name anyone
	From, To string // optional dates; each is taken as its week
	Page     PageRequest
}

// ListPlans returns a page of a user's plans whose weeks overlap From–To,
// newest week first. Only an admin may list another user's plans (it is
// their data to support); for anyone else that user does not exist.
func (p *Planner) ListPlans(ctx context.Context, pr Principal, in ListPlansInput) (Page[*planning.Plan], error) {
	in.Page.Page = max(in.Page.Page, 1)
	uid, err := pr.resolveUser(orMe(in.UserID))
	if err != nil {
		return Page[*planning.Plan]{}, err
	}
	q, err := planQuery(in)
	if err != nil {
		return Page[*planning.Plan]{}, err
	}
	if uid != pr.UserID {
		if _, err := p.Users.Get(ctx, uid); err != nil {
			return Page[*planning.Plan]{}, notFoundAs(err, errUserNotFound)
		}
	}
	plans, total, err := p.Plans.List(ctx, uid, q)
	if err != nil {
		return Page[*planning.Plan]{}, err
	}
	return Page[*planning.Plan]{Items: plans, Total: total, Page: in.Page.Page, Limit: in.Page.Limit}, nil
}

// AllPlans returns every plan of a user, newest week first, for the data
// export; the caller has checked that it may see them.
func (p *Planner) AllPlans(ctx context.Context, userID string) ([]*planning.Plan, error) {
	plans, _, err := p.Plans.List(ctx, userID, ports.PlanQuery{})
	return plans, err
}

// orMe reads an absent user id as the caller.
func orMe(id string) string {
	if id == "" {
		return Me
	}
	return id
}

// planQuery turns the optional date bounds into week starts: a plan is in
// range when its week holds a day between From and To.
func planQuery(in ListPlansInput) (ports.PlanQuery, error) {
	var fe domain.FieldErrors
	q := ports.PlanQuery{Offset: in.Page.offset(), Limit: in.Page.Limit}
	for _, b := range []struct {
		name, raw string
		dst       **planning.Date
	}{{"from", in.From, &q.From}, {"to", in.To, &q.To}} {
		if strings.TrimSpace(b.raw) == "" {
			continue
		}
		if d := parseDateField(&fe, b.name, b.raw); fe.Err() == nil {
			ws := d.WeekStart()
			*b.dst = &ws
		}
	}
	if q.From != nil && q.To != nil && q.From.After(*q.To) {
		fe.Add("to", "to must not be before from")
	}
	return q, fe.Err()
}
