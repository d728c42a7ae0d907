package porttest

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
)

// ActivityRepository runs the contract of ports.ActivityRepository.
func ActivityRepository(t *testing.T, newStores func(t *testing.T) Stores) {
	t.Helper()
	run := func(name string, test func(*testing.T, Stores)) {
		t.Run(name, func(t *testing.T) { test(t, newStores(t)) })
	}
	run("add then all keeps every field, oldest first", activitiesRoundTrip)
	run("list is newest first and limited", activitiesList)
	run("empty metadata and related id", activitiesEmpty)
	run("users see only their own", activitiesIsolation)
	run("a taken id is a conflict", activitiesConflict)
}

// mustAddActivity logs a view of a recipe by the user at the given time.
func mustAddActivity(t *testing.T, s Stores, userID string, at time.Time, metadata map[string]string) activity.Activity {
	t.Helper()
	a, err := activity.New(storeID(), userID, activity.ViewRecipe, "Viewed a recipe", "52772", metadata, at)
	if err != nil {
		t.Fatalf("activity.New: %v", err)
	}
	if err := s.Activities.Add(t.Context(), a); err != nil {
		t.Fatalf("Activities.Add: %v", err)
	}
	return a
}

// mustAddActivities logs n activities a minute apart, oldest first.
func mustAddActivities(t *testing.T, s Stores, userID string, n int) []activity.Activity {
	t.Helper()
	out := make([]activity.Activity, n)
	for i := range out {
		md := map[string]string{"index": fmt.Sprint(i), "source": "porttest", "quote": `it's "fine" \ ok`}
		out[i] = mustAddActivity(t, s, userID, storeEpoch.Add(time.Duration(i)*time.Minute), md)
	}
	return out
}

// assertActivities checks got against want as a store keeps them.
func assertActivities(t *testing.T, what string, got, want []activity.Activity) {
	t.Helper()
	if got == nil {
		t.Errorf("%s: got a nil list", what)
	}
	if len(got) != len(want) {
		t.Fatalf("%s: got %d activities, want %d", what, len(got), len(want))
	}
	for i := range got {
		if got[i].Timestamp.Location() != time.UTC {
			t.Errorf("%s[%d]: timestamp in %v, want UTC", what, i, got[i].Timestamp.Location())
		}
		g, w := got[i], want[i]
		g.Timestamp, w.Timestamp = sameInstant(g.Timestamp), storedTime(w.Timestamp)
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s[%d] differs\n got: %+v\nwant: %+v", what, i, g, w)
		}
	}
}

func activitiesRoundTrip(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "act"))
	want := mustAddActivities(t, s, u.ID, 3)
	got, err := s.Activities.All(t.Context(), u.ID)
	if err != nil {
		t.Fatalf("All: %v", err)
	}
	assertActivities(t, "All", got, want)
}

func activitiesList(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "list"))
	added := mustAddActivities(t, s, u.ID, 5)
	got, err := s.Activities.List(t.Context(), u.ID, 3)
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	assertActivities(t, "List(3)", got, []activity.Activity{added[4], added[3], added[2]})
	got, _ = s.Activities.List(t.Context(), u.ID, 50)
	assertActivities(t, "List(50)", got, []activity.Activity{added[4], added[3], added[2], added[1], added[0]})
	got, _ = s.Activities.List(t.Context(), u.ID, 0)
	assertActivities(t, "List(0)", got, []activity.Activity{})
}

func activitiesEmpty(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "empty"))
	a, err := activity.New(storeID(), u.ID, activity.ClearPlan, "", "", nil, storeEpoch)
	if err != nil {
		t.Fatalf("activity.New: %v", err)
	}
	if err := s.Activities.Add(t.Context(), a); err != nil {
		t.Fatalf("Add: %v", err)
	}
	got, _ := s.Activities.List(t.Context(), u.ID, 10)
	assertActivities(t, "List", got, []activity.Activity{a})
	if len(got) == 1 && got[0].Metadata == nil {
		t.Error("empty metadata came back nil, want an empty map")
	}
}

func activitiesIsolation(t *testing.T, s Stores) {
	tag := storeTag()
	a := mustCreateUser(t, s, storeEmail(tag, "a"))
	b := mustCreateUser(t, s, storeEmail(tag, "b"))
	theirs := mustAddActivities(t, s, a.ID, 2)
	mine := mustAddActivities(t, s, b.ID, 1)
	got, _ := s.Activities.All(t.Context(), a.ID)
	assertActivities(t, "All(a)", got, theirs)
	got, _ = s.Activities.List(t.Context(), b.ID, 10)
	assertActivities(t, "List(b)", got, mine)
	got, err := s.Activities.List(t.Context(), storeID(), 10)
	if err != nil {
		t.Fatalf("List unknown user: %v", err)
	}
	assertActivities(t, "List(unknown)", got, []activity.Activity{})
}

func activitiesConflict(t *testing.T, s Stores) {
	u := mustCreateUser(t, s, storeEmail(storeTag(), "dup"))
	a := mustAddActivity(t, s, u.ID, storeEpoch, nil)
	assertCode(t, s.Activities.Add(t.Context(), a), domain.ErrConflict, "Add with a taken id")
}
