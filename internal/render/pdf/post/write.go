package post

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pdfcpu's own writer cannot be used: it stamps the clock into the Info
// dates and the file ID on every write, and it walks dictionaries in Go map
// order, so objects land at different offsets each run. This writer walks
// the object graph from the catalog in sorted key order, numbers objects in
// the order it meets them, writes a classic cross-reference table, and
// derives the file ID from the bytes written.

// writer serialises the objects reachable from a catalog and an Info dict.
type writer struct {
	ctx   *model.Context
	num   map[int]int  // source object number -> output number
	order []int        // source object numbers in output order
	skip  map[int]bool // page objects left out (Extract); references to them become null
	buf   bytes.Buffer
}

// write serialises ctx's objects reachable from root and info.
func write(ctx *model.Context, root, info types.IndirectRef, skip map[int]bool) ([]byte, error) {
	w := &writer{ctx: ctx, num: map[int]int{}, skip: skip}
	w.visit(root)
	w.visit(info)
	for i := 0; i < len(w.order); i++ {
		w.walk(w.object(w.order[i]))
	}
	return w.emit(root, info)
}

// object returns source object nr, or nil when it is missing.
func (w *writer) object(nr int) types.Object {
	return deref(w.ctx, *types.NewIndirectRef(nr, 0))
}

// visit gives a reference an output number the first time it is met.
func (w *writer) visit(ir types.IndirectRef) {
	nr := ir.ObjectNumber.Value()
	if _, seen := w.num[nr]; seen || w.skip[nr] || w.object(nr) == nil {
		return
	}
	w.num[nr] = len(w.order) + 1
	w.order = append(w.order, nr)
}

// walk visits the references inside o, dictionary keys in sorted order.
func (w *writer) walk(o types.Object) {
	switch v := o.(type) {
	case types.IndirectRef:
		w.visit(v)
	case types.Dict:
		for _, k := range sortedKeys(v) {
			w.walk(v[k])
		}
	case types.StreamDict:
		for _, k := range sortedKeys(v.Dict) {
			if k != "Length" {
				w.walk(v.Dict[k])
			}
		}
	case types.Array:
		for _, e := range v {
			w.walk(e)
		}
	}
}

// sortedKeys returns d's keys in byte order.
func sortedKeys(d types.Dict) []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// emit writes header, objects, cross-reference table and trailer.
func (w *writer) emit(root, info types.IndirectRef) ([]byte, error) {
	w.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(w.order))
	for i, nr := range w.order {
		offsets[i] = w.buf.Len()
		fmt.Fprintf(&w.buf, "%d 0 obj\n", i+1)
		if err := w.value(w.object(nr)); err != nil {
			return nil, fmt.Errorf("writing object %d: %w", nr, err)
		}
		w.buf.WriteString("\nendobj\n")
	}
	sum := sha256.Sum256(w.buf.Bytes())
	id := hex.EncodeToString(sum[:16])
	xref := w.buf.Len()
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", len(w.order)+1)
	for _, off := range offsets {
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&w.buf, "trailer\n<</Size %d/Root %d 0 R/Info %d 0 R/ID[<%s><%s>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(w.order)+1, w.num[root.ObjectNumber.Value()], w.num[info.ObjectNumber.Value()], id, id, xref)
	return w.buf.Bytes(), nil
}

// value writes one PDF object.
func (w *writer) value(o types.Object) error {
	switch v := o.(type) {
	case nil:
		w.buf.WriteString("null")
	case types.IndirectRef:
		w.ref(v)
	case types.Dict:
		return w.dict(v, false)
	case types.StreamDict:
		return w.stream(v)
	case types.Array:
		return w.array(v)
	case types.Name:
		w.buf.WriteString("/" + types.EncodeName(string(v)))
	case types.Integer:
		w.buf.WriteString(strconv.Itoa(int(v)))
	case types.Float:
		w.buf.WriteString(strconv.FormatFloat(float64(v), 'f', -1, 64))
	case types.Boolean:
		w.buf.WriteString(strconv.FormatBool(bool(v)))
	case types.StringLiteral:
		w.buf.WriteString("(" + string(v) + ")")
	case types.HexLiteral:
		w.buf.WriteString("<" + string(v) + ">")
	default:
		return fmt.Errorf("unexpected PDF object of type %T", o)
	}
	return nil
}

// ref writes a reference, or null when its object is not written.
func (w *writer) ref(ir types.IndirectRef) {
	n, ok := w.num[ir.ObjectNumber.Value()]
	if !ok {
		w.buf.WriteString("null")
		return
	}
	fmt.Fprintf(&w.buf, "%d 0 R", n)
}

// dict writes a dictionary; a stream's Length is left to the caller.
func (w *writer) dict(d types.Dict, stream bool) error {
	w.buf.WriteString("<<")
	for _, k := range sortedKeys(d) {
		if stream && k == "Length" {
			continue
		}
		w.buf.WriteString("/" + types.EncodeName(k) + " ")
		if err := w.value(d[k]); err != nil {
			return err
		}
	}
	if !stream {
		w.buf.WriteString(">>")
	}
	return nil
}

// stream writes a stream with its encoded bytes, encoding new content first.
func (w *writer) stream(sd types.StreamDict) error {
	if sd.Raw == nil && sd.Content != nil {
		if err := sd.Encode(); err != nil {
			return err
		}
	}
	if err := w.dict(sd.Dict, true); err != nil {
		return err
	}
	fmt.Fprintf(&w.buf, "/Length %d>>\nstream\n", len(sd.Raw))
	w.buf.Write(sd.Raw)
	w.buf.WriteString("\nendstream")
	return nil
}

// array writes an array.
func (w *writer) array(a types.Array) error {
	w.buf.WriteString("[")
	for i, e := range a {
		if i > 0 {
			w.buf.WriteString(" ")
		}
		if err := w.value(e); err != nil {
			return err
		}
	}
	w.buf.WriteString("]")
	return nil
}
