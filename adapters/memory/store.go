package memory

import (
	"sync"
	"time"

	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/session"
	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/domain/user"
)

// Store holds the data of the repositories behind one mutex, so that an
// operation spanning several of them (erasing a user, counting a favourite)
// is atomic, as a database transaction would make it. The closures that
// Update, Erase and Rotate take run under that mutex and must not call back
// into the store.
type Store struct {
	mu         sync.Mutex
	users      map[string]*user.User             // by id
	sessions   map[string]*session.Session       // by id
	resets     map[string]*user.PasswordReset    // by token hash
	activities map[string][]activity.Activity    // by user id, in insertion order
	activityID map[string]bool                   // every activity id, for uniqueness
	recipes    map[int64]*recipe.Recipe          // by id, soft-deleted ones included
	favorites  map[string]map[int64]time.Time    // by user id, then recipe id: when marked
	ratings    map[string]map[int64]storedRating // by user id, then recipe id
	plans      map[string]*planning.Plan         // by id
	lists      map[string]*shopping.List         // by id
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{
		users:      map[string]*user.User{},
		sessions:   map[string]*session.Session{},
		resets:     map[string]*user.PasswordReset{},
		activities: map[string][]activity.Activity{},
		activityID: map[string]bool{},
		recipes:    map[int64]*recipe.Recipe{},
		favorites:  map[string]map[int64]time.Time{},
		ratings:    map[string]map[int64]storedRating{},
		plans:      map[string]*planning.Plan{},
		lists:      map[string]*shopping.List{},
	}
}

// Users returns the user repository of the store.
func (s *Store) Users() *UserRepository { return &UserRepository{s: s} }

// Sessions returns the refresh-session repository of the store.
func (s *Store) Sessions() *SessionRepository { return &SessionRepository{s: s} }

// Resets returns the password-reset repository of the store.
func (s *Store) Resets() *ResetRepository { return &ResetRepository{s: s} }

// Activities returns the activity repository of the store.
func (s *Store) Activities() *ActivityRepository { return &ActivityRepository{s: s} }

// Recipes returns the recipe repository of the store.
func (s *Store) Recipes() *RecipeRepository { return &RecipeRepository{s: s} }

// Favorites returns the favourite repository of the store.
func (s *Store) Favorites() *FavoriteRepository { return &FavoriteRepository{s: s} }

// Ratings returns the rating repository of the store.
func (s *Store) Ratings() *RatingRepository { return &RatingRepository{s: s} }

// Plans returns the meal-plan repository of the store.
func (s *Store) Plans() *PlanRepository { return &PlanRepository{s: s} }

// ShoppingLists returns the shopping-list repository of the store.
func (s *Store) ShoppingLists() *ShoppingListRepository { return &ShoppingListRepository{s: s} }

// utc is how the SQL adapter stores times: UTC, to the microsecond. Doing the
// same here keeps the fake indistinguishable from the databases.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Microsecond)
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := utc(*t)
	return &u
}

// copyList copies a list, never returning nil.
func copyList(s []string) []string {
	out := make([]string, len(s))
	copy(out, s)
	return out
}

// copyMap copies a map, never returning nil.
func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}
