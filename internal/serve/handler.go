package serve

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// assets are the server's own files, under /_reportpack/.
//
//go:embed files
var assets embed.FS

// Prefix is where the server's own files live; no pack file can be there.
const Prefix = "/_reportpack/"

// ServeHTTP serves the server's own files, the event stream and the last
// good build, with the reload script (and any build problem) added to
// every HTML page.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case Prefix + "reload.js":
		s.asset(w, "files/reload.js", "text/javascript; charset=utf-8")
	case Prefix + "overlay.css":
		s.asset(w, "files/overlay.css", "text/css; charset=utf-8")
	case Prefix + "events":
		s.events(w, r)
	case Prefix + "version":
		fmt.Fprintln(w, s.Version())
	default:
		s.page(w, r)
	}
}

func (s *Server) asset(w http.ResponseWriter, name, ctype string) {
	data, _ := assets.ReadFile(name)
	w.Header().Set("Content-Type", ctype)
	w.Write(data)
}

// events streams the build version as Server-Sent Events: once on connect,
// then after each build, until the page or the server goes away.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	for {
		version, _, _, changed := s.state()
		fmt.Fprintf(w, "retry: 1000\ndata: %d\n\n", version)
		flusher.Flush()
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
	}
}

// page serves a file of the last good build; HTML pages get the reload
// script and, after a failed build, the problems.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	version, good, problem, _ := s.state()
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	if good == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write(placeholder(version, problem))
		return
	}
	if !fs.ValidPath(name) || path.Ext(name) != ".html" {
		http.ServeFileFS(w, r, good, name)
		return
	}
	data, err := fs.ReadFile(good, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(inject(data, version, problem))
}

var (
	headEnd   = regexp.MustCompile(`(?i)</head\s*>`)
	bodyStart = regexp.MustCompile(`(?i)<body[^>]*>`)
)

// inject adds the reload script (and the overlay's stylesheet) before
// </head>, and the problem banner after <body>, of an HTML page.
func inject(page []byte, version int, problem string) []byte {
	head := []byte(`<script src="` + Prefix + `reload.js?v=` + strconv.Itoa(version) + `" defer></script>` + "\n")
	if problem != "" {
		head = append(head, `<link rel="stylesheet" href="`+Prefix+`overlay.css">`+"\n"...)
	}
	if loc := headEnd.FindIndex(page); loc != nil {
		page = splice(page, loc[0], head)
	} else {
		page = append(head, page...)
	}
	if problem == "" {
		return page
	}
	b := banner(problem, true)
	if loc := bodyStart.FindIndex(page); loc != nil {
		return splice(page, loc[1], b)
	}
	return append(page, b...)
}

func splice(page []byte, at int, add []byte) []byte {
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:at]...)
	out = append(out, add...)
	return append(out, page[at:]...)
}

var bannerHTML = template.Must(template.New("banner").Parse(
	`<div class="reportpack-problem" role="alert"><p><strong>The pack did not build.</strong> ` +
		`{{if .Last}}This page is from the last good build. {{end}}Fix these problems and save: the page reloads by itself.</p>` +
		"<pre>{{.Problem}}</pre></div>\n"))

// banner is the problem banner; last says a last good build is shown.
func banner(problem string, last bool) []byte {
	var b bytes.Buffer
	bannerHTML.Execute(&b, struct {
		Last    bool
		Problem string
	}{last, problem})
	return b.Bytes()
}

// placeholder is the page shown before any build has succeeded: the
// problems if the first build failed, else a note that it is building.
func placeholder(version int, problem string) []byte {
	body := "<main><h1>Building the pack…</h1><p>This page reloads when the build is ready.</p></main>"
	if problem != "" {
		body = string(banner(problem, false)) + "<main><h1>The pack did not build</h1></main>"
	}
	page := `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">
<title>reportpack preview</title>
</head>
<body>` + body + "</body>\n</html>\n"
	out := inject([]byte(page), version, "")
	if problem != "" {
		out = headEnd.ReplaceAll(out, []byte(`<link rel="stylesheet" href="`+Prefix+`overlay.css">`+"\n</head>"))
	}
	return out
}
