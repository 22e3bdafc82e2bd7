package html

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"math"
	"reflect"
	"sort"
)

// digester hashes a value by its content, following pointers, so that two
// pages given equal data have equal digests. Each pointer's target is
// hashed once per render: neighbouring pages share the reports they show.
type digester struct {
	memo map[target][sha256.Size]byte
}

// target is a pointer with its type: a struct and its first field share an
// address.
type target struct {
	addr uintptr
	typ  reflect.Type
}

func newDigester() *digester { return &digester{memo: map[target][sha256.Size]byte{}} }

// sum digests the shared digest, a page's file name and its data.
func (d *digester) sum(shared [sha256.Size]byte, name string, data any) [sha256.Size]byte {
	h := sha256.New()
	h.Write(shared[:])
	fmt.Fprintf(h, "%s\x00", name)
	d.write(h, data)
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

// write adds v's content to h.
func (d *digester) write(h hash.Hash, v any) { d.value(h, reflect.ValueOf(v)) }

func (d *digester) value(h hash.Hash, v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		h.Write([]byte{0})
	case reflect.Pointer:
		d.pointer(h, v)
	case reflect.Interface:
		if v.IsNil() {
			h.Write([]byte{0})
			return
		}
		fmt.Fprintf(h, "%s\x00", v.Elem().Type())
		d.value(h, v.Elem())
	case reflect.Slice, reflect.Array:
		d.list(h, v)
	case reflect.Map:
		d.mapping(h, v)
	case reflect.Struct:
		d.structure(h, v)
	case reflect.String:
		binary.Write(h, binary.LittleEndian, int64(v.Len()))
		h.Write([]byte(v.String()))
	case reflect.Bool:
		binary.Write(h, binary.LittleEndian, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		binary.Write(h, binary.LittleEndian, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		binary.Write(h, binary.LittleEndian, v.Uint())
	case reflect.Float32, reflect.Float64:
		binary.Write(h, binary.LittleEndian, math.Float64bits(v.Float()))
	default: // funcs and channels carry no page content
		fmt.Fprintf(h, "%s\x00", v.Kind())
	}
}

// pointer writes the digest of the pointer's target, computed once.
func (d *digester) pointer(h hash.Hash, v reflect.Value) {
	if v.IsNil() {
		h.Write([]byte{0})
		return
	}
	key := target{v.Pointer(), v.Type()}
	sum, ok := d.memo[key]
	if !ok {
		d.memo[key] = [sha256.Size]byte{} // a cycle hashes as empty
		inner := sha256.New()
		fmt.Fprintf(inner, "%s\x00", v.Type())
		d.value(inner, v.Elem())
		inner.Sum(sum[:0])
		d.memo[key] = sum
	}
	h.Write(sum[:])
}

func (d *digester) list(h hash.Hash, v reflect.Value) {
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
		binary.Write(h, binary.LittleEndian, int64(v.Len()))
		h.Write(v.Bytes())
		return
	}
	binary.Write(h, binary.LittleEndian, int64(v.Len()))
	for i := range v.Len() {
		d.value(h, v.Index(i))
	}
}

// mapping writes a map's entries in the order of their keys' text.
func (d *digester) mapping(h hash.Hash, v reflect.Value) {
	keys := v.MapKeys()
	text := make([]string, len(keys))
	for i, k := range keys {
		text[i] = fmt.Sprint(k.Interface())
	}
	sort.Sort(byText{keys, text})
	binary.Write(h, binary.LittleEndian, int64(len(keys)))
	for _, k := range keys {
		d.value(h, k)
		d.value(h, v.MapIndex(k))
	}
}

// structure writes exported fields; a struct with unexported fields from
// outside the model (time.Time) is written as its text.
func (d *digester) structure(h hash.Hash, v reflect.Value) {
	t := v.Type()
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			fmt.Fprintf(h, "%v\x00", v.Interface())
			return
		}
	}
	for i := range t.NumField() {
		d.value(h, v.Field(i))
	}
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
