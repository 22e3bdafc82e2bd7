// Package pdf renders the committee pack PDF. It sits at the end of the
// pipeline, after number and rag have completed the report.Pack: Render lays
// the pack out as a document tree of positioned text, fills and rules (the
// layout model), repeats the layout until the agenda's page numbers are
// stable, then writes the tree with maroto and hands the result to
// pdf/post for the outline, internal links, merged PDF appendices and
// document properties.
//
// maroto and gofpdf types stay inside this package; callers see only
// report types, byte slices and the roles recorded for tagging.
package pdf
