// reportpack serve: reload the page when the pack has been rebuilt. The
// server adds this file to every page it serves as <script src>, so that
// pages keep a Content-Security-Policy that forbids inline script.
(function () {
  "use strict";
  var script = document.currentScript;
  var version = script ? new URL(script.src).searchParams.get("v") : null;
  var events = new EventSource("/_reportpack/events");
  events.onmessage = function (e) {
    if (version !== null && e.data !== version) {
      window.location.reload();
    }
    version = e.data;
  };
})();
