package http_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// shareList shares the list and returns the share id and URL.
func (a *api) shareList(token, listID string, body any) (string, string) {
	a.t.Helper()
	res := a.do("POST", "/api/v1/shopping-lists/"+listID+"/share", token, body)
	wantStatus(a.t, res, 201)
	m := res.JSON(a.t)
	id, _ := m["shareId"].(string)
	url, _ := m["shareUrl"].(string)
	return id, url
}

// getShared reads a share link anonymously with the given Accept header.
func (a *api) getShared(path, accept string) response {
	a.t.Helper()
	req, err := http.NewRequest("GET", a.srv.URL+path, nil)
	if err != nil {
		a.t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return a.send(req)
}

func TestShareShoppingList(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	l := a.generate(cook.Token, planID)
	res := a.do("POST", "/api/v1/shopping-lists/"+l.ID+"/share", cook.Token, nil)
	wantStatus(t, res, 201)
	m := res.JSON(t)
	id := m["shareId"].(string)
	expires, err := time.Parse(time.RFC3339, m["expiresAt"].(string))
	if err != nil || !expires.Equal(a.app.Clock.Now().Add(7*24*time.Hour)) || len(id) < 43 {
		t.Errorf("share = %v (%v)", m, err)
	}
	if m["shareUrl"] != "http://localhost:3001/api/v1/shopping-lists/shared/"+id {
		t.Errorf("shareUrl = %v", m["shareUrl"])
	}
	if got := decodeList(t, a.get("/api/v1/shopping-lists/"+l.ID, cook.Token, 200)); got.ShareID == nil || *got.ShareID != id {
		t.Errorf("owner's view shareId = %v", got.ShareID)
	}
	for _, path := range []string{"/api/v1/shopping-lists/shared/" + id, "/api/shopping-lists/shared/" + id} {
		res := a.getShared(path, "application/json")
		wantStatus(t, res, 200)
		body := res.JSON(t)
		_, hasUser := body["userId"]
		_, hasShare := body["shareId"]
		if hasUser || hasShare || body["name"] != l.Name || len(body["items"].([]any)) != len(l.Items) {
			t.Errorf("%s: public view %s", path, res.Body)
		}
		if res.Header.Get("X-Robots-Tag") != "noindex" || res.Header.Get("Cache-Control") != "no-store" ||
			!strings.Contains(strings.Join(res.Header.Values("Vary"), ","), "Accept") {
			t.Errorf("%s: headers %v", path, res.Header)
		}
	}
	for _, bad := range []any{map[string]int{"expiresInDays": 0}, map[string]int{"expiresInDays": 31}, map[string]string{"expiresInDays": "7"}} {
		wantStatus(t, a.do("POST", "/api/v1/shopping-lists/"+l.ID+"/share", cook.Token, bad), 400)
	}
	wantError(t, a.do("POST", "/api/v1/shopping-lists/"+l.ID+"/share", cook.Token, map[string]int{"expiresInDays": 0}), 400,
		"expiresInDays must be between 1 and 30")
}

func TestShareLinkExpires(t *testing.T) {
	tests := []struct {
		name    string
		days    any
		advance time.Duration
		status  int
	}{
		{"default, a minute before", nil, 7*24*time.Hour - time.Minute, 200},
		{"default, at expiry", nil, 7 * 24 * time.Hour, 404},
		{"one day, after", map[string]int{"expiresInDays": 1}, 24*time.Hour + time.Second, 404},
		{"thirty days, on day 29", map[string]int{"expiresInDays": 30}, 29 * 24 * time.Hour, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, cook, planID := newShopAPI(t)
			l := a.generate(cook.Token, planID)
			id, _ := a.shareList(cook.Token, l.ID, tt.days)
			a.app.Clock.Advance(tt.advance)
			res := a.getShared("/api/v1/shopping-lists/shared/"+id, "")
			wantStatus(t, res, tt.status)
			if tt.status == 404 && res.ErrorText(t) != "shopping list not found" {
				t.Errorf("error %q", res.ErrorText(t))
			}
		})
	}
}

func TestShareLinkRevocation(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	l := a.generate(cook.Token, planID)
	first, _ := a.shareList(cook.Token, l.ID, nil)
	second, _ := a.shareList(cook.Token, l.ID, map[string]int{"expiresInDays": 3})
	if first == second {
		t.Fatal("sharing again must make a new id")
	}
	wantError(t, a.getShared("/api/v1/shopping-lists/shared/"+first, ""), 404, "shopping list not found")
	wantStatus(t, a.getShared("/api/v1/shopping-lists/shared/"+second, ""), 200)
	wantStatus(t, a.do("DELETE", "/api/v1/shopping-lists/"+l.ID+"/share", cook.Token, nil), 204)
	wantError(t, a.getShared("/api/v1/shopping-lists/shared/"+second, ""), 404, "shopping list not found")
	if got := decodeList(t, a.get("/api/v1/shopping-lists/"+l.ID, cook.Token, 200)); got.ShareID != nil {
		t.Errorf("revoked list still has shareId %v", *got.ShareID)
	}
	wantStatus(t, a.do("DELETE", "/api/v1/shopping-lists/"+l.ID+"/share", cook.Token, nil), 204)
	third, _ := a.shareList(cook.Token, l.ID, nil)
	wantStatus(t, a.do("DELETE", "/api/v1/shopping-lists/"+l.ID, cook.Token, nil), 204)
	wantError(t, a.getShared("/api/v1/shopping-lists/shared/"+third, ""), 404, "shopping list not found")
	wantError(t, a.getShared("/api/v1/shopping-lists/shared/never-issued", ""), 404, "shopping list not found")
}

func TestSharedListPageForBrowsers(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	l := a.generate(cook.Token, planID)
	wantStatus(t, a.do("PATCH", "/api/v1/shopping-lists/"+l.ID, cook.Token, map[string]string{"name": `Tom's <script>alert(1)</script>`}), 200)
	id, _ := a.shareList(cook.Token, l.ID, nil)
	browser := "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	res := a.getShared("/api/v1/shopping-lists/shared/"+id, browser)
	wantStatus(t, res, 200)
	page := string(res.Body)
	h := res.Header
	if !strings.HasPrefix(h.Get("Content-Type"), "text/html") || h.Get("X-Robots-Tag") != "noindex" ||
		h.Get("Cache-Control") != "no-store" || strings.Contains(h.Get("Content-Security-Policy"), "script-src") ||
		!strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("headers %v", h)
	}
	for _, want := range []string{"<h1>Tom&#39;s &lt;script&gt;alert(1)&lt;/script&gt;</h1>", "Week of Sunday, November 22, 2026",
		">Meat &amp; Seafood<", ">Condiments &amp; Sauces<", "1.8 kg chicken breast", "for: Teriyaki Chicken Casserole",
		`type="checkbox"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script") {
		t.Error("the page carries a script")
	}
	if n := strings.Count(page, `type="checkbox"`); n != len(l.Items) {
		t.Errorf("%d checkboxes for %d items", n, len(l.Items))
	}
	// A client that does not prefer HTML gets JSON, and a dead link in a browser an HTML 404.
	for _, accept := range []string{"application/json", "*/*", "text/html;q=0.5, application/json", ""} {
		if res := a.getShared("/api/v1/shopping-lists/shared/"+id, accept); !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Errorf("Accept %q answered %s", accept, res.Header.Get("Content-Type"))
		}
	}
	res = a.getShared("/api/v1/shopping-lists/shared/nope", browser)
	wantStatus(t, res, 404)
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(res.Body), "expired or was revoked") {
		t.Errorf("dead link page: %s", res.Body)
	}
}
