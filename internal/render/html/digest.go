package html

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
	"sort"

	"github.com/reportpack/reportpack/internal/report"
)

// digester hashes a value by its content, following pointers, so that two
// pages given equal data have equal digests. It appends the content to a
// buffer and hashes that once. A report is digested once per render and
// stands in every page by its digest: neighbouring pages and the agenda
// show the same reports, appendices and plans. Every pointer into the
// model is digested once per render.
type digester struct {
	buf    []byte
	model  map[any][sha256.Size]byte // digests of model nodes, by pointer
	open   map[uintptr]bool          // pointers being written, against cycles
	simple map[reflect.Type]bool     // struct types whose fields are all exported
}

func newDigester() *digester {
	return &digester{model: map[any][sha256.Size]byte{}, open: map[uintptr]bool{}, simple: map[reflect.Type]bool{}}
}

// modelPkg is the model's package: its nodes are digested once each.
var modelPkg = reflect.TypeOf(report.Report{}).PkgPath()

// sum digests the shared digest, a page's file name and its data.
func (d *digester) sum(shared [sha256.Size]byte, name string, data any) [sha256.Size]byte {
	d.buf = append(d.buf[:0], shared[:]...)
	d.str(name)
	d.value(reflect.ValueOf(data))
	return sha256.Sum256(d.buf)
}

// digest returns the digest of v alone.
func (d *digester) digest(v any) [sha256.Size]byte {
	d.buf = d.buf[:0]
	d.value(reflect.ValueOf(v))
	return sha256.Sum256(d.buf)
}

func (d *digester) num(n uint64) { d.buf = binary.LittleEndian.AppendUint64(d.buf, n) }

func (d *digester) str(s string) {
	d.num(uint64(len(s)))
	d.buf = append(d.buf, s...)
}

func (d *digester) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		d.num(0)
	case reflect.Pointer:
		d.pointer(v)
	case reflect.Interface:
		if v.IsNil() {
			d.num(0)
			return
		}
		d.str(v.Elem().Type().String())
		d.value(v.Elem())
	case reflect.Slice, reflect.Array:
		d.list(v)
	case reflect.Map:
		d.mapping(v)
	case reflect.Struct:
		d.structure(v)
	default:
		d.scalar(v)
	}
}

func (d *digester) scalar(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		d.str(v.String())
	case reflect.Bool:
		if v.Bool() {
			d.num(1)
		} else {
			d.num(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		d.num(v.Uint())
	case reflect.Float32, reflect.Float64:
		d.num(math.Float64bits(v.Float()))
	default: // funcs and channels carry no page content
		d.str(v.Kind().String())
	}
}

// pointer writes the pointer's target, or a model node's digest.
func (d *digester) pointer(v reflect.Value) {
	if v.IsNil() {
		d.num(0)
		return
	}
	if v.Type().Elem().PkgPath() == modelPkg {
		d.node(v)
		return
	}
	if d.open[v.Pointer()] {
		d.str("cycle")
		return
	}
	d.open[v.Pointer()] = true
	d.num(1)
	d.value(v.Elem())
	delete(d.open, v.Pointer())
}

// node writes a model node's digest, computing it the first time.
func (d *digester) node(v reflect.Value) {
	// The key holds the pointer with its type (a struct and its first
	// field share an address) and keeps the node alive, so that no node
	// made during the render can take a digested one's address.
	key := v.Interface()
	sum, ok := d.model[key]
	if !ok {
		if d.open[v.Pointer()] {
			d.str("cycle")
			return
		}
		d.open[v.Pointer()] = true
		start := len(d.buf)
		d.value(v.Elem())
		sum = sha256.Sum256(d.buf[start:])
		d.buf = d.buf[:start]
		d.model[key] = sum
		delete(d.open, v.Pointer())
	}
	d.buf = append(d.buf, sum[:]...)
}

func (d *digester) list(v reflect.Value) {
	d.num(uint64(v.Len()))
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
		d.buf = append(d.buf, v.Bytes()...)
		return
	}
	for i := range v.Len() {
		d.value(v.Index(i))
	}
}

// mapping writes a map's entries in the order of their keys' text.
func (d *digester) mapping(v reflect.Value) {
	keys := v.MapKeys()
	text := make([]string, len(keys))
	for i, k := range keys {
		text[i] = fmt.Sprint(k.Interface())
	}
	sort.Sort(byText{keys, text})
	d.num(uint64(len(keys)))
	for _, k := range keys {
		d.value(k)
		d.value(v.MapIndex(k))
	}
}

// structure writes exported fields; a struct with unexported fields from
// outside the model (time.Time) is written as its text.
func (d *digester) structure(v reflect.Value) {
	if !d.exported(v.Type()) {
		d.str(fmt.Sprint(v.Interface()))
		return
	}
	for i := range v.NumField() {
		d.value(v.Field(i))
	}
}

// exported reports whether all of t's fields are exported, once per type.
func (d *digester) exported(t reflect.Type) bool {
	all, ok := d.simple[t]
	if !ok {
		all = true
		for i := range t.NumField() {
			all = all && t.Field(i).IsExported()
		}
		d.simple[t] = all
	}
	return all
}

// byText sorts map keys by their text.
type byText struct {
	keys []reflect.Value
	text []string
}

func (b byText) Len() int           { return len(b.keys) }
func (b byText) Less(i, j int) bool { return b.text[i] < b.text[j] }
func (b byText) Swap(i, j int) {
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
	b.text[i], b.text[j] = b.text[j], b.text[i]
}
