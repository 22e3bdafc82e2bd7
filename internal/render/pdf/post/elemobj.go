package post

import (
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// A tagged pack has tens of thousands of structure elements. Built as
// pdfcpu dictionaries each cost a map, its boxed values and, when
// written, a key sort and a string per key; so FinishTagged builds each
// one as a structElem, which the writer serialises directly and an item
// cut (cuttree.go) reads and copies directly. A structElem is written
// byte for byte as the dictionary it stands for: keys in byte order
// (A, Alt, K, P, Pg, S), each left out when unset.

// structElem is a structure element dictionary held in the object
// table. Its values are shared with other objects: change one by
// setting the field, never in place.
type structElem struct {
	s   types.Object // /S: the structure type, a Name
	p   types.Object // /P: the parent's reference
	pg  types.Object // /Pg: the page of integer MCIDs, or nil
	k   types.Array  // /K: the kids; one kid is written alone unless kArr
	alt types.Object // /Alt, or nil
	a   types.Object // /A: the attributes, or nil
	// kArr writes k as an array even when it holds no kid or one: a cut
	// element's kids, as a cut of a parsed pack's element gives them.
	kArr bool
	nr   int // its object number
}

var _ types.Object = (*structElem)(nil)

// elemRef is a reference to a structElem, standing for the indirect
// reference to its object. An IndirectRef is two words, so boxing one
// as an Object allocated; an elemRef is one pointer and boxes for free,
// and every element is referred to from its parent, its kids and the
// ParentTree. Elements are numbered but kept out of the object table
// (tagging.number), which every item cut copies whole: readers look the
// number up in the table first, where a cut holds its own copies, and
// otherwise take r.e (elemOf, writer.visitElem).
type elemRef struct{ e *structElem }

var _ types.Object = elemRef{}

// ref is r as an indirect reference.
func (r elemRef) ref() types.IndirectRef {
	return types.IndirectRef{ObjectNumber: types.Integer(r.e.nr)}
}

// String is r as pdfcpu shows a reference.
func (r elemRef) String() string { return r.ref().String() }

// Clone is r itself: it holds nothing to change.
func (r elemRef) Clone() types.Object { return r }

// PDFString is r written as a reference.
func (r elemRef) PDFString() string { return r.ref().PDFString() }

// field is one key of a structElem and its value, nil when unset.
type field struct {
	key string
	val types.Object
}

// fields lists e's keys in byte order, into room on the caller's stack.
func (e *structElem) fields(room *[6]field) []field {
	out := room[:0]
	add := func(k string, v types.Object) {
		if v != nil {
			out = append(out, field{k, v})
		}
	}
	add("A", e.a)
	add("Alt", e.alt)
	add("K", e.kids())
	add("P", e.p)
	add("Pg", e.pg)
	add("S", e.s)
	return out
}

// kids is e's /K value, or nil when it has none.
func (e *structElem) kids() types.Object {
	switch {
	case e.kArr:
		return e.k
	case len(e.k) == 0:
		return nil
	case len(e.k) == 1:
		return e.k[0]
	}
	return e.k
}

// dict is e as a pdfcpu dictionary, for pdfcpu's own uses.
func (e *structElem) dict() types.Dict {
	var room [6]field
	d := types.Dict{}
	for _, f := range e.fields(&room) {
		d[f.key] = f.val
	}
	return d
}

// String is e as pdfcpu shows a dictionary.
func (e *structElem) String() string { return e.dict().String() }

// Clone is a copy of e as a dictionary.
func (e *structElem) Clone() types.Object { return e.dict().Clone() }

// PDFString is e written as a dictionary.
func (e *structElem) PDFString() string { return e.dict().PDFString() }

// walkElem visits the references inside e, keys in byte order, as walk
// does for the dictionary e stands for. The kids are walked in place:
// boxing them as one value allocated for every element.
func (w *writer) walkElem(e *structElem) {
	w.walk(e.a)
	w.walk(e.alt)
	for _, k := range e.k {
		w.walk(k)
	}
	w.walk(e.p)
	w.walk(e.pg)
	w.walk(e.s)
}

// elem writes e as the dictionary it stands for.
func (w *writer) elem(e *structElem) error {
	w.buf.WriteString("<<")
	if err := w.entry("A", e.a); err != nil {
		return err
	}
	if err := w.entry("Alt", e.alt); err != nil {
		return err
	}
	switch {
	case e.kArr || len(e.k) > 1:
		w.buf.WriteString("/K")
		if err := w.array(e.k); err != nil {
			return err
		}
	case len(e.k) == 1:
		if err := w.entry("K", e.k[0]); err != nil {
			return err
		}
	}
	for _, f := range [...]field{{"P", e.p}, {"Pg", e.pg}, {"S", e.s}} {
		if err := w.entry(f.key, f.val); err != nil {
			return err
		}
	}
	w.buf.WriteString(">>")
	return nil
}

// entry writes a dictionary entry whose key needs no escaping, or
// nothing when val is nil.
func (w *writer) entry(key string, val types.Object) error {
	if val == nil {
		return nil
	}
	w.buf.WriteByte('/')
	w.buf.WriteString(key)
	if !delimited(val) {
		w.buf.WriteByte(' ')
	}
	return w.value(val)
}
