package pdf

import (
	"context"
	"errors"
	"testing"
)

// A cancelled render (Ctrl-C) stops with the context's error rather than
// drawing and cutting the rest of the pack.
func TestRenderStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := Render(seedPack(t, 20), testTheme(), Options{Now: date(2013, 4, 8), Context: ctx})
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Fatalf("Render = %v, %v; want nil, context.Canceled", res, err)
	}
}

// Once stopped, the canvas draws nothing more: the pages left are empty.
func TestDrawSkipsPagesOnceStopped(t *testing.T) {
	p := seedPack(t, 20)
	l, err := Layout(p, testTheme(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	stopAfterOne := func() error {
		calls++
		if calls > 1 {
			return context.Canceled
		}
		return nil
	}
	whole, err := draw(l.st, l.lay.pages, date(2013, 4, 8), func() error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	cut, err := draw(l.st, l.lay.pages, date(2013, 4, 8), stopAfterOne)
	if err != nil {
		t.Fatal(err)
	}
	if calls != len(l.lay.pages) || len(l.lay.pages) < 3 {
		t.Fatalf("stopped asked %d times for %d pages", calls, len(l.lay.pages))
	}
	if len(cut) >= len(whole)/2 {
		t.Errorf("stopped after the first page, the drawing is %d bytes; the whole pack is %d", len(cut), len(whole))
	}
}
