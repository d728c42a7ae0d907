package personalize

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// MaxBatch is the most events one PutEvents call may carry.
const MaxBatch = 10

// maxErrorBody bounds how much of a refusal is read for its message.
const maxErrorBody = 4 << 10

// putEvents is the PutEvents request body.
type putEvents struct {
	TrackingID string      `json:"trackingId"`
	UserID     string      `json:"userId"`
	SessionID  string      `json:"sessionId"`
	EventList  []wireEvent `json:"eventList"`
}

type wireEvent struct {
	EventID   string `json:"eventId"`
	EventType string `json:"eventType"`
	ItemID    string `json:"itemId,omitempty"`
	// SentAt is in epoch seconds, the REST-JSON form of a timestamp.
	SentAt float64 `json:"sentAt"`
	// Properties is a JSON object encoded as a string, as the API wants it.
	Properties string `json:"properties,omitempty"`
}

// Track sends one event at once, in the caller's time. Requests should use
// a Tracker instead, which sends in the background and in batches.
func (c *Client) Track(ctx context.Context, e ports.Event) error {
	return c.PutEvents(ctx, []ports.Event{e})
}

// PutEvents sends up to MaxBatch events of one user and session in one call.
// VALIDATION_ERROR for an invalid event or a batch that mixes users or
// sessions; SERVICE_UNAVAILABLE when the service cannot be reached or is in
// trouble.
func (c *Client) PutEvents(ctx context.Context, events []ports.Event) error {
	if len(events) == 0 {
		return nil
	}
	if c.trackingID == "" {
		return errors.New("personalize: put events: no tracking id configured")
	}
	body, err := c.encode(events, time.Now())
	if err != nil {
		return err
	}
	if err := c.send(ctx, body); err != nil {
		return mapError("put events", err, errTrackUnavailable)
	}
	return nil
}

func (c *Client) encode(events []ports.Event, now time.Time) ([]byte, error) {
	if len(events) > MaxBatch {
		return nil, domain.Errorf(domain.CodeValidation, "at most %d events go in one call", MaxBatch)
	}
	in := putEvents{TrackingID: c.trackingID, UserID: events[0].UserID, SessionID: sessionID(events[0]),
		EventList: make([]wireEvent, 0, len(events))}
	for _, e := range events {
		if err := checkEvent(e); err != nil {
			return nil, err
		}
		if e.UserID != in.UserID || sessionID(e) != in.SessionID {
			return nil, domain.Errorf(domain.CodeValidation, "one call carries the events of one user and session")
		}
		in.EventList = append(in.EventList, toWire(e, now))
	}
	return json.Marshal(in)
}

// sessionID falls back on the user: the API needs a session, and a user's
// events then still read as one history.
func sessionID(e ports.Event) string {
	if e.SessionID == "" {
		return e.UserID
	}
	return e.SessionID
}

func checkEvent(e ports.Event) error {
	var fields domain.FieldErrors
	if e.UserID == "" {
		fields.Add("userId", "a user is required")
	}
	if !e.Type.Valid() {
		fields.Add("type", fmt.Sprintf("unknown event type %q", e.Type))
	}
	if e.RecipeID < 0 || e.RecipeID == 0 && e.Type.NeedsRecipe() {
		fields.Add("recipeId", "a positive recipe id is required")
	}
	return fields.Err()
}

func toWire(e ports.Event, now time.Time) wireEvent {
	at := e.At
	if at.IsZero() {
		at = now
	}
	w := wireEvent{EventID: rand.Text(), EventType: string(e.Type), SentAt: float64(at.UnixMilli()) / 1000}
	if e.RecipeID > 0 {
		w.ItemID = strconv.FormatInt(e.RecipeID, 10)
	}
	if len(e.Properties) > 0 {
		props, _ := json.Marshal(e.Properties) // a map of strings always encodes
		w.Properties = string(props)
	}
	return w
}

// send posts a PutEvents body signed with SigV4 as the SDK would.
func (c *Client) send(ctx context.Context, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.eventsURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	creds, err := c.creds.Retrieve(ctx)
	if err != nil {
		return fmt.Errorf("credentials: %w", err)
	}
	sum := sha256.Sum256(body)
	if err := c.signer.SignHTTP(ctx, creds, req, hex.EncodeToString(sum[:]), signingService, c.region, time.Now()); err != nil {
		return fmt.Errorf("sign: %w", err)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 == 2 {
		_, _ = io.Copy(io.Discard, resp.Body) // so the connection is reused
		return nil
	}
	return readRefusal(resp)
}

func readRefusal(resp *http.Response) error {
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	var msg struct {
		Message      string `json:"message"`
		MessageUpper string `json:"Message"`
	}
	_ = json.Unmarshal(raw, &msg) // a body that is not JSON leaves the message empty
	// The header may carry a namespace after a colon.
	errType, _, _ := strings.Cut(resp.Header.Get("X-Amzn-Errortype"), ":")
	return &statusError{status: resp.StatusCode, errType: errType, message: msg.Message + msg.MessageUpper}
}
