package backend

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/mealplanner/backend"

// TestImportRules enforces the hexagon: arrows point inward. It reads the
// real import graph of the non-test code from `go list`.
func TestImportRules(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := rel(fields[0]), fields[1:]
		for _, imp := range imports {
			if msg := forbidden(pkg, imp); msg != "" {
				t.Errorf("%s imports %s: %s", pkg, imp, msg)
			}
		}
	}
}

func rel(path string) string {
	return strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
}

func layer(pkg string) string {
	head, _, _ := strings.Cut(pkg, "/")
	return head
}

func isStdlib(imp string) bool {
	first, _, _ := strings.Cut(imp, "/")
	return !strings.Contains(first, ".")
}

// forbidden says why pkg may not import imp, or "" when it may.
func forbidden(pkg, imp string) string {
	own := strings.HasPrefix(imp, module)
	target := rel(imp)
	switch layer(pkg) {
	case "domain", "migrations":
		if own && layer(target) != "domain" || !own && !isStdlib(imp) {
			return "the domain is pure: standard library and domain packages only"
		}
	case "ports":
		if pkg == "ports/porttest" {
			// The contract suites are test support: any library, but no adapter.
			if own && layer(target) == "adapters" {
				return "a contract suite must not know the adapters it checks"
			}
			return ""
		}
		if own && layer(target) != "domain" && target != "ports" || !own && !isStdlib(imp) {
			return "ports speak domain types only"
		}
	case "app":
		if own && layer(target) != "domain" && layer(target) != "ports" || !own && !isStdlib(imp) {
			return "use cases depend on the domain and ports only"
		}
	case "adapters":
		if own && layer(target) == "adapters" && target != pkg {
			return "adapters never import each other"
		}
		if own && layer(target) == "app" && pkg != "adapters/http" && pkg != "adapters/cli" {
			return "only the driving adapters (http, cli) call use cases"
		}
		if own && (target == "" || layer(target) == "cmd") {
			return "adapters never import the composition root"
		}
	}
	return ""
}

func TestForbiddenCatchesBadEdges(t *testing.T) {
	bad := [][2]string{
		{"domain/user", module + "/ports"},
		{"domain/user", "github.com/google/uuid"},
		{"ports", module + "/app"},
		{"app", module + "/adapters/sql"},
		{"app", "github.com/uptrace/bun"},
		{"adapters/http", module + "/adapters/sql"},
		{"adapters/sql", module + "/app"},
		{"adapters/cli", module},
	}
	for _, e := range bad {
		if forbidden(e[0], e[1]) == "" {
			t.Errorf("%s → %s should be forbidden", e[0], e[1])
		}
	}
	good := [][2]string{
		{"domain/user", module + "/domain"},
		{"domain/user", "strings"},
		{"ports", module + "/domain/user"},
		{"app", module + "/ports"},
		{"adapters/http", module + "/app"},
		{"adapters/sql", "github.com/uptrace/bun"},
		{"", module + "/adapters/sql"},
	}
	for _, e := range good {
		if msg := forbidden(e[0], e[1]); msg != "" {
			t.Errorf("%s → %s should be allowed: %s", e[0], e[1], msg)
		}
	}
}
