package http_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// pageReport is what the browser tells about the rendered page.
type pageReport struct {
	Title      string
	Headings   []shown
	Items      []shown
	Checkboxes []shown
	Scripts    int
}

// shown is one element's text and whether a person would see it.
type shown struct {
	Text    string
	Visible bool
	Why     string
}

// inspectPage runs in the page: for each section heading, item label and
// checkbox, is it laid out with a size, inside the page, visible and not
// transparent (itself or through an ancestor)?
const inspectPage = `(() => {
  const doc = document.documentElement;
  const look = el => {
    const r = el.getBoundingClientRect();
    const top = r.top + window.scrollY, left = r.left + window.scrollX;
    const style = getComputedStyle(el);
    let transparent = false;
    for (let e = el; e; e = e.parentElement) {
      if (parseFloat(getComputedStyle(e).opacity) === 0) transparent = true;
    }
    let why = "";
    if (r.width <= 0 || r.height <= 0) why = "no size";
    else if (left < 0 || top < 0 || left + r.width > doc.scrollWidth || top + r.height > doc.scrollHeight) why = "outside the page";
    else if (style.visibility !== "visible" || style.display === "none") why = "hidden";
    else if (transparent) why = "transparent";
    return {text: el.textContent.trim(), visible: why === "", why};
  };
  const all = sel => Array.from(document.querySelectorAll(sel)).map(look);
  return {
    title: document.querySelector("h1").textContent.trim(),
    headings: all("h2 .section-name"),
    items: all(".item-label"),
    checkboxes: all("input[type=checkbox]"),
    scripts: document.scripts.length,
  };
})()`

// chromium returns the browser to drive: CHROMIUM_PATH, which make test and
// CI set. A developer without it skips; a machine that names a browser it
// does not have fails, so CI cannot pass without running the test.
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv("CHROMIUM_PATH")
	if path == "" {
		t.Skip("CHROMIUM_PATH is not set; the shared-page browser test needs Chromium")
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("CHROMIUM_PATH=%s: %v", path, err)
	}
	return path
}

// browserMessages collects what the page wrote to the console: calls of the
// console API (only a script makes them), uncaught exceptions and the
// browser's error log, where CSP violations and failed loads appear.
type browserMessages struct {
	mu   sync.Mutex
	list []string
}

func (b *browserMessages) listen(ev any) {
	var msg string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		msg = "console." + string(ev.Type)
	case *runtime.EventExceptionThrown:
		msg = "exception: " + ev.ExceptionDetails.Text
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Source == log.EntrySourceSecurity {
			msg = "log " + string(ev.Entry.Level) + ": " + ev.Entry.Text
		}
	}
	if msg != "" {
		b.mu.Lock()
		b.list = append(b.list, msg)
		b.mu.Unlock()
	}
}

func (b *browserMessages) all() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.list...)
}

func TestSharedListPageInChromium(t *testing.T) {
	exe := chromium(t)
	a, cook, planID := newShopAPI(t)
	l := a.generate(cook.Token, planID)
	checked := l.Items[0]
	wantStatus(t, a.do("PATCH", "/api/v1/shopping-lists/"+l.ID+"/items/"+checked.ID, cook.Token, map[string]bool{"checked": true}), 200)
	wantStatus(t, a.do("POST", "/api/v1/shopping-lists/"+l.ID+"/items", cook.Token, map[string]any{"name": "Tea & biscuits", "note": "<b>not bold</b>"}), 201)
	l = decodeList(t, a.get("/api/v1/shopping-lists/"+l.ID, cook.Token, 200))
	shareID, _ := a.shareList(cook.Token, l.ID, nil)

	alloc, cancelAlloc := chromedp.NewExecAllocator(t.Context(), chromedp.ExecPath(exe),
		chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1024, 768))
	defer cancelAlloc()
	msgs := &browserMessages{}
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithListener(msgs.listen))
	defer cancel()

	if err := chromedp.Do(ctx, chromedp.Navigate(a.srv.URL+"/api/v1/shopping-lists/shared/"+shareID)); err != nil {
		t.Fatalf("opening the shared page: %v", err)
	}
	report, err := chromedp.Run(ctx, chromedp.Evaluate[pageReport](inspectPage))
	if err != nil {
		t.Fatalf("inspecting the page: %v", err)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	checkScreenshot(t, shot)
	checkReport(t, report, l)
	if m := msgs.all(); len(m) > 0 {
		t.Errorf("the page wrote to the console: %q", m)
	}
}

func checkReport(t *testing.T, r pageReport, l shopList) {
	t.Helper()
	if r.Title != l.Name || r.Scripts != 0 {
		t.Errorf("title %q (want %q), %d scripts", r.Title, l.Name, r.Scripts)
	}
	var sections []string
	for _, s := range l.Sections {
		sections = append(sections, s.Name)
	}
	var labels []string
	for _, it := range l.Items {
		labels = append(labels, strings.Join(strings.Fields(it.Quantity+" "+it.Unit+" "+it.Name), " "))
	}
	checkShown(t, "section heading", r.Headings, sections)
	checkShown(t, "item", r.Items, labels)
	if len(r.Checkboxes) != len(l.Items) {
		t.Errorf("%d checkboxes for %d items", len(r.Checkboxes), len(l.Items))
	}
	for i, c := range r.Checkboxes {
		if !c.Visible {
			t.Errorf("checkbox %d is not visible: %s", i, c.Why)
		}
	}
}

// checkShown asserts that the elements read exactly want, in order, and that
// a person can see each one.
func checkShown(t *testing.T, kind string, got []shown, want []string) {
	t.Helper()
	if len(got) != len(want) || len(want) == 0 {
		t.Errorf("%d %ss on the page, want %d: %+v", len(got), kind, len(want), got)
		return
	}
	for i, g := range got {
		if g.Text != want[i] || !g.Visible {
			t.Errorf("%s %d: %q visible=%v (%s), want %q visible", kind, i, g.Text, g.Visible, g.Why, want[i])
		}
	}
}

// checkScreenshot keeps the screenshot for a person to look at and checks that
// it is a PNG of a page, not an empty canvas.
func checkScreenshot(t *testing.T, shot []byte) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "shared-list.png")
	if err := os.WriteFile(file, shot, 0o600); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() < 800 || b.Dx() > 4000 || b.Dy() < 768 || b.Dy() > 20000 {
		t.Errorf("screenshot of %dx%d is not a full page at 1024 wide", b.Dx(), b.Dy())
	}
	if ink := inkShare(img); ink < 0.005 {
		t.Errorf("the screenshot is blank: %.4f of its pixels differ from the background", ink)
	}
	t.Logf("screenshot %dx%d, %d bytes: %s", b.Dx(), b.Dy(), len(shot), file)
}

// inkShare is the share of pixels that differ clearly from the top-left one,
// the page background.
func inkShare(img image.Image) float64 {
	b := img.Bounds()
	br, bg, bb, _ := img.At(b.Min.X, b.Min.Y).RGBA()
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if absDiff(r, br)+absDiff(g, bg)+absDiff(bl, bb) > 3*0x1000 {
				ink++
			}
		}
	}
	return float64(ink) / float64(b.Dx()*b.Dy())
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
