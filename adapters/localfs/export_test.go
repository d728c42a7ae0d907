package localfs

import "time"

// SetClock makes the store read the time from now, for expiry tests.
func (s *ImageStore) SetClock(now func() time.Time) { s.now = now }
