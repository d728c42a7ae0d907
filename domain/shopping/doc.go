// Package shopping turns a week's planned recipes into the list a cook takes
// to the shop, keeps that list across regenerations and manual additions, and
// counts progress by section. It is pure: no I/O, no clock, no randomness.
//
// Decisions that consumers rely on:
//
//   - Grouping. Lines are grouped by the canonical food the food table matches
//     for the ingredient name; unmatched names by their normalised text (lower
//     case, single spaces). Each line is first scaled by Servings/RecipeServings.
//   - One dimension per food when possible. Every measured line has a native
//     group: mass, volume, or a count of one noun (the food's own unit — "" for
//     eggs, "clove" for garlic — or another noun such as "head"). Each native
//     group present is a candidate target. A line converts to a target when it
//     is already in it, or when it can be weighed (nutrition.Grams: mass,
//     volume × density, count × unit weight, a parenthesised size) and the
//     target is mass, volume with a known density, or the food's unit with a
//     known unit weight. The target that takes the most lines wins; ties go to
//     the group with more native lines, then to the food's own count (a shop
//     sells eggs and onions by the piece), then mass, then volume, then other
//     counts by noun. Lines left over are consolidated again the same way into
//     further items of the same food: nothing is ever dropped.
//   - Counts keep what the recipe wrote: "3 large eggs" is three eggs to buy,
//     not 3.6; only masses and volumes are turned into counts, by unit weight.
//   - Unmeasurable lines ("to taste") add nothing; they are sources of the
//     food's first item, or one item with Quantity "" when the food has no
//     measured line at all.
//   - Item.Amount is exact (grams, millilitres or items, unrounded); only the
//     display rounds. Counts round up to whole items. Metric and US masses and
//     metric volumes show one decimal below 10 and whole numbers from 10 up
//     (never "0": the smallest shown is 0.1); US spoons and cups show kitchen
//     fractions (measure.FormatFraction), within 1/16 of the exact amount.
//   - Amounts are summed in ascending order, so the result does not depend on
//     the order of the plan except for the order of Sources.
//   - Items are sorted by section in store order, then name, then key.
//
// A stored List adds identity and editing:
//
//   - Every item has an ID. Regenerating in Replace mode hands a surviving
//     Key's ID, Checked state and Note to its new item, so clients keep
//     their references; new items get fresh IDs and no ID is used twice.
//   - Editing an item's quantity or unit recomputes Amount and Dimension and
//     moves the group in its Key along, because absorption converts into the
//     group the Key names. A new name changes only what the item shows.
//   - A list has at most one share link. Sharing again replaces its id, and a
//     link is dead from its ExpiresAt on.
package shopping
