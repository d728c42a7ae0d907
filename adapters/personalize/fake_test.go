package personalize_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	"github.com/mealplanner/backend/adapters/personalize"
	"github.com/mealplanner/backend/domain"
)

const (
	accessKey   = "AKIDPERSONALIZETEST"
	secretKey   = "personalize-test-secret"
	region      = "eu-west-1"
	campaignARN = "arn:aws:personalize:eu-west-1:123456789012:campaign/meal-planner"
	trackingID  = "6f0c5b5e-tracker"
)

// fakePersonalize speaks the wire protocol of both Personalize APIs on one
// server: POST /recommendations (GetRecommendations, REST-JSON) and POST
// /events (PutEvents). It refuses a request whose SigV4 signature does not
// verify against the known secret, decodes bodies with unknown fields
// disallowed, records what it accepted, and answers what the test set up.
type fakePersonalize struct {
	srv   *httptest.Server
	creds aws.Credentials

	mu       sync.Mutex
	recs     []recommendationsBody
	events   []putEventsBody
	refused  []string
	items    []predictedItem
	status   int    // 0: answer 200
	errType  string // X-Amzn-Errortype sent with status
	gate     chan struct{}
	arrivals chan struct{}
}

type recommendationsBody struct {
	CampaignArn string            `json:"campaignArn"`
	UserID      string            `json:"userId"`
	NumResults  int               `json:"numResults"`
	Context     map[string]string `json:"context"`
}

type predictedItem struct {
	ItemID string  `json:"itemId"`
	Score  float64 `json:"score"`
}

type putEventsBody struct {
	TrackingID string      `json:"trackingId"`
	UserID     string      `json:"userId"`
	SessionID  string      `json:"sessionId"`
	EventList  []sentEvent `json:"eventList"`
}

type sentEvent struct {
	EventID    string  `json:"eventId"`
	EventType  string  `json:"eventType"`
	ItemID     string  `json:"itemId"`
	SentAt     float64 `json:"sentAt"`
	Properties string  `json:"properties"`
}

func newFake(t *testing.T) *fakePersonalize {
	t.Helper()
	f := &fakePersonalize{creds: aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey},
		arrivals: make(chan struct{}, 100)}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serveHTTP))
	t.Cleanup(f.srv.Close)
	// Registered after Close, so it runs before it: a held request must end
	// for Close to return.
	t.Cleanup(f.release)
	return f
}

// mustClient builds a client that talks to f, with cfg's changes applied.
func mustClient(t *testing.T, f *fakePersonalize, change ...func(*personalize.Config)) *personalize.Client {
	t.Helper()
	cfg := personalize.Config{Region: region, CampaignARN: campaignARN, TrackingID: trackingID,
		Endpoint: f.srv.URL, EventsEndpoint: f.srv.URL, AccessKeyID: accessKey, SecretAccessKey: secretKey}
	for _, c := range change {
		c(&cfg)
	}
	c, err := personalize.New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func (f *fakePersonalize) serveHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err == nil {
		err = verifySigV4(r, body, f.creds, region)
	}
	if err != nil {
		f.mu.Lock()
		f.refused = append(f.refused, r.URL.Path+": "+err.Error())
		held := f.gate != nil
		f.mu.Unlock()
		if held {
			f.arrivals <- struct{}{} // so that a test awaiting this call learns of the refusal
		}
		writeAWSError(w, http.StatusForbidden, "InvalidSignatureException", err.Error())
		return
	}
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" {
		writeAWSError(w, http.StatusBadRequest, "InvalidInputException", "want a JSON POST")
		return
	}
	switch r.URL.Path {
	case "/recommendations":
		f.serveRecommendations(w, r, body)
	case "/events":
		f.serveEvents(w, r, body)
	default:
		writeAWSError(w, http.StatusNotFound, "UnknownOperationException", r.URL.Path)
	}
}

func (f *fakePersonalize) serveRecommendations(w http.ResponseWriter, r *http.Request, body []byte) {
	var in recommendationsBody
	if err := decodeStrict(body, &in); err != nil {
		writeAWSError(w, http.StatusBadRequest, "InvalidInputException", err.Error())
		return
	}
	f.mu.Lock()
	f.recs = append(f.recs, in)
	items := f.items
	f.mu.Unlock()
	if !f.answer(w, r) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"recommendationId": "RID-1", "itemList": items})
}

func (f *fakePersonalize) serveEvents(w http.ResponseWriter, r *http.Request, body []byte) {
	var in putEventsBody
	if err := decodeStrict(body, &in); err != nil {
		writeAWSError(w, http.StatusBadRequest, "InvalidInputException", err.Error())
		return
	}
	f.mu.Lock()
	f.events = append(f.events, in)
	f.mu.Unlock()
	if f.answer(w, r) {
		w.WriteHeader(http.StatusOK)
	}
}

// answer waits while the fake is held, then writes the failure the test set
// up, if any; it reports whether the caller should write the success.
func (f *fakePersonalize) answer(w http.ResponseWriter, r *http.Request) bool {
	f.mu.Lock()
	gate, status, errType := f.gate, f.status, f.errType
	f.mu.Unlock()
	if gate != nil {
		f.arrivals <- struct{}{}
		select {
		case <-gate:
		case <-r.Context().Done():
			return false
		}
	}
	if status != 0 {
		writeAWSError(w, status, errType, "set up to fail")
		return false
	}
	return true
}

func decodeStrict(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func writeAWSError(w http.ResponseWriter, status int, errType, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-Errortype", errType)
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"message":%q}`, message)
}

func (f *fakePersonalize) setItems(items ...predictedItem) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = items
}

// fail makes every later call answer status with errType; 0 heals.
func (f *fakePersonalize) fail(status int, errType string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status, f.errType = status, errType
}

// hold makes later calls wait, each signalling its arrival, until release.
func (f *fakePersonalize) hold() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.gate = make(chan struct{})
}

func (f *fakePersonalize) release() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.gate != nil {
		close(f.gate)
		f.gate = nil
	}
}

// awaitArrival blocks until a call has reached the held fake, and fails
// the test if the fake refused it.
func (f *fakePersonalize) awaitArrival(t *testing.T) {
	t.Helper()
	<-f.arrivals
	if refused := f.refusals(); len(refused) > 0 {
		t.Fatalf("the fake refused calls: %v", refused)
	}
}

func (f *fakePersonalize) recommendations() []recommendationsBody {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recommendationsBody(nil), f.recs...)
}

func (f *fakePersonalize) putEvents() []putEventsBody {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]putEventsBody(nil), f.events...)
}

// checkFailure checks a failed call: its code, how many calls the fake
// accepted, and whether it refused a signature.
func (f *fakePersonalize) checkFailure(t *testing.T, err error, wantCode domain.Code, wantAccepted int, wantRefused bool) {
	t.Helper()
	if code := domain.ErrorCode(err); err == nil || code != wantCode {
		t.Errorf("err = %v (code %s), want code %s", err, code, wantCode)
	}
	if got := len(f.recommendations()) + len(f.putEvents()); got != wantAccepted {
		t.Errorf("%d calls accepted by the fake, want %d", got, wantAccepted)
	}
	if refused := f.refusals(); wantRefused != (len(refused) > 0) {
		t.Errorf("refusals = %v, want some: %v", refused, wantRefused)
	}
}

func (f *fakePersonalize) refusals() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.refused...)
}
