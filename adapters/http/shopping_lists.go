package http

import (
	"net/http"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
)

// mountShopping adds the shopping lists of CONTRACT §6: user holds the
// signed-in routes, open the public read of shared lists. open is matched
// before user, so /shopping-lists/shared/{shareId} never reaches
// /shopping-lists/{id} and its token check.
func mountShopping(user, open *mux.Router, shop *app.Shopping) {
	open.Handle("/shopping-lists/shared/{shareId}", handleShoppingShared(shop)).Methods(http.MethodGet)

	user.Handle("/shopping-lists/generate", handleShoppingGenerate(shop)).Methods(http.MethodPost)
	user.Handle("/shopping-lists", handleShoppingListsList(shop)).Methods(http.MethodGet)
	user.Handle("/shopping-lists/{id}", handleShoppingListGet(shop)).Methods(http.MethodGet)
	user.Handle("/shopping-lists/{id}", handleShoppingListRename(shop)).Methods(http.MethodPatch)
	user.Handle("/shopping-lists/{id}", handleShoppingListDelete(shop)).Methods(http.MethodDelete)
	user.Handle("/shopping-lists/{id}/items", handleShoppingItemAdd(shop)).Methods(http.MethodPost)
	user.Handle("/shopping-lists/{id}/items/{itemId}", handleShoppingItemEdit(shop)).Methods(http.MethodPatch)
	user.Handle("/shopping-lists/{id}/items/{itemId}", handleShoppingItemRemove(shop)).Methods(http.MethodDelete)
	user.Handle("/shopping-lists/{id}/uncheck-all", handleShoppingUncheckAll(shop)).Methods(http.MethodPost)
	user.Handle("/shopping-lists/{id}/share", handleShoppingShare(shop)).Methods(http.MethodPost)
	user.Handle("/shopping-lists/{id}/share", handleShoppingUnshare(shop)).Methods(http.MethodDelete)
}

// pathListID is the {id} of a shopping-list route.
func pathListID(r *http.Request) string { return mux.Vars(r)["id"] }

func handleShoppingGenerate(shop *app.Shopping) http.HandlerFunc {
	type request struct {
		MealPlanID string `json:"mealPlanId"`
		WeekStart  string `json:"weekStart"`
		Mode       string `json:"mode"`
		Name       string `json:"name"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		l, err := shop.GenerateList(r.Context(), principalFrom(r.Context()), app.GenerateListInput{
			MealPlanID: in.MealPlanID, WeekStart: in.WeekStart, Mode: in.Mode, Name: in.Name})
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusCreated, newShoppingListJSON(l))
	}
}

func handleShoppingListsList(shop *app.Shopping) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		page, err := pageInput(r, defaultListLimit)
		if err != nil {
			writeError(w, r, err)
			return
		}
		lists, err := shop.ListPage(r.Context(), principalFrom(r.Context()), page)
		if err != nil {
			writeError(w, r, err)
			return
		}
		setTotalCount(w, lists.Total)
		respond(w, r, http.StatusOK, newShoppingListPageJSON(lists))
	}
}

func handleShoppingListGet(shop *app.Shopping) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		l, err := shop.List(r.Context(), principalFrom(r.Context()), pathListID(r))
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, newShoppingListJSON(l))
	}
}

func handleShoppingListRename(shop *app.Shopping) http.HandlerFunc {
	type request struct {
		Name string `json:"name"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		l, err := shop.RenameList(r.Context(), principalFrom(r.Context()), pathListID(r), in.Name)
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, newShoppingListJSON(l))
	}
}

func handleShoppingListDelete(shop *app.Shopping) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := shop.DeleteList(r.Context(), principalFrom(r.Context()), pathListID(r)); err != nil {
			writeError(w, r, err)
			return
		}
		respondNoContent(w)
	}
}
