// Package tomlfile decodes TOML strictly for the readers at the start of the
// pipeline (config for pack.toml, narrative for front matter): unknown keys
// and values of the wrong type become positioned diagnostics that a clerk can
// act on, all of them in one run, rather than being ignored or stopping at
// the first.
package tomlfile

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/reportpack/reportpack/internal/diag"
)

// Decode decodes src, which starts at 1-based line firstLine of file, into
// the struct pointed to by v. Top-level keys decode one by one so that a
// wrong type in one does not hide problems in the others.
func Decode(file string, src []byte, firstLine int, v any) diag.List {
	var diags diag.List
	at := positioner(file, firstLine)
	var prims map[string]toml.Primitive
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&prims)
	if err != nil {
		syntaxError(&diags, err, at)
		return diags
	}
	rv := reflect.ValueOf(v).Elem()
	fields := fieldsByKey(rv.Type())
	failed := map[string]bool{}
	for _, key := range sortedKeys(prims) {
		idx, ok := fields[key]
		if !ok {
			unknownKey(&diags, src, toml.Key{key}, rv.Type(), at)
			continue
		}
		if err := md.PrimitiveDecode(prims[key], rv.Field(idx).Addr().Interface()); err != nil {
			typeError(&diags, src, &md, err, key, rv.Type(), at)
			failed[key] = true
		}
	}
	for _, k := range md.Undecoded() {
		if failed[k[0]] && fieldType(rv.Type(), k) != nil {
			continue // a known key left undecoded by a wrong value beside it
		}
		unknownKey(&diags, src, k, rv.Type(), at)
	}
	return diags
}

// Check reports src's TOML syntax error, if it has one, positioned as
// Decode positions it. Callers use it to skip checks that would only repeat
// the syntax error as missing keys.
func Check(file string, src []byte, firstLine int) diag.List {
	var diags diag.List
	var m map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&m); err != nil {
		syntaxError(&diags, err, positioner(file, firstLine))
	}
	return diags
}

// positioner turns a line and column of src into a position in file.
func positioner(file string, firstLine int) func(line, col int) diag.Pos {
	return func(line, col int) diag.Pos {
		if line <= 0 {
			return diag.Pos{File: file}
		}
		return diag.Pos{File: file, Line: firstLine - 1 + line, Col: col}
	}
}

func sortedKeys(m map[string]toml.Primitive) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// fieldsByKey maps each TOML key of a struct type to its field index.
func fieldsByKey(t reflect.Type) map[string]int {
	out := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		if k := keyOf(t.Field(i)); k != "" {
			out[k] = i
		}
	}
	return out
}

// keyOf returns the TOML key of a struct field, or "" if it has none.
func keyOf(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag := f.Tag.Get("toml")
	if tag == "-" {
		return ""
	}
	if name, _, _ := strings.Cut(tag, ","); name != "" {
		return name
	}
	return f.Name
}

func syntaxError(diags *diag.List, err error, at func(int, int) diag.Pos) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		d := diags.Errorf(at(pe.Position.Line, pe.Position.Col), "this is not valid TOML: %s", pe.Message)
		d.WithHint("check quotes around text, brackets around lists and that every key has a value (key = \"value\")")
		return
	}
	diags.Errorf(at(0, 0), "this is not valid TOML: %v", err)
}

var lineRE = regexp.MustCompile(`line (\d+) \(last key "([^"]*)"\)`)

// typeError turns a decoding error into a message about the key and the
// kind of value it needs, found from the destination field's Go type and
// the TOML value's type.
func typeError(diags *diag.List, src []byte, md *toml.MetaData, err error, key string, root reflect.Type, at func(int, int) diag.Pos) {
	last := key
	var pe toml.ParseError
	if errors.As(err, &pe) && pe.LastKey != "" {
		last = pe.LastKey
	} else if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
		last = m[2]
	}
	path := strings.Split(last, ".")
	line := findKeyLine(src, path)
	name := path[len(path)-1]
	want := fieldType(root, path)
	if want == nil {
		diags.Errorf(at(line, 1), "%q has a value that cannot be used: %v", name, err)
		return
	}
	diags.Errorf(at(line, 1), "%q should be %s, but it is %s", name, describeGo(want), describeTOML(md.Type(path...))).
		WithHint("%s", exampleFor(want))
}

// fieldType returns the Go type of the field at path, or nil.
func fieldType(root reflect.Type, path []string) reflect.Type {
	t := root
	for _, p := range path {
		st := elemStruct(t)
		if st == nil {
			return nil
		}
		idx, ok := fieldsByKey(st)[p]
		if !ok {
			return nil
		}
		t = st.Field(idx).Type
	}
	return t
}

var timeType = reflect.TypeOf(time.Time{})

func describeGo(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == timeType:
		return "a date"
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		return "a list"
	case t.Kind() == reflect.String:
		return "text"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return "a whole number"
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		return "a number"
	}
	return "a table of keys"
}

// describeTOML names a TOML type as MetaData.Type reports it.
func describeTOML(t string) string {
	switch t {
	case "String":
		return "text"
	case "Bool":
		return "true or false"
	case "Integer":
		return "a whole number"
	case "Float":
		return "a number"
	case "Array", "ArrayHash":
		return "a list"
	case "Hash":
		return "a table"
	case "Datetime", "DatetimeLocal", "DateLocal", "TimeLocal":
		return "a date or time"
	}
	return "a value of another kind"
}

func exampleFor(t reflect.Type) string {
	switch describeGo(t) {
	case "a date":
		return "write dates without quotes, year first: 2013-03-12"
	case "a list":
		return `write a list in square brackets: ["First", "Second"]`
	case "text":
		return `put text in double quotes: "Like this"`
	case "true or false":
		return "write true or false, without quotes"
	case "a whole number":
		return "write a number without quotes: 4"
	}
	return "see docs/format.md for what this key takes"
}

// unknownKey reports a key that no field takes, at every line that sets it,
// suggesting the nearest known key.
func unknownKey(diags *diag.List, src []byte, k toml.Key, root reflect.Type, at func(int, int) diag.Pos) {
	known := knownKeys(root, k[:len(k)-1])
	name := k[len(k)-1]
	hint := "remove it, or check its spelling"
	if s := nearest(name, known); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	} else if len(known) > 0 {
		hint = "the keys allowed here are: " + strings.Join(known, ", ")
	}
	where := "here"
	if len(k) > 1 {
		where = fmt.Sprintf("in [%s]", strings.Join(k[:len(k)-1], "."))
	}
	diags.Errorf(at(findKeyLine(src, k), 1), "unknown key %q %s", name, where).WithHint("%s", hint)
}

// knownKeys lists the keys a struct accepts at the given table path.
func knownKeys(t reflect.Type, path []string) []string {
	for _, p := range path {
		t = elemStruct(t)
		if t == nil {
			return nil
		}
		idx, ok := fieldsByKey(t)[p]
		if !ok {
			return nil
		}
		t = t.Field(idx).Type
	}
	t = elemStruct(t)
	if t == nil {
		return nil
	}
	var out []string
	for k := range fieldsByKey(t) {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// elemStruct unwraps pointers, slices and arrays down to a struct type.
func elemStruct(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	return t
}
