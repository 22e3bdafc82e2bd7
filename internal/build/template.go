package build

import (
	"fmt"
	"io"

	"github.com/reportpack/reportpack/internal/actionplan"
	"github.com/reportpack/reportpack/internal/scale"
)

// ActionPlanTemplate writes a blank action-plan workbook whose rating
// column offers only the words of the named built-in scale ("rag" or
// "brag"). It is here, not in cli, because build is the one caller of the
// stages.
func ActionPlanTemplate(w io.Writer, scaleName string) error {
	sc, ok := scale.NewRegistry(nil).Lookup(scaleName)
	if !ok {
		return fmt.Errorf("there is no scale %q", scaleName)
	}
	return actionplan.WriteTemplate(w, sc)
}
