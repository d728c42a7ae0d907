package sql

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// UserRepository stores accounts in the users table.
type UserRepository struct{ db *DB }

var _ ports.UserRepository = (*UserRepository)(nil)

// NewUserRepository returns the user repository of db.
func NewUserRepository(db *DB) *UserRepository { return &UserRepository{db: db} }

var errUserNotFound = domain.NotFound("user not found")

type userRow struct {
	bun.BaseModel `bun:"table:users,alias:u"`

	ID                     string     `bun:"id,pk"`
	Email                  string     `bun:"email"`
	Name                   string     `bun:"name"`
	Role                   string     `bun:"role"`
	PasswordHash           string     `bun:"password_hash"`
	HasCompletedOnboarding bool       `bun:"has_completed_onboarding"`
	Preferences            string     `bun:"preferences"`
	FailedAttempts         int        `bun:"failed_attempts"`
	LastFailureAt          *time.Time `bun:"last_failure_at"`
	LockedUntil            *time.Time `bun:"locked_until"`
	CreatedAt              time.Time  `bun:"created_at"`
	UpdatedAt              time.Time  `bun:"updated_at"`
	LastLoginAt            *time.Time `bun:"last_login_at"`
	DeletedAt              *time.Time `bun:"deleted_at"`
}

func userFromDomain(u *user.User) (*userRow, error) {
	prefs, err := json.Marshal(preferencesFromDomain(u.Preferences))
	if err != nil {
		return nil, err
	}
	return &userRow{
		ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role), PasswordHash: u.PasswordHash,
		HasCompletedOnboarding: u.HasCompletedOnboarding, Preferences: string(prefs),
		FailedAttempts: u.Lockout.FailedAttempts, LastFailureAt: nullTime(u.Lockout.LastFailureAt),
		LockedUntil: nullTime(u.Lockout.LockedUntil), CreatedAt: utc(u.CreatedAt), UpdatedAt: utc(u.UpdatedAt),
		LastLoginAt: utcPtr(u.LastLoginAt), DeletedAt: utcPtr(u.DeletedAt),
	}, nil
}

func (r *userRow) toDomain() (*user.User, error) {
	prefs, err := preferencesToDomain(r.Preferences)
	if err != nil {
		return nil, err
	}
	return &user.User{
		ID: r.ID, Email: r.Email, Name: r.Name, Role: user.Role(r.Role), PasswordHash: r.PasswordHash,
		HasCompletedOnboarding: r.HasCompletedOnboarding, Preferences: prefs,
		Lockout: user.Lockout{FailedAttempts: r.FailedAttempts, LastFailureAt: orZero(r.LastFailureAt),
			LockedUntil: orZero(r.LockedUntil)},
		CreatedAt: utc(r.CreatedAt), UpdatedAt: utc(r.UpdatedAt),
		LastLoginAt: utcPtr(r.LastLoginAt), DeletedAt: utcPtr(r.DeletedAt),
	}, nil
}

// Create stores a new user. CONFLICT when the email (or id) is taken.
func (r *UserRepository) Create(ctx context.Context, u *user.User) error {
	row, err := userFromDomain(u)
	if err != nil {
		return err
	}
	_, err = r.db.bun.NewInsert().Model(row).Exec(ctx)
	return translate(err)
}

// Get returns a live user. NOT_FOUND when unknown or erased.
func (r *UserRepository) Get(ctx context.Context, id string) (*user.User, error) {
	return r.getWhere(ctx, r.db.bun, "u.id = ?", id)
}

// GetByEmail looks up a live user by normalised email. NOT_FOUND when none.
func (r *UserRepository) GetByEmail(ctx context.Context, email string) (*user.User, error) {
	return r.getWhere(ctx, r.db.bun, "u.email = ?", email)
}

func (r *UserRepository) getWhere(ctx context.Context, db bun.IDB, where string, arg any) (*user.User, error) {
	var row userRow
	err := db.NewSelect().Model(&row).Where(where, arg).Where("u.deleted_at IS NULL").Scan(ctx)
	if err != nil {
		return nil, notFoundAs(translate(err), errUserNotFound)
	}
	return row.toDomain()
}

