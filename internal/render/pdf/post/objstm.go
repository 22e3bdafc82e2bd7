package post

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// A tagged pack holds tens of thousands of small dictionaries (structure
// elements, marked-content references). Written one by one as indirect
// objects they made the M pack three times its untagged size (issue 9),
// so every object that is not a stream, the catalog or the Info
// dictionary goes into a compressed object stream (ISO 32000-1, 7.5.7),
// and the file ends with a cross-reference stream (7.5.8) instead of a
// table. The catalog and Info stay plain so the document's properties
// remain readable in the raw file.

// objStmSize is how many objects one object stream holds: qpdf's choice,
// small enough that a reader decoding one object inflates little.
const objStmSize = 500

// xrefEntry is one cross-reference stream entry: type 1 (offset) or 2
// (object stream number and index).
type xrefEntry struct {
	typ      byte
	off, idx int
}

// emit writes the header, the plain objects, the object streams and the
// cross-reference stream. The page content deflates on the other cores
// while the small objects are serialised into object streams.
func (w *writer) emit(root, info types.IndirectRef) ([]byte, error) {
	streamsDone := w.encodeStreams()
	keep := map[int]bool{root.ObjectNumber.Value(): true, info.ObjectNumber.Value(): true}
	var plain, packed []int // output numbers of the objects written plain and packed
	for i, nr := range w.order {
		if _, isStream := w.objs[i].(types.StreamDict); !isStream && !keep[nr] {
			packed = append(packed, i+1)
		} else {
			plain = append(plain, i+1)
		}
	}
	entries := make([]xrefEntry, len(w.order)+1)
	stms, err := w.objectStreams(packed, entries)
	if err != nil {
		return nil, err
	}
	raws := deflateAsync(stms.bodies, w.level)
	if err := streamsDone(); err != nil {
		return nil, err
	}
	r := <-raws
	if r.err != nil {
		return nil, r.err
	}
	file := bytes.NewBuffer(make([]byte, 0, w.fileSize(plain, r.raws, len(entries))))
	w.buf = file
	file.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	for _, n := range plain {
		entries[n] = xrefEntry{typ: 1, off: file.Len()}
		if err := w.indirect(n, w.object(w.order[n-1])); err != nil {
			return nil, fmt.Errorf("writing object %d: %w", w.order[n-1], err)
		}
	}
	entries = w.writeObjectStreams(stms, r.raws, entries)
	return w.xrefStream(entries, w.numberOf(root.ObjectNumber.Value()), w.numberOf(info.ObjectNumber.Value())), nil
}

// fileSize is about the size of the file: the plain objects, streams
// and all, the object streams (deflated as raws) and the
// cross-reference stream of entries rows, each with room for its
// dictionary. Written into room of that size, the file's bytes are
// copied once; a buffer growing from nothing copied them about twice.
func (w *writer) fileSize(plain []int, raws [][]byte, entries int) int {
	n := 512 + 8*entries
	for _, num := range plain {
		n += 256
		if sd, ok := w.object(w.order[num-1]).(types.StreamDict); ok {
			n += len(sd.Raw)
		}
	}
	for _, raw := range raws {
		n += 128 + len(raw)
	}
	return n
}

// indirect writes object o as indirect object n.
func (w *writer) indirect(n int, o types.Object) error {
	writeInt(w.buf, n)
	w.buf.WriteString(" 0 obj\n")
	if err := w.value(o); err != nil {
		return err
	}
	w.buf.WriteString("\nendobj\n")
	return nil
}

// objStms are serialised object streams: for each, its body (offsets
// then objects), the length of the offsets and the number of objects.
type objStms struct {
	bodies       [][]byte
	first, count []int
}

// objectStreams serialises the packed objects into object streams of
// objStmSize each, to be numbered after the objects, and records in
// entries where each object went.
func (w *writer) objectStreams(packed []int, entries []xrefEntry) (objStms, error) {
	var s objStms
	var body, head bytes.Buffer // reused: the streams are about the same size
	for at := 0; at < len(packed); at += objStmSize {
		chunk := packed[at:min(at+objStmSize, len(packed))]
		stm := len(entries) + len(s.bodies)
		body.Reset()
		head.Reset()
		w.buf = &body
		for i, n := range chunk {
			writeInt(&head, n)
			head.WriteByte(' ')
			writeInt(&head, body.Len())
			head.WriteByte(' ')
			if err := w.value(w.objs[n-1]); err != nil { // not a stream: as first met
				return s, fmt.Errorf("writing object %d: %w", w.order[n-1], err)
			}
			body.WriteByte('\n')
			entries[n] = xrefEntry{typ: 2, off: stm, idx: i}
		}
		s.first, s.count = append(s.first, head.Len()), append(s.count, len(chunk))
		s.bodies = append(s.bodies, append(append(make([]byte, 0, head.Len()+body.Len()), head.Bytes()...), body.Bytes()...))
	}
	return s, nil
}

// writeObjectStreams writes the object streams, deflated as raws, and
// returns entries extended with their own.
func (w *writer) writeObjectStreams(s objStms, raws [][]byte, entries []xrefEntry) []xrefEntry {
	file := w.buf
	for i, raw := range raws {
		n := len(entries)
		entries = append(entries, xrefEntry{typ: 1, off: file.Len()})
		fmt.Fprintf(file, "%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>\nstream\n",
			n, s.count[i], s.first[i], len(raw))
		file.Write(raw)
		file.WriteString("\nendstream\nendobj\n")
	}
	return entries
}

// xrefStream appends the cross-reference stream, which also serves as
// the trailer, and returns the file. The file ID is a hash of everything
// before it.
func (w *writer) xrefStream(entries []xrefEntry, root, info int) []byte {
	file := w.buf
	self := len(entries)
	xref := file.Len()
	entries = append(entries, xrefEntry{typ: 1, off: xref})
	width := 1
	for xref>>(8*width) > 0 {
		width++
	}
	raw, _ := deflateAll([][]byte{xrefRows(entries, width)}, w.level) // writing to memory cannot fail
	sum := sha256.Sum256(file.Bytes())
	id := hex.EncodeToString(sum[:16])
	fmt.Fprintf(file, "%d 0 obj\n<</Type/XRef/Size %d/W[1 %d 2]/Root %d 0 R/Info %d 0 R/ID[<%s><%s>]"+
		"/Filter/FlateDecode/DecodeParms<</Columns %d/Predictor 12>>/Length %d>>\nstream\n",
		self, len(entries), width, root, info, id, id, width+3, len(raw[0]))
	file.Write(raw[0])
	fmt.Fprintf(file, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return file.Bytes()
}

// xrefRows lays the entries out as rows of type, width bytes of offset
// (or object stream) and two of index, each row PNG "Up" filtered
// against the one before: offsets grow steadily, so the differences are
// small and deflate to a fraction of the plain rows.
func xrefRows(entries []xrefEntry, width int) []byte {
	cols := width + 3
	rows := make([]byte, 0, len(entries)*(cols+1))
	prev, cur := make([]byte, cols), make([]byte, cols)
	for _, e := range entries {
		f2, f3 := e.off, e.idx
		if e.typ == 0 {
			f2, f3 = 0, 65535
		}
		cur[0] = e.typ
		for s := range width {
			cur[1+s] = byte(f2 >> (8 * (width - 1 - s)))
		}
		cur[cols-2], cur[cols-1] = byte(f3>>8), byte(f3)
		rows = append(rows, 2) // PNG filter type Up
		for i := range cur {
			rows = append(rows, cur[i]-prev[i])
		}
		prev, cur = cur, prev
	}
	return rows
}
