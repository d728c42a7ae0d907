package sql

import (
	"context"
	"sort"
	"time"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/session"
	"github.com/mealplanner/backend/ports"
)

// SessionRepository stores refresh tokens in the refresh_sessions table.
type SessionRepository struct{ db *DB }

var _ ports.SessionRepository = (*SessionRepository)(nil)

// NewSessionRepository returns the session repository of db.
func NewSessionRepository(db *DB) *SessionRepository { return &SessionRepository{db: db} }

var (
	errSessionNotFound = domain.NotFound("session not found")
	errFamilyNotFound  = domain.NotFound("session family not found")
)

type sessionRow struct {
	bun.BaseModel `bun:"table:refresh_sessions,alias:s"`

	ID         string     `bun:"id,pk"`
	UserID     string     `bun:"user_id"`
	FamilyID   string     `bun:"family_id"`
	TokenHash  string     `bun:"token_hash"`
	RememberMe bool       `bun:"remember_me"`
	CreatedAt  time.Time  `bun:"created_at"`
	ExpiresAt  time.Time  `bun:"expires_at"`
	RotatedAt  *time.Time `bun:"rotated_at"`
	RevokedAt  *time.Time `bun:"revoked_at"`
}

func sessionFromDomain(s session.Session) *sessionRow {
	return &sessionRow{ID: s.ID, UserID: s.UserID, FamilyID: s.FamilyID, TokenHash: s.TokenHash,
		RememberMe: s.RememberMe, CreatedAt: utc(s.CreatedAt), ExpiresAt: utc(s.ExpiresAt),
		RotatedAt: utcPtr(s.RotatedAt), RevokedAt: utcPtr(s.RevokedAt)}
}

func (r *sessionRow) toDomain() session.Session {
	return session.Session{ID: r.ID, UserID: r.UserID, FamilyID: r.FamilyID, TokenHash: r.TokenHash,
		RememberMe: r.RememberMe, CreatedAt: utc(r.CreatedAt), ExpiresAt: utc(r.ExpiresAt),
		RotatedAt: utcPtr(r.RotatedAt), RevokedAt: utcPtr(r.RevokedAt)}
}

// Create stores the first token of a new family. CONFLICT when the id or
// token hash is taken.
func (r *SessionRepository) Create(ctx context.Context, s session.Session) error {
	_, err := r.db.bun.NewInsert().Model(sessionFromDomain(s)).Exec(ctx)
	return translate(err)
}

// Rotate loads the token with hash oldHash (locking it on PostgreSQL), lets fn
// change it and stores it and fn's successor in one transaction. NOT_FOUND
// when no token has that hash; an error from fn is returned as is.
func (r *SessionRepository) Rotate(ctx context.Context, oldHash string,
	fn func(current *session.Session) (*session.Session, error)) error {
	return r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var row sessionRow
		q := tx.NewSelect().Model(&row).Where("s.token_hash = ?", oldHash)
		if err := r.db.forUpdate(q).Scan(ctx); err != nil {
			return notFoundAs(translate(err), errSessionNotFound)
		}
		cur := row.toDomain()
		next, err := fn(&cur)
		if err != nil {
			return aborted{err}
		}
		cur.ID = row.ID
		if _, err := tx.NewUpdate().Model(sessionFromDomain(cur)).ExcludeColumn("id").WherePK().Exec(ctx); err != nil {
			return translate(err)
		}
		if next == nil {
			return nil
		}
		_, err = tx.NewInsert().Model(sessionFromDomain(*next)).Exec(ctx)
		return translate(err)
	})
}

// RevokeFamily revokes every token of a family and returns its user id.
// NOT_FOUND when the family is unknown.
func (r *SessionRepository) RevokeFamily(ctx context.Context, familyID string, at time.Time) (string, error) {
	var userID string
	err := r.db.bun.NewSelect().Model((*sessionRow)(nil)).Column("s.user_id").
		Where("s.family_id = ?", familyID).Limit(1).Scan(ctx, &userID)
	if err != nil {
		return "", notFoundAs(translate(err), errFamilyNotFound)
	}
	_, err = r.db.bun.NewUpdate().Model((*sessionRow)(nil)).Set("revoked_at = ?", utc(at)).
		Where("family_id = ?", familyID).Where("revoked_at IS NULL").Exec(ctx)
	if err != nil {
		return "", translate(err)
	}
	return userID, nil
}

// RevokeUser revokes every unrevoked token of the user outside keepFamily and
// returns the families it touched, sorted. One UPDATE … RETURNING does it, so
// it is atomic on both dialects.
func (r *SessionRepository) RevokeUser(ctx context.Context, userID, keepFamily string, at time.Time) ([]string, error) {
	var touched []string
	_, err := r.db.bun.NewUpdate().Model((*sessionRow)(nil)).Set("revoked_at = ?", utc(at)).
		Where("user_id = ?", userID).Where("family_id <> ?", keepFamily).Where("revoked_at IS NULL").
		Returning("family_id").Exec(ctx, &touched)
	if err != nil {
		return nil, translate(err)
	}
	sort.Strings(touched)
	families := []string{}
	for i, f := range touched {
		if i == 0 || f != touched[i-1] {
			families = append(families, f)
		}
	}
	return families, nil
}

// ListActive returns the user's tokens still exchangeable at now, oldest first.
func (r *SessionRepository) ListActive(ctx context.Context, userID string, now time.Time) ([]session.Session, error) {
	var rows []sessionRow
	err := r.db.bun.NewSelect().Model(&rows).Where("s.user_id = ?", userID).
		Where("s.rotated_at IS NULL").Where("s.revoked_at IS NULL").Where("s.expires_at > ?", utc(now)).
		Order("s.created_at ASC", "s.id ASC").Scan(ctx)
	if err != nil {
		return nil, translate(err)
	}
	out := make([]session.Session, len(rows))
	for i := range rows {
		out[i] = rows[i].toDomain()
	}
	return out, nil
}
