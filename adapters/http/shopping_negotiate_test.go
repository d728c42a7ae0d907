package http

import (
	"encoding/json"
	"testing"
)

func TestPrefersHTML(t *testing.T) {
	tests := []struct {
		accept string
		want   bool
	}{
		{"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", true}, // Chromium
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", true},                       // Firefox
		{"text/*", true},
		{"text/html;q=0.9, application/json;q=0.8", true},
		{"", false},
		{"*/*", false},
		{"application/json", false},
		{"application/json, text/html", false},
		{"text/html;q=0.5, application/json", false},
		{"text/html;q=0, */*", false},
		{"text/plain", false},
		{"text/html;q=abc, application/json;q=0.5", true},
		{"TEXT/HTML", true},
		{"garbage", false},
		{"application/*;q=0.2, text/html;q=0.3", true},
		{"*/*;q=0.1, application/json;q=0", true},
	}
	for _, tt := range tests {
		if got := prefersHTML(tt.accept); got != tt.want {
			t.Errorf("prefersHTML(%q) = %v, want %v", tt.accept, got, tt.want)
		}
	}
}

func TestQuantityJSON(t *testing.T) {
	tests := []struct {
		raw  string
		want float64
		ok   bool
	}{
		{`2.5`, 2.5, true}, {`"2.5"`, 2.5, true}, {`" 3 "`, 3, true}, {`"1/2"`, 0.5, true},
		{`"1 1/2"`, 1.5, true}, {`""`, 0, true}, {`null`, 0, true}, {`0`, 0, true}, {`1e3`, 1000, true},
		{`-1`, 0, false}, {`"-1"`, 0, false}, {`"two"`, 0, false}, {`"NaN"`, 0, false}, {`"Inf"`, 0, false},
		{`"1/0"`, 0, false}, {`"1.5 1/2"`, 0, false}, {`"1 2"`, 0, false}, {`"0x10"`, 0, false},
		{`"1e3"`, 0, false}, {`true`, 0, false}, {`[1]`, 0, false}, {`"1 1/2 3"`, 0, false},
	}
	for _, tt := range tests {
		var q quantityJSON
		err := json.Unmarshal([]byte(tt.raw), &q)
		if (err == nil) != tt.ok || (tt.ok && (q.value != tt.want || !q.set)) {
			t.Errorf("%s: %v %+v, want %v ok=%v", tt.raw, err, q, tt.want, tt.ok)
		}
	}
}
