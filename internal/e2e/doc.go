// Package e2e holds reportpack's end-to-end tests. They sit after the whole
// pipeline: they build the example pack and a larger test pack with
// build.Pack, then read the output the way members, the public and
// regulators do: the HTML in headless Chromium with axe-core and the Nu HTML
// Checker, the PDF with qpdf and poppler's tools. The package has no code of
// its own; nothing imports it.
//
// The tools come from .ci/run (apt-get, and npm ci in .ci/readers). On a
// developer's machine a missing tool skips its test with a message saying
// how to install it; under CI=true it fails the test.
package e2e
