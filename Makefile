# The two commands a new machine needs: `make run` and `make test`.

BIN        := bin/mealplanner
VERSION    ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS    := -X main.version=$(VERSION)
GOTEST_RACE ?= -race

# make test runs the adapter suites against the local servers; CI sets the same.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
TEST_REDIS_URL    ?= redis://127.0.0.1:6379/0
# The shared-list page is checked in headless Chromium when it is installed;
# .ci/run installs it and sets CHROMIUM_PATH, so there the test always runs.
CHROMIUM_PATH ?= $(shell command -v chromium 2>/dev/null)
export TEST_DATABASE_URL TEST_REDIS_URL CHROMIUM_PATH

.PHONY: all build run test vet wire wire-check cover bench fuzz eval clean

all: build

build:
	go build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/mealplanner

# Starts the API on the embedded default: SQLite and images in ./data, no other service needed.
run: build
	./$(BIN) serve

test: vet wire-check
	go test $(GOTEST_RACE) -count=1 ./...

vet:
	go vet ./...

# Regenerates wire_gen.go after a change to wire.go or a provider.
wire:
	go tool wire gen .

# Fails when wire_gen.go is not what wire.go generates today.
wire-check:
	@go tool wire diff . >/dev/null 2>&1 || { echo "wire_gen.go is stale: run 'make wire' and commit the result"; go tool wire diff . ; exit 1; }

cover:
	go test -count=1 -coverprofile=coverage.out ./...
	go tool cover -func=coverage.out | tail -1

bench:
	go test -run '^$$' -bench . -benchmem -count 6 ./... | tee bench.out

# Offline evaluations on the seed recipes (no database): suggestion lift and plan constraints/speed.
eval:
	go run ./cmd/mealplanner eval recommend && go run ./cmd/mealplanner eval plans

# Runs each fuzz target for FUZZTIME (default 20s).
FUZZTIME ?= 20s
fuzz:
	go test -run '^$$' -fuzz FuzzDecode -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./adapters/http/
	go test -run '^$$' -fuzz FuzzRequestBodies -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./adapters/http/
	go test -run '^$$' -fuzz FuzzVerify -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./adapters/jwt/
	go test -run '^$$' -fuzz FuzzNormalizeEmail -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./domain/user/

clean:
	rm -rf bin coverage.out bench.out
