package outbox_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mealplanner/backend/adapters/outbox"
	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

func mustOutbox(tb testing.TB, dir string, logger *slog.Logger) *outbox.Mailer {
	tb.Helper()
	m, err := outbox.New(dir, logger)
	if err != nil {
		tb.Fatalf("outbox.New: %v", err)
	}
	return m
}

func TestMailerContract(t *testing.T) {
	porttest.Mailer(t, func(t *testing.T) (ports.Mailer, func() []ports.Email) {
		m := mustOutbox(t, t.TempDir(), nil)
		return m, func() []ports.Email {
			// A second mailer on the same folder proves the files alone carry the messages.
			msgs, err := mustOutbox(t, m.Dir(), nil).Messages()
			if err != nil {
				t.Fatalf("Messages: %v", err)
			}
			return msgs
		}
	})
}

func TestNewCreatesFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "outbox")
	mustOutbox(t, dir, nil)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		t.Fatalf("folder not created: %v", err)
	}
	if _, err := outbox.New("", nil); err == nil {
		t.Fatal("New(\"\") succeeded, want an error")
	}
}

func TestSendWritesOneJSONFileAndLogsNoBody(t *testing.T) {
	dir := t.TempDir()
	var logs bytes.Buffer
	m := mustOutbox(t, dir, slog.New(slog.NewJSONHandler(&logs, nil)))
	e := ports.Email{To: "ada@example.com", Subject: "Reset your password", Text: "secret-link-text",
		HTML: "<a>secret-link-html</a>", Category: "password_reset"}
	if err := m.Send(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 || !strings.HasSuffix(entries[0].Name(), ".json") {
		t.Fatalf("folder holds %v (err %v), want one .json file", entries, err)
	}
	data, err := os.ReadFile(filepath.Join(dir, entries[0].Name()))
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(data, &fields); err != nil {
		t.Fatalf("file is not JSON: %v", err)
	}
	for _, key := range []string{"to", "subject", "text", "html", "category", "sentAt"} {
		if _, ok := fields[key]; !ok {
			t.Errorf("file lacks %q: %s", key, data)
		}
	}
	line := logs.String()
	if strings.Count(line, "\n") != 1 || !strings.Contains(line, entries[0].Name()) ||
		!strings.Contains(line, "ada@example.com") || !strings.Contains(line, "password_reset") {
		t.Errorf("log = %q, want one line naming recipient, category and file", line)
	}
	if strings.Contains(line, "secret-link") {
		t.Errorf("log leaks the body: %q", line)
	}
}

func TestMessagesIgnoresTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	m := mustOutbox(t, dir, nil)
	if err := os.WriteFile(filepath.Join(dir, ".tmp-123"), []byte("{half"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := m.Send(context.Background(), ports.Email{To: "a@example.com", Subject: "s", Text: "t"}); err != nil {
		t.Fatal(err)
	}
	msgs, err := m.Messages()
	if err != nil || len(msgs) != 1 {
		t.Fatalf("Messages = %v, %v; want one message", msgs, err)
	}
}

func TestSendCanceledContext(t *testing.T) {
	m := mustOutbox(t, t.TempDir(), nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := m.Send(ctx, ports.Email{To: "a@example.com"}); err == nil {
		t.Fatal("Send with a canceled context succeeded")
	}
	if msgs, _ := m.Messages(); len(msgs) != 0 {
		t.Fatalf("a canceled send was written: %v", msgs)
	}
}
