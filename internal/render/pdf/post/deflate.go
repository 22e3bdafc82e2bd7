package post

import (
	"bytes"
	"sync"

	"github.com/reportpack/reportpack/internal/parallel"

	"github.com/klauspost/compress/zlib"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Compression levels, chosen by measuring the M pack's streams
// (docs/performance.md, "Compressing with klauspost/compress"). The
// klauspost compressor is a drop-in for compress/zlib, faster at every
// level; at these levels it makes the M pack slightly smaller than Go's
// own did at levels 6 and 5, in about 80 % of the time (level 6 would
// take 40 % of the time but make the pack 2.5 % larger, over issue 9's
// size target). Its output depends only on the input and the level, so
// files stay byte-identical.
const (
	contentLevel = 8 // page content and other streams
	objectLevel  = 7 // the pack's object streams and cross-reference stream
	// An item's PDF packs again the structure elements of its pages,
	// which a tagged pack has tens of thousands of. Its size is no target
	// and level 5 takes a third of the time for 5 % more bytes.
	cutObjectLevel = 5
)

// zlibWriters reuses compressors, one pool per level: a new one allocates
// and clears about a megabyte, which for a few hundred pages costs more
// than the compressing itself. Output depends only on the input, so reuse
// keeps files byte-identical.
var zlibWriters = func() map[int]*sync.Pool {
	pools := map[int]*sync.Pool{}
	for _, level := range []int{contentLevel, objectLevel, cutObjectLevel} {
		pools[level] = zlibPool(level)
	}
	return pools
}()

// zlibPool is a pool of compressors at level.
func zlibPool(level int) *sync.Pool {
	return &sync.Pool{New: func() any {
		w, _ := zlib.NewWriterLevel(nil, level)
		return w
	}}
}

// deflate compresses content with zlib at level (one of the levels
// above).
func deflate(content []byte, level int) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(content)/4 + 64)
	pool := zlibWriters[level]
	w := pool.Get().(*zlib.Writer)
	defer pool.Put(w)
	w.Reset(&b)
	if _, err := w.Write(content); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// deflateAll compresses each of contents on up to GOMAXPROCS goroutines.
// Results come back in the order of contents, so the output does not
// depend on scheduling.
func deflateAll(contents [][]byte, level int) ([][]byte, error) {
	out := make([][]byte, len(contents))
	errs := make([]error, len(contents))
	parallel.For(len(contents), func(i int) {
		out[i], errs[i] = deflate(contents[i], level)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// encodeStreams starts deflating, on all cores, every stream the writer
// will write whose bytes are not yet encoded or that has no filter at all
// (the page content), and returns a function that waits for them and
// puts them in place. Until it is called the writer may serialise the
// other objects beside the compressing. In the pack's own write the
// results replace the objects in the context, so that the item cuts made
// from it later reuse them instead of compressing again.
func (w *writer) encodeStreams() func() error {
	var nrs []int
	var contents [][]byte
	for _, nr := range w.order {
		sd, ok := w.object(nr).(types.StreamDict)
		if !ok {
			continue
		}
		if c, ok := unencoded(sd); ok {
			nrs, contents = append(nrs, nr), append(contents, c)
		}
	}
	raws := deflateAsync(contents, contentLevel)
	return func() error {
		r := <-raws
		if r.err != nil {
			return r.err
		}
		for i, nr := range nrs {
			w.encoded(nr, flated(w.object(nr).(types.StreamDict), r.raws[i]))
		}
		return nil
	}
}

// deflated is the result of deflateAsync.
type deflated struct {
	raws [][]byte
	err  error
}

// deflateAsync is deflateAll on a goroutine of its own.
func deflateAsync(contents [][]byte, level int) <-chan deflated {
	out := make(chan deflated, 1)
	go func() {
		raws, err := deflateAll(contents, level)
		out <- deflated{raws, err}
	}()
	return out
}

// flated is sd holding raw, its content deflated.
func flated(sd types.StreamDict, raw []byte) types.StreamDict {
	d := types.Dict{}
	for k, v := range sd.Dict {
		d[k] = v
	}
	d["Filter"] = types.Name("FlateDecode")
	delete(d, "DecodeParms")
	return types.StreamDict{Dict: d, Raw: raw, FilterPipeline: []types.PDFFilter{{Name: "FlateDecode"}}}
}

// unencoded returns the plain bytes of a stream the writer should deflate:
// new content not yet encoded, or bytes stored with no filter.
func unencoded(sd types.StreamDict) ([]byte, bool) {
	switch {
	case sd.Raw == nil && sd.Content != nil:
		return sd.Content, true
	case sd.Raw != nil && sd.Dict["Filter"] == nil && sd.Dict["DecodeParms"] == nil && len(sd.Raw) > 64:
		return sd.Raw, true
	}
	return nil, false
}

// encoded puts the deflated stream in place of object nr: in the context
// itself for the pack's write (its cuts follow later, one at a time per
// object), otherwise in the writer's own overrides, as cuts share the
// context's objects.
func (w *writer) encoded(nr int, sd types.StreamDict) {
	if w.skip == nil {
		if e, ok := w.ctx.Table[nr]; ok {
			e.Object = sd
			return
		}
	}
	if w.over == nil {
		w.over = map[int]types.Object{}
	}
	w.over[nr] = sd
}
