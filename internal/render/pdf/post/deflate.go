package post

import (
	"bytes"
	"compress/zlib"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// zlibWriters reuses compressors: a new one allocates and clears about a
// megabyte, which for a few hundred marked pages costs more than the
// compressing itself. Output depends only on the input, so reuse keeps
// files byte-identical.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // marked pages are rewritten for every build
	return w
}}

// deflatedStream returns a FlateDecode stream holding content.
func deflatedStream(content []byte) (types.StreamDict, error) {
	var b bytes.Buffer
	b.Grow(len(content) / 4)
	w := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(w)
	w.Reset(&b)
	if _, err := w.Write(content); err != nil {
		return types.StreamDict{}, err
	}
	if err := w.Close(); err != nil {
		return types.StreamDict{}, err
	}
	return types.StreamDict{
		Dict:           types.Dict{"Filter": types.Name("FlateDecode")},
		Raw:            b.Bytes(),
		FilterPipeline: []types.PDFFilter{{Name: "FlateDecode"}},
	}, nil
}
