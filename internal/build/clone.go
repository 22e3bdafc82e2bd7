package build

import "reflect"

// deepCopy returns a copy of v that shares nothing mutable with it, so a
// build may number, rate and mark the copy while the cached original stays
// as the reader left it. Pointers reached twice stay shared in the copy, as
// in the original (a report's Appendices and a pack's items point at the
// same appendix). Byte slices (a PDF appendix's contents) are shared: no
// stage writes into them. time.Time and other values with unexported
// fields are copied as values, which is what they are.
func deepCopy[T any](v T) T {
	c := cloner{seen: map[uintptr]reflect.Value{}}
	src := reflect.ValueOf(&v).Elem()
	dst := reflect.New(src.Type()).Elem()
	c.copy(dst, src)
	return dst.Interface().(T)
}

// cloner remembers the pointers already copied.
type cloner struct {
	seen map[uintptr]reflect.Value
}

var byteSlice = reflect.TypeOf([]byte(nil))

func (c cloner) copy(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.Pointer:
		c.pointer(dst, src)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		e := reflect.New(src.Elem().Type()).Elem()
		c.copy(e, src.Elem())
		dst.Set(e)
	case reflect.Slice:
		c.slice(dst, src)
	case reflect.Map:
		c.mapping(dst, src)
	case reflect.Struct:
		c.structure(dst, src)
	default:
		dst.Set(src)
	}
}

func (c cloner) pointer(dst, src reflect.Value) {
	if src.IsNil() {
		return
	}
	if p, ok := c.seen[src.Pointer()]; ok && p.Type() == src.Type() {
		dst.Set(p)
		return
	}
	p := reflect.New(src.Type().Elem())
	c.seen[src.Pointer()] = p
	c.copy(p.Elem(), src.Elem())
	dst.Set(p)
}

func (c cloner) slice(dst, src reflect.Value) {
	if src.IsNil() || src.Type() == byteSlice {
		dst.Set(src)
		return
	}
	s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
	for i := range src.Len() {
		c.copy(s.Index(i), src.Index(i))
	}
	dst.Set(s)
}

func (c cloner) mapping(dst, src reflect.Value) {
	if src.IsNil() {
		return
	}
	m := reflect.MakeMapWithSize(src.Type(), src.Len())
	for it := src.MapRange(); it.Next(); {
		v := reflect.New(src.Type().Elem()).Elem()
		c.copy(v, it.Value())
		m.SetMapIndex(it.Key(), v)
	}
	dst.Set(m)
}

// structure copies field by field; a struct with unexported fields (from
// outside the model, such as time.Time) is copied whole.
func (c cloner) structure(dst, src reflect.Value) {
	t := src.Type()
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			dst.Set(src)
			return
		}
	}
	for i := range t.NumField() {
		c.copy(dst.Field(i), src.Field(i))
	}
}
