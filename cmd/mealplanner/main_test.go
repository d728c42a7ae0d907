package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/sql/sqltest"
)

// instance is the real program, run() and all, listening on a free port.
type instance struct {
	base   string
	cancel context.CancelFunc
	done   chan int
	stderr *lockedBuffer
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// start runs `mealplanner serve` and waits until it listens.
func start(t testing.TB, vars map[string]string) *instance {
	t.Helper()
	vars["ADDR"] = "127.0.0.1:0"
	ctx, cancel := context.WithCancel(context.Background())
	in := &instance{cancel: cancel, done: make(chan int, 1), stderr: &lockedBuffer{}}
	addr := make(chan string, 1)
	go func() {
		in.done <- run(ctx, []string{"serve"}, envOf(vars), strings.NewReader(""), io.Discard, in.stderr,
			func(a string) { addr <- a })
	}()
	select {
	case a := <-addr:
		in.base = "http://" + a
	case code := <-in.done:
		t.Fatalf("serve exited with %d before listening:\n%s", code, in.stderr)
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not listen within a minute:\n%s", in.stderr)
	}
	t.Cleanup(func() { in.stop(t) })
	return in
}

// stop sends the equivalent of SIGTERM and expects a clean exit.
func (in *instance) stop(t testing.TB) {
	t.Helper()
	if in.cancel == nil {
		return
	}
	in.cancel()
	in.cancel = nil
	select {
	case code := <-in.done:
		if code != 0 {
			t.Errorf("serve exited with %d:\n%s", code, in.stderr)
		}
	case <-time.After(30 * time.Second):
		t.Error("serve did not stop within 30 s of the shutdown signal")
	}
}

func (in *instance) call(t testing.TB, method, path, token string, body any) (int, map[string]any) {
	t.Helper()
	code, raw := in.send(t, method, path, token, body)
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	return code, m
}

// send makes one JSON request and returns the status and the raw body.
func (in *instance) send(t testing.TB, method, path, token string, body any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, in.base+path, rd)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, raw
}

func embeddedEnv(t *testing.T) map[string]string {
	return map[string]string{"DATA_DIR": t.TempDir(), "LOG_LEVEL": "warn"}
}

const pw = "Str0ng!pass"

