package actionplan

import (
	"archive/zip"
	"bytes"
	"io"
	"reflect"
	"testing"

	"github.com/reportpack/reportpack/internal/actionplan/xlsxtest"
	"github.com/reportpack/reportpack/internal/diag"
)

// A workbook without merged cells is read without asking excelize for
// them; it must read exactly as when they are asked for. A sheet whose
// text mentions merged cells makes Read ask, without changing the plan.
func TestReadWithoutMergesAsWithThem(t *testing.T) {
	themes := xlsxtest.Sheet{Name: "Themes", TSV: "Code\tTheme\nA\tAssessment\nD\tDecisions\n"}
	actions := xlsxtest.Sheet{Name: "Actions", TSV: "Action plan\nAs at 28 February 2013\n" +
		"Ref\tService\tAction\tRAG\tProgress\n" +
		"A1\tSafeguarding\tAssessments\tAmber\tNew formats.\\nPlan in use.\n" +
		"D2\t\tChairing\t\t\n" +
		"X9\tLooked after\tSeen alone\tPurple\t\n" +
		"A1\tLooked after\tVisits\tg\t\n",
		Fills: map[string]string{"D5": "FFC000"}}
	mention := xlsxtest.Sheet{Name: "Notes", TSV: "This sheet names mergeCell.\n"}
	tests := []struct {
		name   string
		sheets []xlsxtest.Sheet
		opts   Options
	}{
		{"plan and themes", []xlsxtest.Sheet{actions, themes}, Options{}},
		{"the plan's sheet is also the themes sheet", []xlsxtest.Sheet{actions}, Options{ThemesSheet: "Actions"}},
		{"themes first", []xlsxtest.Sheet{themes, actions}, Options{}},
		{"no header row", []xlsxtest.Sheet{{Name: "Actions", TSV: "just\ttext\n"}, themes}, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			without := xlsxtest.Build(t, tt.sheets...)
			with := xlsxtest.Build(t, append(tt.sheets, mention)...)
			if !mergeFree(t, without) || mergeFree(t, with) {
				t.Fatal("the workbooks do not take the two ways of reading")
			}
			got, gotDiags := Read("plan.xlsx", without, "Actions", tt.opts)
			want, wantDiags := Read("plan.xlsx", with, "Actions", tt.opts)
			if !reflect.DeepEqual(messages(gotDiags), messages(wantDiags)) {
				t.Errorf("problems\n%q\nwant\n%q", messages(gotDiags), messages(wantDiags))
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("plan\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

// mergeFree opens a workbook and reports whether Read will skip asking
// for its merged cells.
func mergeFree(t *testing.T, data []byte) bool {
	t.Helper()
	var l diag.List
	wb, ok := open("plan.xlsx", data, DefaultLimits, &l)
	if !ok {
		t.Fatal(l.Format())
	}
	defer wb.close()
	return wb.noMerges
}

func TestNoMergedCells(t *testing.T) {
	plain := xlsxtest.Sheet{Name: "Actions", TSV: "Ref\tAction\tRAG\nA1\tOne\tGreen\nA2\tTwo\tRed\n"}
	merged := plain
	merged.Merges = []string{"B2:B3"}
	tests := []struct {
		name string
		data []byte
		lim  Limits
		want bool
	}{
		{"no merges", xlsxtest.Build(t, plain), DefaultLimits, true},
		{"merges on the plan's sheet", xlsxtest.Build(t, merged), DefaultLimits, false},
		{"merges on another sheet", xlsxtest.Build(t, plain, xlsxtest.Sheet{Name: "Themes", TSV: "A\tB\n", Merges: []string{"A1:A2"}}), DefaultLimits, false},
		{"a sheet kept in a temporary file", xlsxtest.Build(t, plain), Limits{UnzipSize: DefaultLimits.UnzipSize, UnzipXMLSize: 64}, false},
		{"a part in another character set", withPart(t, xlsxtest.Build(t, plain), "docProps/custom.xml",
			"<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<Properties/>"), DefaultLimits, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			wb, ok := open("plan.xlsx", tt.data, tt.lim.withDefaults(), &l)
			if !ok {
				t.Fatal(l.Format())
			}
			defer wb.close()
			if wb.noMerges != tt.want {
				t.Errorf("noMerges = %v, want %v", wb.noMerges, tt.want)
			}
		})
	}
}

// withPart returns the workbook data with one more file in its zip.
func withPart(t *testing.T, data []byte, name, content string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			t.Fatal(err)
		}
		r.Close()
	}
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, content); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestUTF8XML(t *testing.T) {
	tests := []struct {
		xml  string
		want bool
	}{
		{`<a/>`, true},
		{`<?xml version="1.0"?><a/>`, true},
		{`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a/>`, true},
		{`<?xml version='1.0' encoding='utf-8'?><a/>`, true},
		{`<?xml version="1.0" encoding="UTF-16"?><a/>`, false},
		{`<?xml version="1.0" encoding="windows-1252"?><a/>`, false},
		{`<?xml version="1.0" encoding = "utf-8"?><a/>`, false},
		{`<?xml version="1.0" encoding="utf-8" encoding="utf-16"?><a/>`, false},
		{`<?xml version="1.0" encoding="UTF-8"?><a><?xml encoding="utf-16le"?></a>`, false},
		{`<?xml version="1.0" encoding="utf-8'?><a/>`, false},
	}
	for _, tt := range tests {
		if got := utf8XML([]byte(tt.xml)); got != tt.want {
			t.Errorf("utf8XML(%s) = %v, want %v", tt.xml, got, tt.want)
		}
	}
}
