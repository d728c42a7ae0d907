package http

import (
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/shopping"
)

func handleShoppingShare(shop *app.Shopping) http.HandlerFunc {
	type request struct {
		ExpiresInDays *int `json:"expiresInDays"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		days := shopping.DefaultShareDays
		if in.ExpiresInDays != nil {
			days = *in.ExpiresInDays
		}
		link, err := shop.ShareList(r.Context(), principalFrom(r.Context()), pathListID(r), days)
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusCreated, shareLinkJSON{ShareID: link.ShareID, ShareURL: link.URL,
			ExpiresAt: link.ExpiresAt.UTC()})
	}
}

func handleShoppingUnshare(shop *app.Shopping) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := shop.UnshareList(r.Context(), principalFrom(r.Context()), pathListID(r)); err != nil {
			writeError(w, r, err)
			return
		}
		respondNoContent(w)
	}
}

// handleShoppingShared is the public, read-only view of a shared list: JSON,
// or a printable page for a client that prefers HTML (a browser following
// the link). Either way the answer depends on Accept, is personal and is no
// business of search engines.
func handleShoppingShared(shop *app.Shopping) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Add("Vary", "Accept")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Robots-Tag", "noindex")
		html := prefersHTML(r.Header.Get("Accept"))
		l, err := shop.SharedList(r.Context(), mux.Vars(r)["shareId"])
		switch {
		case err != nil && html && domain.IsCode(err, domain.CodeNotFound):
			writeHTML(w, r, http.StatusNotFound, sharedGoneTemplate, nil)
			return
		case err != nil:
			writeError(w, r, err)
			return
		case html:
			writeHTML(w, r, http.StatusOK, sharedPageTemplate, newSharedPage(l))
			return
		}
		respond(w, r, http.StatusOK, newSharedListJSON(l))
	}
}

// prefersHTML reports whether the Accept header ranks text/html above
// application/json. Browsers list text/html first; API clients send JSON,
// */* or nothing, and get JSON.
func prefersHTML(accept string) bool {
	return acceptQuality(accept, "text", "html") > acceptQuality(accept, "application", "json")
}

// acceptQuality is the q-value an Accept header gives typ/sub through its
// most specific matching range (typ/sub, then typ/*, then */*); 0 when no
// range matches, and 1 for an empty header, which accepts anything.
func acceptQuality(accept, typ, sub string) float64 {
	if strings.TrimSpace(accept) == "" {
		return 1
	}
	best, level := 0.0, -1
	for _, part := range strings.Split(accept, ",") {
		media, params, _ := strings.Cut(part, ";")
		t, s, ok := strings.Cut(strings.ToLower(strings.TrimSpace(media)), "/")
		if !ok {
			continue
		}
		l := matchLevel(t, s, typ, sub)
		switch q := qValue(params); {
		case l > level:
			best, level = q, l
		case l == level && l >= 0 && q > best:
			best = q
		}
	}
	return best
}

// matchLevel ranks how specifically a media range t/s names typ/sub: 2 for
// exactly, 1 for typ/*, 0 for */*, -1 for not at all.
func matchLevel(t, s, typ, sub string) int {
	switch {
	case t == typ && s == sub:
		return 2
	case t == typ && s == "*":
		return 1
	case t == "*" && s == "*":
		return 0
	}
	return -1
}

// qValue reads q from a media range's parameters; absent or unreadable is 1.
func qValue(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || math.IsNaN(q) || q > 1 {
			return 1
		}
		return max(q, 0)
	}
	return 1
}
