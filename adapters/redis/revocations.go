package redis

import (
	"context"
	"log/slog"
	"time"

	"github.com/redis/rueidis"

	"github.com/mealplanner/backend/ports"
)

var _ ports.RevocationList = (*RevocationList)(nil)

// RevocationList is a ports.RevocationList shared by every instance through
// Redis, with a local copy of this instance's own revocations that answers
// while Redis fails (see the package documentation). Each id is a key that
// expires when its revocation does. It is safe for concurrent use.
type RevocationList struct {
	c      *Client
	local  *localRevocations
	log    *slog.Logger
	outage *outage
}

// NewRevocationList returns a revocation list on c that logs failures to log
// (nil: discard).
func NewRevocationList(c *Client, log *slog.Logger) *RevocationList {
	o := newOutage(log, "revocations")
	return &RevocationList{c: c, local: newLocalRevocations(), log: o.log, outage: o}
}

// Revoke records the ids as revoked until the given time; ids whose time has
// already passed are not stored. A later revocation never shortens an earlier
// one. It returns nil even when Redis fails: the revocation is then kept on
// this instance only, and a warning is logged.
func (r *RevocationList) Revoke(ctx context.Context, until time.Time, ids ...string) error {
	now := time.Now()
	ttl := until.Sub(now)
	if len(ids) == 0 || ttl <= 0 {
		return nil
	}
	r.local.revoke(until, now, ids...)
	// A revocation must reach Redis even when the request that made it is
	// cancelled (a client hanging up on logout), so only the timeout applies.
	if err := r.remote(context.WithoutCancel(ctx), ttl, ids); err != nil {
		r.log.Warn("redis unavailable: revocation kept on this instance only",
			"adapter", "revocations", "ids", len(ids), "until", until, "err", err)
		return nil
	}
	r.outage.succeeded()
	return nil
}

func (r *RevocationList) remote(ctx context.Context, ttl time.Duration, ids []string) error {
	ctx, cancel := r.c.commandContext(ctx)
	defer cancel()
	ms := int64((ttl + time.Millisecond - 1) / time.Millisecond)
	b := r.c.rdb.B()
	cmds := make(rueidis.Commands, 0, 2*len(ids))
	for _, id := range ids {
		k := r.c.key("rev", id)
		// PEXPIRE GT lengthens an existing revocation and SET NX creates a
		// missing one; in this order a key expiring between the two is
		// recreated, and neither ever shortens a longer revocation.
		cmds = append(cmds,
			b.Pexpire().Key(k).Milliseconds(ms).Gt().Build(),
			b.Set().Key(k).Value("1").Nx().PxMilliseconds(ms).Build())
	}
	for _, res := range r.c.rdb.DoMulti(ctx, cmds...) {
		if err := res.Error(); err != nil && !rueidis.IsRedisNil(err) {
			return err
		}
	}
	return nil
}

// AnyRevoked reports whether any of the ids is revoked now, in one round trip.
// With Redis failing it answers from this instance's own revocations and
// returns no error; it fails only when ctx is done.
func (r *RevocationList) AnyRevoked(ctx context.Context, ids ...string) (bool, error) {
	if len(ids) == 0 {
		return false, nil
	}
	if r.local.anyRevoked(time.Now(), ids...) {
		return true, nil
	}
	revoked, err := r.anyRemote(ctx, ids)
	if err != nil {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		r.outage.failed(err, "only this instance's revocations are honoured")
		return false, nil
	}
	r.outage.succeeded()
	return revoked, nil
}

// anyRemote asks with one EXISTS per key, pipelined: one round trip, and
// unlike a multi-key EXISTS it also works on a cluster.
func (r *RevocationList) anyRemote(ctx context.Context, ids []string) (bool, error) {
	ctx, cancel := r.c.commandContext(ctx)
	defer cancel()
	b := r.c.rdb.B()
	cmds := make(rueidis.Commands, 0, len(ids))
	for _, id := range ids {
		cmds = append(cmds, b.Exists().Key(r.c.key("rev", id)).Build())
	}
	revoked := false
	for _, res := range r.c.rdb.DoMulti(ctx, cmds...) {
		n, err := res.AsInt64()
		if err != nil {
			return false, err
		}
		revoked = revoked || n > 0
	}
	return revoked, nil
}
