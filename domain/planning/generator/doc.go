// Package generator fills the empty slots of a week's meal plan from the
// recipe catalogue so that one person's daily energy and the week's macro
// split come close to their targets, without ever breaking a hard constraint.
//
// # Hard constraints
//
// A recipe may fill a slot only if recipe.Restrictions.Allows it (diet,
// allergies, dislikes), its preparation time is within the slot's meal-type
// limit, it is stored (ID > 0), not deleted and of known energy. Slots kept
// from an existing plan are never touched. These rules decide which recipes
// enter the search at all, so no weight below can trade them away.
//
// # Targets
//
// Targets are per person per day and each slot is one serving for that
// person. The planned meal types stand for the whole day unless a main meal
// is missing: mealShare splits a day 25:35:35:10 (breakfast, lunch, dinner,
// snacks), a day of breakfast, lunch and dinner must reach the full target,
// and a day of dinners only must reach 35/95 of it (the other meals are
// eaten elsewhere). See dayPart and DayTotals.Target.
//
// # Method
//
// The problem is a small assignment problem (at most 28 slots) over a large
// catalogue, so the work is split in two.
//
//  1. Candidate pools. Each meal type gets a pool of at most a few hundred
//     recipes, sampled in an order drawn from the seed and stratified into
//     buckets by energy (relative to the meal's share of the day) and by the
//     macronutrient that most exceeds its target share. The scan stops once
//     every pool is full or has stopped growing, so 100 000 recipes cost
//     little more than a few thousand, while the buckets keep each pool
//     able to correct a day or a macro in either direction. Categories fit
//     meal types in tiers (see mealTiers); a lower tier joins a pool only
//     while it holds fewer than two recipes of a plausible size per slot,
//     and each pick from it costs tierWeight.
//  2. Search. A greedy start gives every slot the unused recipe closest to
//     its share of what its day still needs. Simulated annealing then
//     replaces one slot's recipe (half the time with one aimed at the day's
//     remaining gap) or swaps the recipes of one meal type on two days,
//     over several restarts, and a steepest descent over all replacements
//     and swaps polishes the best state found. Every move is evaluated
//     incrementally in constant time.
//
// # Objective
//
// The search minimises a sum of penalties, in squared percentage points:
//
//   - each day's energy deviation from its target, squared and divided by
//     seven, plus dayHinge times the squared excess beyond dayBand (8 %);
//   - the week's energy deviation, squared and doubled, plus weekHinge times
//     the squared excess beyond weekBand (4 %);
//   - for protein, carbohydrate and fat, the distance between the week's
//     share of macronutrient energy and the target share, squared within
//     macroBand (4 points) and linear beyond it;
//   - repeatWeight for each use of a recipe beyond its first, plus
//     spreadWeight times the square of those extra uses;
//   - tierWeight for each step down the meal-type fit tiers.
//
// The bands sit inside the requirement's tolerances (±10 % a day, ±5 % over
// the week, ±5 macro points), so the hinges push before a limit is crossed.
// Beyond knee points past a band the energy hinges grow linearly, and the
// macro penalty is linear past its band: a target that the catalogue cannot
// reach (paleo recipes are low in carbohydrate) still pulls, but cannot buy
// a few points with a week of the same dinner. A repeat costs as much as
// several points of energy beyond a band, so the search repeats a recipe
// only when the recipes that fit are too few, or too small to come near the
// energy target otherwise.
//
// Macro shares are of the energy the three macronutrients supply (protein
// and carbohydrate 4 kcal/g, fat 9 kcal/g), for the targets and the plan
// alike, so both sum to 100 %.
//
// Everything random comes from a PCG seeded by Request.Seed and every loop
// walks slices in a fixed order, so a seed always gives the same plan.
package generator
