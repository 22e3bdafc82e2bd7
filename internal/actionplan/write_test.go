package actionplan

import (
	"bytes"
	"testing"
)

func TestWritePlan(t *testing.T) {
	header := []string{"Plan ref", "Formal area for improvement", "Formal", "RAG rating", "Progress summary"}
	rows := [][]string{
		{"A1", "Improve the quality of assessments", "Yes", "Green", "Audit done\nTraining booked"},
		{"A2", "Reduce delay in care planning", "No", "Amber", "Tracker in place"},
	}
	write := func(t *testing.T) []byte {
		t.Helper()
		var buf bytes.Buffer
		if err := WritePlan(&buf, "Actions", header, rows); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	data := write(t)
	t.Run("reads back as a plan", func(t *testing.T) {
		plan, diags := Read("plan.xlsx", data, "Actions", Options{})
		if diags.HasErrors() || plan == nil {
			t.Fatalf("reading the written plan: %s", diags.Format())
		}
		if len(plan.Actions) != 2 {
			t.Fatalf("got %d actions, want 2", len(plan.Actions))
		}
		if got := plan.Actions[0].Progress; len(got) != 2 || got[1] != "Training booked" {
			t.Errorf("multi-line progress: got %q", got)
		}
	})
	t.Run("same arguments give the same bytes", func(t *testing.T) {
		if !bytes.Equal(data, write(t)) {
			t.Error("two writes of the same plan differ")
		}
	})
}
