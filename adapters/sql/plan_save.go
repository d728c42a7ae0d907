package sql

import (
	"cmp"
	"context"
	"errors"
	"slices"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
)

// Save stores the plans in one transaction, all or none. A plan of Version 0
// is inserted (CONFLICT when its user already has a plan for the week or its
// id is taken); any other is updated only while the stored version is its
// own (CONFLICT when stale, NOT_FOUND when gone). Its slots are replaced as a
// whole. NOT_FOUND when a plan's user is unknown or erased. Each plan's
// Version is incremented once the transaction has committed.
func (r *PlanRepository) Save(ctx context.Context, plans ...*planning.Plan) error {
	// writing in id order makes two transactions saving the same plans lock
	// them in the same order, so they queue instead of deadlocking
	ordered := slices.Clone(plans)
	slices.SortStableFunc(ordered, func(a, b *planning.Plan) int { return cmp.Compare(a.ID, b.ID) })
	err := r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		for _, p := range ordered {
			if err := r.saveOne(ctx, tx, p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range plans {
		p.Version++
	}
	return nil
}

func (r *PlanRepository) saveOne(ctx context.Context, tx bun.Tx, p *planning.Plan) error {
	if err := r.db.liveUser(ctx, tx, p.UserID); err != nil {
		return err
	}
	row := planFromDomain(p)
	if p.Version == 0 {
		row.Version = 1
		if _, err := tx.NewInsert().Model(row).Exec(ctx); err != nil {
			return conflictAs(translate(err), errPlanWeekTaken)
		}
	} else {
		if err := r.update(ctx, tx, row); err != nil {
			return err
		}
		if _, err := tx.NewDelete().Model((*slotRow)(nil)).Where("ms.plan_id = ?", p.ID).Exec(ctx); err != nil {
			return translate(err)
		}
	}
	slots := slotsFromDomain(p)
	if len(slots) == 0 {
		return nil
	}
	_, err := tx.NewInsert().Model(&slots).Exec(ctx)
	return translate(err)
}

// update writes the plan's columns while the stored version is row.Version,
// then tells a stale plan from a missing one.
func (r *PlanRepository) update(ctx context.Context, tx bun.Tx, row *planRow) error {
	res, err := tx.NewUpdate().Model((*planRow)(nil)).
		Set("week_start = ?", row.WeekStart).Set("notes = ?", row.Notes).
		Set("created_at = ?", row.CreatedAt).Set("updated_at = ?", row.UpdatedAt).
		Set("version = version + 1").
		Where("p.id = ?", row.ID).Where("p.user_id = ?", row.UserID).Where("p.version = ?", row.Version).
		Exec(ctx)
	if err != nil {
		return conflictAs(translate(err), errPlanWeekTaken)
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return translate(err)
	}
	n, err := tx.NewSelect().Model((*planRow)(nil)).
		Where("p.id = ?", row.ID).Where("p.user_id = ?", row.UserID).Count(ctx)
	switch {
	case err != nil:
		return translate(err)
	case n > 0:
		return errPlanStale
	}
	return errPlanNotFound
}

// conflictAs gives a unique violation the repository's own message, keeping
// the driver's error behind it for the logs.
func conflictAs(err error, conflict *domain.Error) error {
	var de *dbError
	if errors.As(err, &de) && de.domain == errConflict {
		return &dbError{domain: conflict, cause: de.cause}
	}
	return err
}
