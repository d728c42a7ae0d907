package http_test

import (
	"bytes"
	"cmp"
	"strings"
	"testing"
)

// shopRoute is one §6 route with a body that succeeds for the list's owner.
// {list}, {item} and {share} are replaced by a fresh list's ids. others is
// what another signed-in user gets: 404 unless the route is about the
// caller's own data (their lists, their plan of the week).
type shopRoute struct {
	method, path string
	body         any
	ok, others   int
	public       bool
}

var shopRoutes = []shopRoute{
	{method: "POST", path: "/shopping-lists/generate", body: map[string]string{"weekStart": "2026-11-22"}, ok: 201, others: 404},
	{method: "GET", path: "/shopping-lists", ok: 200, others: 200},
	{method: "GET", path: "/shopping-lists/{list}", ok: 200},
	{method: "PATCH", path: "/shopping-lists/{list}", body: map[string]string{"name": "Mine"}, ok: 200},
	{method: "DELETE", path: "/shopping-lists/{list}", ok: 204},
	{method: "POST", path: "/shopping-lists/{list}/items", body: map[string]string{"name": "bread"}, ok: 201},
	{method: "PATCH", path: "/shopping-lists/{list}/items/{item}", body: map[string]bool{"checked": true}, ok: 200},
	{method: "DELETE", path: "/shopping-lists/{list}/items/{item}", ok: 200},
	{method: "POST", path: "/shopping-lists/{list}/uncheck-all", ok: 200},
	{method: "POST", path: "/shopping-lists/{list}/share", body: map[string]int{"expiresInDays": 2}, ok: 201},
	{method: "DELETE", path: "/shopping-lists/{list}/share", ok: 204},
	{method: "GET", path: "/shopping-lists/shared/{share}", ok: 200, public: true},
}

// TestShoppingOwnershipMatrix: every route × {anonymous, owner, other user,
// admin}. A list belongs to its owner alone: others, admins included, see
// 404 and change nothing; the share link is public.
func TestShoppingOwnershipMatrix(t *testing.T) {
	a, owner, planID := newShopAPI(t)
	other := a.register("other@example.com")
	admin := a.admin("admin@example.com")
	for _, rt := range shopRoutes {
		t.Run(rt.method+" "+rt.path, func(t *testing.T) {
			l := a.generate(owner.Token, planID)
			shareID, _ := a.shareList(owner.Token, l.ID, nil)
			before := a.get("/api/v1/shopping-lists/"+l.ID, owner.Token, 200).Body
			path := "/api/v1" + strings.NewReplacer("{list}", l.ID, "{item}", l.Items[0].ID, "{share}", shareID).Replace(rt.path)
			for _, c := range []struct {
				name, token string
				want        int
			}{{"anonymous", "", 401}, {"other user", other.Token, cmp.Or(rt.others, 404)}, {"admin", admin.Token, cmp.Or(rt.others, 404)}} {
				if rt.public {
					c.want = rt.ok
				}
				res := a.do(rt.method, path, c.token, rt.body)
				if res.Status != c.want {
					t.Errorf("%s: %d, want %d: %s", c.name, res.Status, c.want, res.Body)
				}
				if rt.method == "GET" && rt.path == "/shopping-lists" && c.token != "" && res.JSON(t)["total"] != 0.0 {
					t.Errorf("%s sees the owner's lists: %s", c.name, res.Body)
				}
			}
			if after := a.get("/api/v1/shopping-lists/"+l.ID, owner.Token, 200).Body; !bytes.Equal(before, after) {
				t.Errorf("others changed the owner's list:\n%s\n%s", before, after)
			}
			wantStatus(t, a.do(rt.method, path, owner.Token, rt.body), rt.ok)
		})
	}
}
