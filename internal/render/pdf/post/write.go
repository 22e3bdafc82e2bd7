package post

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pdfcpu's own writer cannot be used: it stamps the clock into the Info
// dates and the file ID on every write, and it walks dictionaries in Go map
// order, so objects land at different offsets each run. This writer walks
// the object graph from the catalog in sorted key order, numbers objects in
// the order it meets them, packs the small ones into compressed object
// streams with a cross-reference stream (PDF 1.5; objstm.go), and derives
// the file ID from the bytes written.

// writer serialises the objects reachable from a catalog and an Info dict.
type writer struct {
	ctx *model.Context
	// num maps source object numbers to output numbers (0: not written),
	// by index rather than map: it is looked up for every reference
	// written, and a tagged pack holds tens of thousands.
	num   []int
	order []int                // source object numbers in output order
	objs  []types.Object       // the objects of order as first met; streams may be replaced by encoded ones
	skip  map[int]bool         // page objects left out (Extract); references to them become null
	buf   *bytes.Buffer        // where value writes: the file, or an object stream's body
	over  map[int]types.Object // streams deflated for this write only
	level int                  // compression level of the object streams
}

// write serialises ctx's objects reachable from root and info, packing
// the small ones into object streams compressed at level.
func write(ctx *model.Context, root, info types.IndirectRef, skip map[int]bool, level int) ([]byte, error) {
	sc := writerScratch.Get().(*writerRoom)
	defer sc.put()
	if len(sc.num) < *ctx.Size {
		sc.num = make([]int, *ctx.Size)
	}
	w := &writer{ctx: ctx, num: sc.num, order: sc.order[:0], objs: sc.objs[:0], skip: skip, buf: &bytes.Buffer{}, level: level}
	defer func() { sc.num, sc.order, sc.objs = w.num, w.order, w.objs }()
	w.visit(root)
	w.visit(info)
	for i := 0; i < len(w.objs); i++ {
		w.walk(w.objs[i])
	}
	return w.emit(root, info)
}

// writerRoom is the room a write numbers its objects in, reused by the
// next: each of a pack's 30 item cuts numbered its objects in a table as
// long as the whole pack's.
type writerRoom struct {
	num   []int // all 0 between writes
	order []int
	objs  []types.Object
}

var writerScratch = sync.Pool{New: func() any { return new(writerRoom) }}

// put clears what the write used and gives the room back.
func (r *writerRoom) put() {
	for _, nr := range r.order {
		r.num[nr] = 0
	}
	clear(r.objs) // not to keep the objects alive
	r.order, r.objs = r.order[:0], r.objs[:0]
	writerScratch.Put(r)
}

// object returns source object nr, or nil when it is missing.
func (w *writer) object(nr int) types.Object {
	if o, ok := w.over[nr]; ok {
		return o
	}
	return lookup(w.ctx, types.IndirectRef{ObjectNumber: types.Integer(nr)})
}

// visit gives a reference an output number the first time it is met.
func (w *writer) visit(ir types.IndirectRef) {
	w.visitObject(ir.ObjectNumber.Value(), nil)
}

// visitElem is visit for a reference to an element, which is in the
// table only when a cut holds its own copy there.
func (w *writer) visitElem(r elemRef) {
	w.visitObject(r.e.nr, r.e)
}

// visitObject numbers object nr, or standIn when the table does not hold
// it, the first time it is met.
func (w *writer) visitObject(nr int, standIn types.Object) {
	if nr < 0 || nr < len(w.num) && w.num[nr] != 0 || w.skip[nr] {
		return
	}
	o := w.object(nr)
	if o == nil {
		o = standIn
	}
	if o == nil {
		return
	}
	if nr >= len(w.num) {
		w.num = append(w.num, make([]int, nr+1-len(w.num))...)
	}
	w.order, w.objs = append(w.order, nr), append(w.objs, o)
	w.num[nr] = len(w.order)
}

// numberOf is the output number of source object nr, or 0 when it is not
// written.
func (w *writer) numberOf(nr int) int {
	if nr < 0 || nr >= len(w.num) {
		return 0
	}
	return w.num[nr]
}

// walk visits the references inside o, dictionary keys in sorted order.
func (w *writer) walk(o types.Object) {
	switch v := o.(type) {
	case types.IndirectRef:
		w.visit(v)
	case elemRef:
		w.visitElem(v)
	case *structElem:
		w.walkElem(v)
	case types.Dict:
		var room [8]string
		for _, k := range appendSortedKeys(room[:0], v) {
			w.walk(v[k])
		}
	case types.StreamDict:
		var room [8]string
		for _, k := range appendSortedKeys(room[:0], v.Dict) {
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

// appendSortedKeys appends d's keys to keys in byte order. Given room
// on the caller's stack, most dictionaries (a structure element has at
// most six keys) are walked without allocating.
func appendSortedKeys(keys []string, d types.Dict) []string {
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// value writes one PDF object.
func (w *writer) value(o types.Object) error {
	switch v := o.(type) {
	case nil:
		w.buf.WriteString("null")
	case types.IndirectRef:
		w.ref(v)
	case elemRef:
		w.ref(v.ref())
	case *structElem:
		return w.elem(v)
	case types.Dict:
		return w.dict(v, false)
	case types.StreamDict:
		return w.stream(v)
	case types.Array:
		return w.array(v)
	case types.Name:
		w.buf.WriteString("/" + types.EncodeName(string(v)))
	case types.Integer:
		writeInt(w.buf, int(v))
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
	n := w.numberOf(ir.ObjectNumber.Value())
	if n == 0 {
		w.buf.WriteString("null")
		return
	}
	writeInt(w.buf, n)
	w.buf.WriteString(" 0 R")
}

// dict writes a dictionary; a stream's Length is left to the caller.
func (w *writer) dict(d types.Dict, stream bool) error {
	w.buf.WriteString("<<")
	var room [8]string
	for _, k := range appendSortedKeys(room[:0], d) {
		if stream && k == "Length" {
			continue
		}
		w.buf.WriteString("/" + types.EncodeName(k))
		if !delimited(d[k]) {
			w.buf.WriteByte(' ')
		}
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
	fmt.Fprintf(w.buf, "/Length %d>>\nstream\n", len(sd.Raw))
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

// delimited reports whether o's written form starts with a delimiter
// (/, <, [ or (), so that no space need separate it from a key before.
func delimited(o types.Object) bool {
	switch o.(type) {
	case types.Name, types.Dict, *structElem, types.StreamDict, types.Array, types.StringLiteral, types.HexLiteral:
		return true
	}
	return false
}

// writeInt writes n in decimal straight into b's spare room: the
// string strconv.Itoa makes was an allocation for every object number
// and offset above 99.
func writeInt(b *bytes.Buffer, n int) {
	b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(n), 10))
}