// lock loads a live user inside tx, locking its row on PostgreSQL.
func (r *UserRepository) lock(ctx context.Context, tx bun.Tx, id string) (*user.User, error) {
	var row userRow
	q := tx.NewSelect().Model(&row).Where("u.id = ?", id).Where("u.deleted_at IS NULL")
	if err := r.db.forUpdate(q).Scan(ctx); err != nil {
		return nil, notFoundAs(translate(err), errUserNotFound)
	}
	return row.toDomain()
}

// save writes every column of u back to the row with the given id.
func (r *UserRepository) save(ctx context.Context, tx bun.Tx, id string, u *user.User) error {
	row, err := userFromDomain(u)
	if err != nil {
		return err
	}
	row.ID = id
	_, err = tx.NewUpdate().Model(row).ExcludeColumn("id").WherePK().Exec(ctx)
	return translate(err)
}

// Update loads a live user, applies fn and saves the result atomically.
// NOT_FOUND when unknown or erased; CONFLICT when the new email is taken; an
// error from fn is returned as is.
func (r *UserRepository) Update(ctx context.Context, id string, fn func(*user.User) error) (*user.User, error) {
	var saved *user.User
	err := r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		u, err := r.lock(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := fn(u); err != nil {
			return aborted{err}
		}
		u.ID = id
		saved = u
		return r.save(ctx, tx, id, u)
	})
	if err != nil {
		return nil, err
	}
	return reloadTimes(saved)
}

// reloadTimes gives the caller the times as they were stored.
func reloadTimes(u *user.User) (*user.User, error) {
	row, err := userFromDomain(u)
	if err != nil {
		return nil, err
	}
	return row.toDomain()
}

// Erase deletes the user's personal rows and saves the user as fn leaves it,
// in one transaction. NOT_FOUND when unknown or already erased.
func (r *UserRepository) Erase(ctx context.Context, id string, fn func(*user.User) error) error {
	return r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		u, err := r.lock(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := fn(u); err != nil {
			return aborted{err}
		}
		// Every table holding personal rows keyed by user must be emptied here:
		// their foreign keys cascade, but the user row is kept anonymised, so
		// the cascade never fires on erasure. Favourites and ratings also
		// count in recipes' aggregates, which their erasure corrects. Lists go
		// before plans, which would otherwise first detach them one by one;
		// a plan's slots go with it (ON DELETE CASCADE).
		if err := eraseFavorites(ctx, tx, id); err != nil {
			return translate(err)
		}
		if err := eraseRatings(ctx, r.db, tx, id); err != nil {
			return translate(err)
		}
		for _, table := range []string{"refresh_sessions", "password_resets", "activities", "shopping_lists",
			"meal_plans"} {
			if _, err := tx.NewDelete().TableExpr(table).Where("user_id = ?", id).Exec(ctx); err != nil {
				return translate(err)
			}
		}
		u.ID = id
		return r.save(ctx, tx, id, u)
	})
}

// List returns live users matching q, newest first, and the total match
// count. A Limit of zero or less means no limit.
func (r *UserRepository) List(ctx context.Context, q ports.UserQuery) ([]*user.User, int, error) {
	filter := func(sq *bun.SelectQuery) *bun.SelectQuery { return r.filter(sq, q) }
	total, err := r.db.bun.NewSelect().Model((*userRow)(nil)).Apply(filter).Count(ctx)
	if err != nil {
		return nil, 0, translate(err)
	}
	var rows []userRow
	sel := r.db.bun.NewSelect().Model(&rows).Apply(filter).Order("u.created_at DESC", "u.id DESC")
	switch {
	case q.Limit > 0:
		sel = sel.Limit(int64(q.Limit))
	case q.Offset > 0:
		// SQLite accepts OFFSET only after a LIMIT, and bun leaves out the
		// customary LIMIT -1, so "no limit" is spelt as the largest one
		sel = sel.Limit(math.MaxInt64)
	}
	if q.Offset > 0 {
		sel = sel.Offset(int64(q.Offset))
	}
	if err := sel.Scan(ctx); err != nil {
		return nil, 0, translate(err)
	}
	users := make([]*user.User, 0, len(rows))
	for i := range rows {
		u, err := rows[i].toDomain()
		if err != nil {
			return nil, 0, err
		}
		users = append(users, u)
	}
	return users, int(total), nil
}

