// Package redis implements the shared, cross-instance ports on Redis with the
// rueidis client: the cache, the fixed-window rate limiter and the revocation
// list (token blacklist).
//
// Every key is namespaced under the client's key prefix (default "mp:"), so
// tests and tenants sharing a server never see each other's keys.
//
// # When Redis is down
//
// The API keeps serving; no adapter here turns a Redis outage into a failed
// request, except the cache, whose errors the caller treats as a miss:
//
//   - Cache returns its errors, quickly: every command runs under a short
//     timeout (250 ms by default, [WithCommandTimeout]) so a dead server costs a
//     request little. Callers bypass the cache on an error.
//   - RateLimiter answers from an in-process fixed-window limiter instead. Limits
//     then hold per instance rather than across instances, so a client spread
//     over n instances can get up to n times its limit during the outage. The
//     first failure of an outage is logged as a warning, the recovery as info,
//     and [RateLimiter.Fallbacks] counts every answer given locally.
//   - RevocationList writes every revocation to an in-process list as well as to
//     Redis, so an instance always honours the revocations made through it.
//     Revoke with Redis down logs a warning and returns nil. AnyRevoked with
//     Redis down answers from the local list: it fails open for revocations made
//     through other instances. That window is bounded by the access-token
//     lifetime (1 h), because refresh tokens are checked against the database,
//     and it is preferred to failing closed, which would log every user out
//     while Redis is away.
package redis

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/redis/rueidis"

	"github.com/mealplanner/backend/ports"
)

var _ ports.Pinger = (*Client)(nil)

// Defaults of the options.
const (
	DefaultKeyPrefix      = "mp:"
	DefaultCommandTimeout = 250 * time.Millisecond
	DefaultDialTimeout    = 2 * time.Second
)

// Client is a connection pool to one Redis server (or cluster) shared by the
// adapters of this package. It is safe for concurrent use.
type Client struct {
	rdb     rueidis.Client
	addr    string
	prefix  string
	timeout time.Duration
}

// Option changes how Open builds a Client.
type Option func(*config)

type config struct {
	prefix      string
	timeout     time.Duration
	dialTimeout time.Duration
}

// WithKeyPrefix puts every key under prefix instead of "mp:", so tests and
// tenants sharing one server stay apart.
func WithKeyPrefix(prefix string) Option { return func(c *config) { c.prefix = prefix } }

// WithCommandTimeout bounds each command (250 ms by default), so that a slow or
// unreachable server delays a request by at most this much before the adapters
// fall back. Values ≤ 0 keep the default.
func WithCommandTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.timeout = d
		}
	}
}

// WithDialTimeout bounds each connection attempt (2 s by default) unless the
// URL sets dial_timeout. Values ≤ 0 keep the default.
func WithDialTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.dialTimeout = d
		}
	}
}

// Open connects to the server at rawURL, redis://[[user]:password@]host:port/db
// (rueidis.ParseURL also accepts rediss:// and its query options), and checks
// that it answers. An unreachable server is an error at once.
func Open(ctx context.Context, rawURL string, opts ...Option) (*Client, error) {
	cfg := config{prefix: DefaultKeyPrefix, timeout: DefaultCommandTimeout, dialTimeout: DefaultDialTimeout}
	for _, o := range opts {
		o(&cfg)
	}
	opt, err := rueidis.ParseURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("redis: bad URL: %w", urlError(err))
	}
	if opt.Dialer.Timeout == 0 {
		opt.Dialer.Timeout = cfg.dialTimeout
	}
	addr := strings.Join(opt.InitAddress, ",")
	rdb, err := rueidis.NewClient(opt)
	if err != nil {
		return nil, fmt.Errorf("redis: cannot connect to %s: %w", addr, err)
	}
	c := &Client{rdb: rdb, addr: addr, prefix: cfg.prefix, timeout: cfg.timeout}
	if err := c.Ping(ctx); err != nil {
		rdb.Close()
		return nil, fmt.Errorf("redis: %s does not answer: %w", addr, err)
	}
	return c, nil
}

// urlError drops the URL itself from a parse error: it may hold a password.
func urlError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// Close closes every connection. The adapters built on the client stop working.
func (c *Client) Close() { c.rdb.Close() }

// Ping reports whether the server answers within the command timeout.
func (c *Client) Ping(ctx context.Context) error {
	ctx, cancel := c.commandContext(ctx)
	defer cancel()
	return c.rdb.Do(ctx, c.rdb.B().Ping().Build()).Error()
}

// Addr returns the server address(es) the client talks to, for logs.
func (c *Client) Addr() string { return c.addr }

// key namespaces a key under the prefix and the kind of data ("rl", "rev", …).
func (c *Client) key(kind, key string) string { return c.prefix + kind + ":" + key }

func (c *Client) commandContext(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, c.timeout)
}
