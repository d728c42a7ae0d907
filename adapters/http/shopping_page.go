package http

import (
	"bytes"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/mealplanner/backend/domain/shopping"
)

// sharedPageTemplate is the printable page of a shared list. It has no script
// at all: the checkboxes are for ticking on a phone or on paper, and nothing
// is saved. The style is inline, which htmlContentSecurityPolicy allows.
// html/template escapes every value, list and item names included.
var sharedPageTemplate = template.Must(template.New("shared").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>{{.Name}}</title>
<style>
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; background: #fff;
  max-width: 42rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
.week, .progress, footer { color: #555; margin: 0; }
section { margin: 1.4rem 0 0; break-inside: avoid; }
h2 { font-size: 1.15rem; margin: 0 0 .3rem; padding-bottom: .2rem; border-bottom: 2px solid #2e7d32; }
h2 .count { color: #666; font-weight: normal; font-size: .9rem; }
ul { list-style: none; margin: 0; padding: 0; }
li { padding: .35rem 0; border-bottom: 1px solid #eee; }
li label { display: flex; gap: .6rem; align-items: baseline; cursor: pointer; }
input[type=checkbox] { width: 1.05rem; height: 1.05rem; margin: 0; flex: none; }
.for, .note { display: block; margin-left: 1.65rem; color: #666; font-size: .85rem; }
footer { margin-top: 2rem; font-size: .85rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 12pt; }
  li { border-bottom-color: #ccc; }
  footer { display: none; }
}
</style>
</head>
<body>
<main>
<h1>{{.Name}}</h1>
<p class="week">{{.Week}}</p>
<p class="progress">{{.Checked}} of {{.Total}} items checked</p>
{{- range .Sections}}
<section aria-labelledby="{{.ID}}">
<h2 id="{{.ID}}"><span class="section-name">{{.Name}}</span> <span class="count">({{.Total}})</span></h2>
<ul>
{{- range .Items}}
<li><label for="{{.ID}}"><input type="checkbox" id="{{.ID}}"{{if .Checked}} checked{{end}}><span class="item-label">{{.Label}}</span></label>
{{- if .For}}<span class="for">for: {{.For}}</span>{{end}}
{{- if .Note}}<span class="note">{{.Note}}</span>{{end}}</li>
{{- end}}
</ul>
</section>
{{- else}}
<p>This list is empty.</p>
{{- end}}
<footer>Shared from Meal Planner. This link works until {{.Expires}}.</footer>
</main>
</body>
</html>
`))

type sharedPage struct {
	Name, Week, Expires string
	Checked, Total      int
	Sections            []pageSection
}

type pageSection struct {
	ID, Name string
	Total    int
	Items    []pageItem
}

type pageItem struct {
	ID, Label, For, Note string
	Checked              bool
}

// sharedGoneTemplate is what a browser shows for a dead link, instead of the
// JSON error an API client gets.
var sharedGoneTemplate = template.Must(template.New("gone").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Shopping list not found</title>
<style>body { font: 16px/1.45 system-ui, sans-serif; max-width: 42rem; margin: 3rem auto; padding: 0 1rem; color: #1d1d1f; }</style>
</head>
<body>
<main>
<h1>Shopping list not found</h1>
<p>This link has expired or was revoked. Ask whoever shared it for a new one.</p>
</main>
</body>
</html>
`))

// writeHTML answers with a page rendered from tmpl. Pages replace the API's
// CSP, which would refuse even their inline style; they still run no script.
func writeHTML(w http.ResponseWriter, r *http.Request, status int, tmpl *template.Template, data any) {
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		writeError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", htmlContentSecurityPolicy)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	if _, err := w.Write(buf.Bytes()); err != nil {
		loggerFrom(r.Context()).Warn("writing response failed", "error", err)
	}
}

// newSharedPage groups the (already sorted) items by section.
func newSharedPage(l *shopping.List) sharedPage {
	_, checked, total := l.Progress()
	p := sharedPage{Name: l.Name, Week: "Week of " + l.WeekStart.Time().Format("Monday, January 2, 2006"),
		Checked: checked, Total: total}
	if l.Share != nil {
		p.Expires = l.Share.ExpiresAt.UTC().Format("January 2, 2006 15:04 UTC")
	}
	for i, it := range l.Items {
		if n := len(p.Sections); n == 0 || p.Sections[n-1].Name != it.Section {
			p.Sections = append(p.Sections, pageSection{ID: "section-" + strconv.Itoa(n+1), Name: it.Section})
		}
		s := &p.Sections[len(p.Sections)-1]
		s.Total++
		s.Items = append(s.Items, pageItem{ID: "item-" + strconv.Itoa(i+1), Label: itemLabel(it),
			For: recipeNames(it.Sources), Note: it.Note, Checked: it.Checked})
	}
	return p
}

// itemLabel reads as a person would write it: "2 cloves garlic", "500 g beef", "salt".
func itemLabel(it shopping.Item) string {
	parts := make([]string, 0, 3)
	for _, s := range []string{it.Quantity, it.Unit, it.Name} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// recipeNames lists the recipes an item is for, each once, in plan order.
func recipeNames(sources []shopping.Source) string {
	var names []string
	for _, s := range sources {
		if s.RecipeName != "" && !slices.Contains(names, s.RecipeName) {
			names = append(names, s.RecipeName)
		}
	}
	return strings.Join(names, ", ")
}
