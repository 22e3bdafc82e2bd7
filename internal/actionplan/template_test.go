package actionplan

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/reportpack/reportpack/internal/scale"
)

func TestWriteTemplate(t *testing.T) {
	reg := scale.NewRegistry(nil)
	for _, name := range []string{scale.RAG, scale.BRAG} {
		t.Run(name, func(t *testing.T) {
			sc, _ := reg.Lookup(name)
			var buf bytes.Buffer
			if err := WriteTemplate(&buf, sc); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			checkDropDown(t, f, `"`+strings.Join(scale.Words(sc), ",")+`"`)
			checkFrozen(t, f)
			if got := strings.Join(f.GetSheetList(), ","); got != "Actions,Themes" {
				t.Errorf("sheets %s", got)
			}
			if cf, _ := f.GetConditionalFormats("Actions"); len(cf["G2:G501"]) != len(sc.Levels) {
				t.Errorf("conditional formats %v", cf)
			}
			p, l := Read("template.xlsx", buf.Bytes(), "", Options{Scale: sc})
			if l.HasErrors() || len(p.Columns) != len(columns) {
				t.Errorf("template does not read back: %v\n%s", p.Columns, l.Format())
			}
		})
	}
}

func checkDropDown(t *testing.T, f *excelize.File, want string) {
	t.Helper()
	dvs, err := f.GetDataValidations("Actions")
	if err != nil {
		t.Fatal(err)
	}
	for _, dv := range dvs {
		if dv.Sqref == "G2:G501" {
			if dv.Formula1 != want {
				t.Errorf("rating list %q, want %q", dv.Formula1, want)
			}
			return
		}
	}
	t.Errorf("no drop-down on the rating column: %+v", dvs)
}

func checkFrozen(t *testing.T, f *excelize.File) {
	t.Helper()
	p, err := f.GetPanes("Actions")
	if err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("header row not frozen: %+v %v", p, err)
	}
}