func (r *UserRepository) filter(sq *bun.SelectQuery, q ports.UserQuery) *bun.SelectQuery {
	sq = sq.Where("u.deleted_at IS NULL")
	if q.Role != "" {
		sq = sq.Where("u.role = ?", string(q.Role))
	}
	if q.Search == "" {
		return sq
	}
	pattern := "%" + escapeLike(strings.ToLower(q.Search)) + "%"
	if r.db.isPostgres() {
		return sq.Where("(u.email ILIKE ? ESCAPE '!' OR u.name ILIKE ? ESCAPE '!')", pattern, pattern)
	}
	return sq.Where("(lower(u.email) LIKE ? ESCAPE '!' OR lower(u.name) LIKE ? ESCAPE '!')", pattern, pattern)
}

// escapeLike makes the user's text match literally inside a LIKE pattern
// whose escape character is '!'.
func escapeLike(s string) string {
	return strings.NewReplacer("!", "!!", "%", "!%", "_", "!_").Replace(s)
}

// preferencesJSON is the stored form of user.Preferences; the domain type
// carries no tags, so the column's shape is fixed here.
type preferencesJSON struct {
	Theme               string       `json:"theme"`
	Notifications       bool         `json:"notifications"`
	Dietary             []string     `json:"dietary"`
	Allergies           []string     `json:"allergies"`
	DislikedIngredients []string     `json:"dislikedIngredients"`
	FavoriteCuisines    []string     `json:"favoriteCuisines"`
	HouseholdSize       int          `json:"householdSize"`
	SkillLevel          string       `json:"skillLevel"`
	MaxPrepTime         *int         `json:"maxPrepTime"`
	UnitSystem          string       `json:"unitSystem"`
	Timezone            string       `json:"timezone"`
	NutritionTargets    *targetsJSON `json:"nutritionTargets"`
	Email               emailJSON    `json:"email"`
}

type targetsJSON struct {
	Calories     float64 `json:"calories"`
	Protein      float64 `json:"protein"`
	Carbohydrate float64 `json:"carbohydrate"`
	Fat          float64 `json:"fat"`
	Fiber        float64 `json:"fiber"`
	Sodium       float64 `json:"sodium"`
}

type emailJSON struct {
	WeeklyReminder bool `json:"weeklyReminder"`
	WeeklySummary  bool `json:"weeklySummary"`
	ShoppingList   bool `json:"shoppingList"`
}

func preferencesFromDomain(p user.Preferences) preferencesJSON {
	j := preferencesJSON{
		Theme: p.Theme, Notifications: p.Notifications, Dietary: list(p.Dietary), Allergies: list(p.Allergies),
		DislikedIngredients: list(p.DislikedIngredients), FavoriteCuisines: list(p.FavoriteCuisines),
		HouseholdSize: p.HouseholdSize, SkillLevel: p.SkillLevel, UnitSystem: p.UnitSystem, Timezone: p.Timezone,
		Email: emailJSON(p.Email),
	}
	if p.MaxPrepTime != nil {
		m := *p.MaxPrepTime
		j.MaxPrepTime = &m
	}
	if p.NutritionTargets != nil {
		t := targetsJSON(*p.NutritionTargets)
		j.NutritionTargets = &t
	}
	return j
}

// preferencesToDomain reads the stored JSON over the defaults, so that rows
// written before a preference existed read as its default.
func preferencesToDomain(data string) (user.Preferences, error) {
	j := preferencesFromDomain(user.DefaultPreferences())
	if err := json.Unmarshal([]byte(data), &j); err != nil {
		return user.Preferences{}, err
	}
	p := user.Preferences{
		Theme: j.Theme, Notifications: j.Notifications, Dietary: list(j.Dietary), Allergies: list(j.Allergies),
		DislikedIngredients: list(j.DislikedIngredients), FavoriteCuisines: list(j.FavoriteCuisines),
		HouseholdSize: j.HouseholdSize, SkillLevel: j.SkillLevel, MaxPrepTime: j.MaxPrepTime,
		UnitSystem: j.UnitSystem, Timezone: j.Timezone, Email: user.EmailPreferences(j.Email),
	}
	if j.NutritionTargets != nil {
		t := user.NutritionTargets(*j.NutritionTargets)
		p.NutritionTargets = &t
	}
	return p, nil
}

// list copies a list, never returning nil: an empty list is [] in JSON and
// in the domain.
func list(s []string) []string {
	out := make([]string, len(s))
	copy(out, s)
	return out
}
