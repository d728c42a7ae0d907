// Package outbox is the mailer of the embedded default: instead of sending,
// it writes each message as a JSON file into a folder and logs one line, so a
// developer can read the welcome or reset email on a machine with no provider.
package outbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/mealplanner/backend/ports"
)

var _ ports.Mailer = (*Mailer)(nil)

// fileExt marks finished messages; temporary files never carry it, so a
// reader never sees a half-written message.
const fileExt = ".json"

// Mailer writes messages into a folder. It is safe for concurrent use: every
// message gets its own file, and files appear complete or not at all.
type Mailer struct {
	dir    string
	logger *slog.Logger
}

// record is the file format; the field names are the ones a developer reads.
type record struct {
	To       string            `json:"to"`
	ToName   string            `json:"toName,omitempty"`
	Subject  string            `json:"subject"`
	Text     string            `json:"text,omitempty"`
	HTML     string            `json:"html,omitempty"`
	Category string            `json:"category,omitempty"`
	Headers  map[string]string `json:"headers,omitempty"`
	SentAt   time.Time         `json:"sentAt"`
}

// New returns a mailer writing into dir, which it creates if needed. A nil
// logger discards the log lines.
func New(dir string, logger *slog.Logger) (*Mailer, error) {
	if dir == "" {
		return nil, errors.New("outbox: folder is required")
	}
	// 0o700: messages hold password-reset links.
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("outbox: create folder: %w", err)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Mailer{dir: dir, logger: logger}, nil
}

// Dir returns the folder the messages are written to.
func (m *Mailer) Dir() string { return m.dir }

// Send writes the message to a new file and logs where it went. The log line
// names the recipient, subject and category but never the body, which may
// hold a reset link.
func (m *Mailer) Send(ctx context.Context, e ports.Email) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r := record{To: e.To, ToName: e.ToName, Subject: e.Subject, Text: e.Text, HTML: e.HTML,
		Category: e.Category, Headers: e.Headers, SentAt: time.Now().UTC()}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("outbox: encode message: %w", err)
	}
	name, err := fileName(r.SentAt)
	if err != nil {
		return err
	}
	path := filepath.Join(m.dir, name)
	if err := writeAtomic(m.dir, path, data); err != nil {
		return err
	}
	m.logger.InfoContext(ctx, "email written to outbox",
		"to", e.To, "subject", e.Subject, "category", e.Category, "file", path)
	return nil
}

// fileName sorts by time (fixed-width UTC stamp) and stays unique when two
// messages share a nanosecond, thanks to the random suffix.
func fileName(at time.Time) (string, error) {
	var suffix [6]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		return "", fmt.Errorf("outbox: random file name: %w", err)
	}
	return at.Format("20060102T150405.000000000Z") + "-" + hex.EncodeToString(suffix[:]) + fileExt, nil
}

// writeAtomic writes into a temporary file in the same folder and renames it,
// so that the rename, atomic within one file system, publishes it whole.
func writeAtomic(dir, path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("outbox: create file: %w", err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("outbox: write file: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("outbox: sync file: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("outbox: close file: %w", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("outbox: publish file: %w", err)
	}
	return nil
}

// Messages reads back every message in the folder, oldest first.
func (m *Mailer) Messages() ([]ports.Email, error) {
	entries, err := os.ReadDir(m.dir)
	if err != nil {
		return nil, fmt.Errorf("outbox: list folder: %w", err)
	}
	names := make([]string, 0, len(entries))
	for _, entry := range entries {
		if entry.Type().IsRegular() && strings.HasSuffix(entry.Name(), fileExt) && !strings.HasPrefix(entry.Name(), ".") {
			names = append(names, entry.Name())
		}
	}
	slices.Sort(names)
	out := make([]ports.Email, 0, len(names))
	for _, name := range names {
		e, err := readMessage(filepath.Join(m.dir, name))
		if errors.Is(err, fs.ErrNotExist) {
			continue // removed by someone cleaning the folder since ReadDir
		}
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func readMessage(path string) (ports.Email, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return ports.Email{}, fmt.Errorf("outbox: read %s: %w", filepath.Base(path), err)
	}
	var r record
	if err := json.Unmarshal(data, &r); err != nil {
		return ports.Email{}, fmt.Errorf("outbox: decode %s: %w", filepath.Base(path), err)
	}
	return ports.Email{To: r.To, ToName: r.ToName, Subject: r.Subject, Text: r.Text, HTML: r.HTML,
		Category: r.Category, Headers: r.Headers}, nil
}
