package redis

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
)

// testURL returns TEST_REDIS_URL, skipping the test when it is unset. When it
// is set, an unreachable server fails the test: it never skips.
func testURL(t *testing.T) string {
	t.Helper()
	u := os.Getenv("TEST_REDIS_URL")
	if u == "" {
		t.Skip("TEST_REDIS_URL not set")
	}
	return u
}

// mustOpen opens a client on TEST_REDIS_URL under a fresh key prefix, so
// parallel tests and packages never share keys, and deletes the prefix's keys
// when the test ends.
func mustOpen(t *testing.T, opts ...Option) *Client {
	t.Helper()
	c := mustOpenURL(t, testURL(t), randomPrefix(t), opts...)
	t.Cleanup(func() { deleteKeys(t, c) })
	return c
}

func mustOpenURL(t *testing.T, rawURL, prefix string, opts ...Option) *Client {
	t.Helper()
	c, err := Open(t.Context(), rawURL, append([]Option{WithKeyPrefix(prefix)}, opts...)...)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

func randomPrefix(t *testing.T) string {
	t.Helper()
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "mptest:" + hex.EncodeToString(b) + ":"
}

// deleteKeys removes every key under the client's prefix. t.Context is done by
// the time cleanups run, hence the background context.
func deleteKeys(t *testing.T, c *Client) {
	ctx := context.Background()
	var cursor uint64
	for {
		res, err := c.rdb.Do(ctx, c.rdb.B().Scan().Cursor(cursor).Match(c.prefix+"*").Count(1000).Build()).AsScanEntry()
		if err != nil {
			t.Errorf("scan %s*: %v", c.prefix, err)
			return
		}
		if len(res.Elements) > 0 {
			if err := c.rdb.Do(ctx, c.rdb.B().Del().Key(res.Elements...).Build()).Error(); err != nil {
				t.Errorf("delete %s*: %v", c.prefix, err)
				return
			}
		}
		if cursor = res.Cursor; cursor == 0 {
			return
		}
	}
}

// proxy forwards TCP connections to Redis until it is stopped, which is how
// the tests take Redis away from a client without touching the server.
type proxy struct {
	target string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

// startProxy listens on a free port and forwards to the server of rawURL;
// it returns the URL of the same database through the proxy.
func startProxy(t *testing.T, rawURL string) (*proxy, string) {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{target: u.Host}
	p.listen(t, "127.0.0.1:0")
	t.Cleanup(p.stop)
	u.Host = p.ln.Addr().String()
	return p, u.String()
}

// listen (re)starts accepting on addr.
func (p *proxy) listen(t *testing.T, addr string) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go p.serve(ln)
}

func (p *proxy) serve(ln net.Listener) {
	for {
		in, err := ln.Accept()
		if err != nil {
			return
		}
		out, err := net.Dial("tcp", p.target)
		if err != nil {
			in.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, in, out)
		p.mu.Unlock()
		go pipe(out, in)
		go pipe(in, out)
	}
}

func pipe(dst, src net.Conn) {
	_, _ = io.Copy(dst, src)
	dst.Close()
	src.Close()
}

// stop closes the listener and every forwarded connection: to the client,
// Redis is gone.
func (p *proxy) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ln.Close()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// logBuffer collects a logger's output for assertions.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) count(s string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Count(b.buf.String(), s)
}

func newTestLogger() (*slog.Logger, *logBuffer) {
	b := &logBuffer{}
	return slog.New(slog.NewTextHandler(b, nil)), b
}

// quietLogger fails the test if anything logs that Redis is unavailable: a
// contract suite must be answered by Redis, not by a fallback.
func quietLogger(t *testing.T) *slog.Logger {
	log, logged := newTestLogger()
	t.Cleanup(func() {
		if n := logged.count("redis unavailable"); n != 0 {
			t.Errorf("Redis was reported unavailable %d times", n)
		}
	})
	return log
}