// TestEmbeddedJourney is what a new user does after `make run`: register,
// sign in on both mounts, restart the server, and find the session still valid.
func TestEmbeddedJourney(t *testing.T) {
	env := embeddedEnv(t)
	srv := start(t, env)
	if code, m := srv.call(t, "GET", "/health", "", nil); code != 200 || m["status"] != "healthy" {
		t.Fatalf("health: %d %v", code, m)
	}
	code, m := srv.call(t, "POST", "/api/v1/auth/register", "", map[string]string{"email": "ada@example.com", "password": pw, "name": "Ada"})
	if code != 201 {
		t.Fatalf("register: %d %v", code, m)
	}
	code, m = srv.call(t, "POST", "/api/auth/login", "", map[string]string{"email": "ada@example.com", "password": pw})
	if code != 200 {
		t.Fatalf("login: %d %v", code, m)
	}
	token := m["token"].(string)
	res, err := http.Get(srv.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, name := range []string{"http_requests_total", "db_pool_open_connections", "go_goroutines"} {
		if !strings.Contains(string(metrics), name) {
			t.Errorf("/metrics lacks %s", name)
		}
	}
	srv.stop(t)

	again := start(t, env)
	if code, m := again.call(t, "GET", "/api/auth/me", token, nil); code != 200 || m["user"].(map[string]any)["email"] != "ada@example.com" {
		t.Fatalf("me after restart: %d %v", code, m)
	}
	outbox, err := os.ReadDir(env["DATA_DIR"] + "/outbox")
	if err != nil || len(outbox) != 1 {
		t.Errorf("welcome email in the outbox: %v, %d files", err, len(outbox))
	}
}

// TestProductionInstancesShareRevocationsAndLimits runs two API instances on
// one PostgreSQL database and one Redis: a logout on one is honoured by the
// other, and a rate limit counts requests to both.
func TestProductionInstancesShareRevocationsAndLimits(t *testing.T) {
	redisURL := os.Getenv("TEST_REDIS_URL")
	if redisURL == "" {
		t.Skip("TEST_REDIS_URL not set")
	}
	dsn := sqltest.NewDatabase(t)
	prefix := "e2e:" + time.Now().Format("150405.000000000") + ":" // earlier runs' counters must not count
	vars := func() map[string]string {
		return map[string]string{"DATABASE_URL": dsn, "REDIS_URL": redisURL, "LOG_LEVEL": "warn",
			"JWT_SECRET": "e2e-secret-e2e-secret-e2e-secret-0123", "RATE_LIMIT_AUTH": "6/15m", "DATA_DIR": t.TempDir(), "REDIS_PREFIX": prefix}
	}
	a, b := start(t, vars()), start(t, vars())
	email := "prod-" + time.Now().Format("150405.000000") + "@example.com"
	if code, m := a.call(t, "POST", "/api/v1/auth/register", "", map[string]string{"email": email, "password": pw}); code != 201 {
		t.Fatalf("register on A: %d %v", code, m)
	}
	code, m := b.call(t, "POST", "/api/v1/auth/login", "", map[string]string{"email": email, "password": pw})
	if code != 200 {
		t.Fatalf("login on B: %d %v", code, m)
	}
	token := m["token"].(string)
	if code, _ := a.call(t, "GET", "/api/v1/auth/me", token, nil); code != 200 {
		t.Fatalf("token from B refused by A: %d", code)
	}
	if code, _ := a.call(t, "POST", "/api/v1/auth/logout", token, nil); code != 200 {
		t.Fatalf("logout on A: %d", code)
	}
	if code, _ := b.call(t, "GET", "/api/v1/auth/me", token, nil); code != 401 {
		t.Errorf("B still accepts a token logged out on A: %d", code)
	}
	// Two auth calls were made above; four more exhaust the shared limit of six.
	bad := map[string]string{"email": "nobody@example.com", "password": pw}
	statuses := []int{}
	for i := 0; i < 5; i++ {
		srv := a
		if i%2 == 1 {
			srv = b
		}
		code, _ := srv.call(t, "POST", "/api/v1/auth/login", "", bad)
		statuses = append(statuses, code)
	}
	if statuses[3] != 401 || statuses[4] != 429 {
		t.Errorf("statuses across instances = %v, want 429 on the seventh auth call", statuses)
	}
}

func TestAdminCreateVersionAndBadConfig(t *testing.T) {
	env := embeddedEnv(t)
	var out, errOut bytes.Buffer
	code := run(t.Context(), []string{"admin", "create", "--email", "Root@Example.com"}, envOf(env),
		strings.NewReader("Adm1n!secret\n"), &out, &errOut, nil)
	if code != 0 || !strings.Contains(out.String(), "created admin root@example.com") {
		t.Fatalf("admin create: %d %q %q", code, out.String(), errOut.String())
	}
	code = run(t.Context(), []string{"admin", "create", "--email", "root@example.com"}, envOf(env),
		strings.NewReader("Adm1n!secret\n"), &out, &errOut, nil)
	if code != 1 || !strings.Contains(errOut.String(), "already exists") {
		t.Errorf("duplicate admin: %d %q", code, errOut.String())
	}
	srv := start(t, env)
	if code, m := srv.call(t, "POST", "/api/v1/auth/login", "", map[string]string{"email": "root@example.com", "password": "Adm1n!secret"}); code != 200 || m["user"].(map[string]any)["role"] != "admin" {
		t.Errorf("admin login: %d %v", code, m)
	}

	out.Reset()
	if code := run(t.Context(), []string{"version"}, envOf(nil), nil, &out, io.Discard, nil); code != 0 || !strings.HasPrefix(out.String(), "mealplanner ") {
		t.Errorf("version: %d %q", code, out.String())
	}
	errOut.Reset()
	bad := map[string]string{"DATABASE_URL": "postgres://x", "BCRYPT_COST": "4", "RATE_LIMIT_AUTH": "lots"}
	if code := run(t.Context(), []string{"serve"}, envOf(bad), nil, io.Discard, &errOut, nil); code != 2 {
		t.Errorf("bad config exit code %d", code)
	}
	for _, want := range []string{"JWT_SECRET is required", "BCRYPT_COST must be between 12 and 31", "RATE_LIMIT_AUTH must look like"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("config error lacks %q:\n%s", want, errOut.String())
		}
	}
	if code := run(t.Context(), []string{"frobnicate"}, envOf(env), nil, io.Discard, io.Discard, nil); code != 2 {
		t.Errorf("unknown command exit code %d", code)
	}
}

func TestMigrateCommandIsIdempotent(t *testing.T) {
	env := embeddedEnv(t)
	var out bytes.Buffer
	if code := run(t.Context(), []string{"migrate"}, envOf(env), nil, &out, io.Discard, nil); code != 0 || strings.Contains(out.String(), "applied 0 migration") {
		t.Fatalf("first migrate: %d %q", code, out.String())
	}
	out.Reset()
	if code := run(t.Context(), []string{"migrate"}, envOf(env), nil, &out, io.Discard, nil); code != 0 || !strings.Contains(out.String(), "applied 0 migration") {
		t.Fatalf("second migrate: %d %q", code, out.String())
	}
}
