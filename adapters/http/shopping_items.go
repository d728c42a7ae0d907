package http

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/shopping"
)

var errBadQuantity = domain.Invalid("quantity must be a non-negative number",
	map[string]string{"quantity": "must be a non-negative number, as a number or a string"})

// quantityJSON is an item quantity sent as a number (2.5) or a string ("2.5",
// "1/2", "1 1/2"), as the frontend sends it. "" and null mean no quantity.
type quantityJSON struct {
	set   bool
	value float64
}

// UnmarshalJSON reads either form; a bad value is a validation error naming
// the field, which decode passes on as it is.
func (q *quantityJSON) UnmarshalJSON(b []byte) error {
	q.set = true
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return errBadQuantity
		}
		v, ok := parseQuantity(s)
		if !ok {
			return errBadQuantity
		}
		q.value = v
		return nil
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || v < 0 {
		return errBadQuantity
	}
	q.value = v
	return nil
}

// parseQuantity reads "" (none), a decimal number, a fraction "a/b" or a
// mixed number "w a/b"; the domain bounds the value.
func parseQuantity(s string) (float64, bool) {
	fields := strings.Fields(s)
	switch len(fields) {
	case 0:
		return 0, true
	case 1:
		if v, ok := plainNumber(fields[0]); ok {
			return v, true
		}
		return fraction(fields[0])
	case 2:
		w, whole := plainNumber(fields[0])
		f, ok := fraction(fields[1])
		return w + f, whole && ok && w == math.Trunc(w)
	}
	return 0, false
}

// plainNumber reads digits with an optional decimal point; ParseFloat alone
// would also take "NaN", "Inf", signs, exponents and hexadecimal.
func plainNumber(s string) (float64, bool) {
	if s == "" || strings.Trim(s, "0123456789.") != "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

func fraction(s string) (float64, bool) {
	num, den, isFraction := strings.Cut(s, "/")
	n, okN := plainNumber(num)
	d, okD := plainNumber(den)
	if !isFraction || !okN || !okD || d == 0 {
		return 0, false
	}
	return n / d, true
}

// pathItemID is the {itemId} of an item route.
func pathItemID(r *http.Request) string { return mux.Vars(r)["itemId"] }

func handleShoppingItemAdd(shop *app.Shopping) http.HandlerFunc {
	type request struct {
		Name     string       `json:"name"`
		Quantity quantityJSON `json:"quantity"`
		Unit     string       `json:"unit"`
		Category string       `json:"category"`
		Note     string       `json:"note"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		l, err := shop.AddItem(r.Context(), principalFrom(r.Context()), pathListID(r), shopping.NewItem{
			Name: in.Name, Quantity: in.Quantity.value, Unit: in.Unit, Section: in.Category, Note: in.Note})
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusCreated, newShoppingListJSON(l))
	}
}

func handleShoppingItemEdit(shop *app.Shopping) http.HandlerFunc {
	type request struct {
		Checked  *bool        `json:"checked"`
		Name     *string      `json:"name"`
		Quantity quantityJSON `json:"quantity"`
		Unit     *string      `json:"unit"`
		Category *string      `json:"category"`
		Note     *string      `json:"note"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		edit := shopping.ItemEdit{Checked: in.Checked, Name: in.Name, Unit: in.Unit, Section: in.Category, Note: in.Note}
		if in.Quantity.set {
			edit.Quantity = &in.Quantity.value
		}
		l, err := shop.EditItem(r.Context(), principalFrom(r.Context()), pathListID(r), pathItemID(r), edit)
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, newShoppingListJSON(l))
	}
}

func handleShoppingItemRemove(shop *app.Shopping) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l, err := shop.RemoveItem(r.Context(), principalFrom(r.Context()), pathListID(r), pathItemID(r))
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, newShoppingListJSON(l))
	}
}

func handleShoppingUncheckAll(shop *app.Shopping) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l, err := shop.UncheckAll(r.Context(), principalFrom(r.Context()), pathListID(r))
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, newShoppingListJSON(l))
	}
}
