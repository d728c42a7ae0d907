package redis

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

func TestOpenPing(t *testing.T) {
	t.Parallel()
	c := mustOpen(t)
	if err := c.Ping(t.Context()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
}

func TestOpenFailsFastWhenNothingListens(t *testing.T) {
	t.Parallel()
	addr := closedPort(t)
	start := time.Now()
	c, err := Open(t.Context(), "redis://"+addr+"/0")
	if err == nil {
		c.Close()
		t.Fatal("Open succeeded with nothing listening")
	}
	if !strings.Contains(err.Error(), addr) {
		t.Errorf("error %q does not name %s", err, addr)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Open took %v to fail", d)
	}
}

// A server that accepts connections but never answers must not hang Open.
func TestOpenFailsFastWhenServerIsSilent(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			defer conn.Close() // held open, silent, until the listener closes
		}
	}()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	start := time.Now()
	c, err := Open(ctx, "redis://"+ln.Addr().String()+"/0", WithDialTimeout(500*time.Millisecond))
	if err == nil {
		c.Close()
		t.Fatal("Open succeeded against a silent server")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Open took %v to fail", d)
	}
}

func TestOpenBadURLKeepsPasswordOut(t *testing.T) {
	t.Parallel()
	for _, u := range []string{
		"redis://:s3cret@127.0.0.1:6379/notanumber",
		"redis://:s3cret@[::1/0",
		"http://:s3cret@127.0.0.1:6379/0",
	} {
		c, err := Open(t.Context(), u)
		if err == nil {
			c.Close()
			t.Errorf("Open(%q) succeeded", u)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("Open(%q) error shows the password: %v", u, err)
		}
	}
}

func TestKeyPrefixesIsolate(t *testing.T) {
	t.Parallel()
	a, b := NewCache(mustOpen(t)), NewCache(mustOpen(t))
	if err := a.Set(t.Context(), "k", []byte("a"), time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := b.Get(t.Context(), "k"); err != nil || ok {
		t.Errorf("other prefix Get = %v, %v; want a miss", ok, err)
	}
}

// closedPort returns an address on which nothing listens.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}
