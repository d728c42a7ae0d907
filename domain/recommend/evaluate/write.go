package evaluate

import (
	"fmt"
	"io"
)

// TargetLift is the hybrid's required HitRate@K over popularity's.
const TargetLift = 1.5

// Write prints the result as a table, with the lift over popularity and
// whether it meets TargetLift.
func (r Result) Write(w io.Writer) error {
	k := r.Config.K
	verdict := "meets"
	if r.Lift() < TargetLift {
		verdict = "MISSES"
	}
	_, err := fmt.Fprintf(w, `Offline evaluation of suggestions (seed %d)
  simulated people   %d, %d with held-out recipes to find
  catalogue          %d recipes
  interactions       %d (%d held out, the latest %.0f %% of each person's)
  recipes to find    %d, %.1f per person

  method        HitRate@%d   NDCG@%d
  random        %9.3f   %7.3f
  popularity    %9.3f   %7.3f
  hybrid        %9.3f   %7.3f
  oracle        %9.3f   %7.3f   (knows the hidden tastes: the ceiling)

  hybrid / popularity HitRate@%d: %.2f× (target ≥ %.1f×: %s)
`, r.Config.Seed, r.Config.Users, r.Evaluated, r.Recipes, r.Interactions, r.HeldOut, 100*r.Config.HoldOut,
		r.Targets, perPerson(r.Targets, r.Evaluated), k, k, r.Random.HitRate, r.Random.NDCG,
		r.Popularity.HitRate, r.Popularity.NDCG, r.Hybrid.HitRate, r.Hybrid.NDCG,
		r.Oracle.HitRate, r.Oracle.NDCG, k, r.Lift(), TargetLift, verdict)
	return err
}

func perPerson(n, people int) float64 {
	if people == 0 {
		return 0
	}
	return float64(n) / float64(people)
}
