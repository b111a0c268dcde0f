// Page shell: WebGL2 check, loading progress, and window.Slingshot for tests and embedding authors.
// Nothing from the URL is ever written into the DOM as HTML (textContent only).
(function () {
  "use strict";
  var loaderText = document.getElementById("loader-text");
  var progress = document.getElementById("loader-progress");

  function showFatal(title, detail) {
    var box = document.getElementById("fatal");
    box.textContent = "";
    var h = document.createElement("h1");
    h.textContent = title;
    var p = document.createElement("p");
    p.textContent = detail;
    box.appendChild(h);
    box.appendChild(p);
    box.hidden = false;
    document.getElementById("loader").hidden = true;
  }

  var readyResolve, readyReject;
  var ready = new Promise(function (res, rej) { readyResolve = res; readyReject = rej; });

  window.SlingshotPage = {
    firstFrame: function () {
      document.getElementById("loader").hidden = true;
      readyResolve(window.Slingshot);
    },
    fatal: function (msg) {
      showFatal("Slingshot could not start", msg);
      readyReject(new Error(msg));
    },
    download: function (name, mime, bytes) {
      var url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      var a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    },
    // Rows arrive bottom-up (as OpenGL reads them); PNG encoding is the browser's.
    // The PNG with `text` ([keyword, value] pairs, ASCII) as tEXt chunks after its header.
    savePng: function (rgba, w, h, name, text) {
      var c = document.createElement("canvas");
      c.width = w;
      c.height = h;
      var g = c.getContext("2d"), img = g.createImageData(w, h), row = w * 4;
      for (var y = 0; y < h; y++) img.data.set(rgba.subarray((h - 1 - y) * row, (h - y) * row), y * row);
      g.putImageData(img, 0, 0);
      c.toBlob(function (blob) {
        blob.arrayBuffer().then(function (b) {
          window.SlingshotPage.download(name, "image/png", withTextChunks(new Uint8Array(b), text || []));
        });
      }, "image/png");
    },
    // A WebM clip of the canvas (MediaRecorder on its stream), offered as a download when stopped.
    // Returns why it cannot record ("" when it records).
    startRecording: function (name) {
      var canvas = document.getElementById("canvas");
      if (!canvas || !canvas.captureStream || typeof MediaRecorder !== "function")
        return "this browser cannot record the canvas (no MediaRecorder)";
      var type = ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm"].filter(function (t) {
        return MediaRecorder.isTypeSupported(t);
      })[0];
      if (!type) return "this browser cannot record WebM";
      var chunks = [], rec;
      try {
        rec = new MediaRecorder(canvas.captureStream(30), { mimeType: type, videoBitsPerSecond: 8000000 });
      } catch (e) {
        return "the recorder did not start: " + e.message;
      }
      rec.ondataavailable = function (e) { if (e.data && e.data.size) chunks.push(e.data); };
      rec.onstop = function () {
        new Blob(chunks, { type: "video/webm" }).arrayBuffer().then(function (b) {
          window.SlingshotPage.download(name, "video/webm", new Uint8Array(b));
        });
      };
      rec.start(250);  // a chunk every 250 ms, so a long clip is not held in one piece
      window.SlingshotPage.recorder = rec;
      return "";
    },
    stopRecording: function () {
      var rec = window.SlingshotPage.recorder;
      window.SlingshotPage.recorder = null;
      if (rec && rec.state !== "inactive") rec.stop();
    },
    setNotices: function (list) {
      document.getElementById("notices").textContent = list.join("\n");
    },
    // What the figure shows, in sentences (announced politely), and each plot's data as a table: the
    // same rows as its CSV export. Text only: names come from the page's own series.
    setFigureText: function (figure) {
      document.getElementById("figure-description").textContent = figure.description;
      var data = document.getElementById("figure-data");
      data.textContent = "";
      figure.plots.forEach(function (plot) {
        var rows = parseCsv(plot.csv);
        if (!rows.length) return;
        var table = document.createElement("table");
        table.setAttribute("data-plot", plot.id);
        var caption = document.createElement("caption");
        caption.textContent = plot.title + " (data)";
        table.appendChild(caption);
        rows.forEach(function (cells, r) {
          var tr = document.createElement("tr");
          cells.forEach(function (cell) {
            var td = document.createElement(r === 0 ? "th" : "td");
            if (r === 0) td.setAttribute("scope", "col");
            td.textContent = cell;
            tr.appendChild(td);
          });
          (r === 0 ? table.createTHead() : (table.tBodies[0] || table.createTBody())).appendChild(tr);
        });
        data.appendChild(table);
      });
    },
    pageUrl: function (query) {
      return window.location.href.split(/[?#]/)[0] + query;
    },
    copyLink: function (query) {
      var text = window.SlingshotPage.pageUrl(query);
      function fallback() {
        var t = document.createElement("textarea");
        t.value = text;
        t.style.position = "fixed";
        t.style.opacity = "0";
        document.body.appendChild(t);
        t.select();
        try { document.execCommand("copy"); } catch (e) {}
        t.remove();
      }
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).catch(fallback);
      else fallback();
    },
    openPage: function (query) {
      window.open(window.SlingshotPage.pageUrl(query), "_blank", "noopener");
    },
  };

  // RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks.
  function parseCsv(text) {
    var rows = [], row = [], field = "", quoted = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
        else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") { row.push(field); field = ""; }
      else if (ch === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
      else if (ch !== "\r") field += ch;
    }
    if (field !== "" || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  // PNG tEXt chunks (keyword, NUL, text; Latin-1) inserted after IHDR, each with its CRC-32.
  var crcTable = null;
  function crc32(bytes) {
    if (!crcTable) {
      crcTable = new Uint32Array(256);
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        crcTable[n] = c >>> 0;
      }
    }
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }
  function withTextChunks(png, pairs) {
    var ihdrEnd = 8 + 4 + 4 + 13 + 4;  // signature, then IHDR's length, type, data and CRC
    var parts = [png.subarray(0, ihdrEnd)];
    pairs.forEach(function (p) {
      var body = p[0] + "\0" + p[1], n = body.length;
      var chunk = new Uint8Array(12 + n), view = new DataView(chunk.buffer);
      view.setUint32(0, n);
      chunk.set([0x74, 0x45, 0x58, 0x74], 4);  // "tEXt"
      for (var i = 0; i < n; i++) chunk[8 + i] = body.charCodeAt(i) & 0xff;
      view.setUint32(8 + n, crc32(chunk.subarray(4, 8 + n)));
      parts.push(chunk);
    });
    parts.push(png.subarray(ihdrEnd));
    var total = parts.reduce(function (s, a) { return s + a.length; }, 0), out = new Uint8Array(total), at = 0;
    parts.forEach(function (a) { out.set(a, at); at += a.length; });
    return out;
  }

  function call(name, args) {
    if (!window.Module || !Module.calledRun) return JSON.stringify({ error: "engine not loaded yet; await Slingshot.ready" });
    return Module.ccall(name, "string", args.map(function () { return "string"; }), args);
  }

  window.Slingshot = {
    ready: ready,
    // getState() -> the page's whole state (view, every parameter, seed) as an object.
    getState: function () { return JSON.parse(call("slingshot_get_state", [])); },
    // setState(obj or JSON text) -> {notices: [...], state: {...}}; invalid entries are listed, not applied.
    setState: function (state) {
      return JSON.parse(call("slingshot_set_state", [typeof state === "string" ? state : JSON.stringify(state)]));
    },
    // notices() -> the messages the page shows about refused or unknown parameters.
    notices: function () {
      var t = document.getElementById("notices").textContent;
      return t ? t.split("\n") : [];
    },
    // busy() -> true while the visible view still computes (a simulation or certificate runs);
    // wait for false before a screenshot or an export of the final figure.
    busy: function () {
      if (!window.Module || !Module.calledRun) return true;
      return Module.ccall("slingshot_busy", "number", [], []) !== 0;
    },
    // exportPlot(plotId, "png"|"svg"|"csv"|"json"|"bib", scale) -> {ok: true} or {error}; the file arrives
    // as a download (PNG and SVG after the next frame, which they are taken from).
    exportPlot: function (plotId, format, scale) {
      return JSON.parse(call("slingshot_export", [String(plotId), String(format), String(scale || 1)]));
    },
    // recordClip() -> {ok: true} or {error}: plays the view over N from the start and records the
    // canvas; the WebM clip arrives as a download when the play ends. recording() -> true meanwhile.
    recordClip: function () { return JSON.parse(call("slingshot_record_clip", [])); },
    recording: function () {
      return !!(window.Module && Module.calledRun && Module.ccall("slingshot_recording", "number", [], []));
    },
    // layoutReport() -> the last frame's layout: {width, height, compact, embed, plots: [{id, frame,
    // data, legend, labels: [{text, rect, dropped}]}], clipped: [{text, window, rect, clip, edges}]};
    // rectangles [x0, y0, x1, y1] in CSS pixels. For tests of phones, embeds and labels.
    layoutReport: function () { return JSON.parse(call("slingshot_layout_report", [])); },
    // engineWorkers() -> how many Web Workers run the views' jobs (0: they run in the page's thread).
    engineWorkers: function () {
      return window.SlingshotEnginePool ? window.SlingshotEnginePool.workers() : 0;
    },
    // query(command, argsJson) -> JSON text, same commands and names as slingshot-cli.
    query: function (command, argsJson) {
      if (typeof argsJson !== "string") argsJson = JSON.stringify(argsJson || {});
      return call("slingshot_query", [String(command), argsJson]);
    },
  };

  var probe = document.createElement("canvas");
  if (!probe.getContext || !probe.getContext("webgl2")) {
    showFatal("WebGL2 is not available",
      "Slingshot draws with WebGL2, which this browser does not offer (or has turned off). " +
      "Use a current Firefox, Chrome, Edge or Safari (16.4 or newer), or enable hardware acceleration.");
    readyReject(new Error("WebGL2 missing"));
    return;
  }
  if (typeof WebAssembly !== "object") {
    showFatal("WebAssembly is not available", "This browser is too old to run Slingshot.");
    readyReject(new Error("WebAssembly missing"));
    return;
  }
  // The engine's slot sampler uses WebAssembly SIMD; without it the module would not compile. The probe
  // is the smallest module with a vector instruction: (func (result v128) (i8x16.splat (i32.const 0))).
  var simdProbe = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 5, 1, 0x60, 0, 1, 0x7b, 3, 2, 1, 0,
                                  10, 8, 1, 6, 0, 0x41, 0, 0xfd, 0x0f, 0x0b]);
  if (!WebAssembly.validate(simdProbe)) {
    showFatal("WebAssembly SIMD is not available",
      "Slingshot's engine needs WebAssembly SIMD: Chrome or Edge 91, Firefox 89, Safari 16.4 or newer.");
    readyReject(new Error("WebAssembly SIMD missing"));
    return;
  }

  var canvas = document.getElementById("canvas");
  canvas.addEventListener("webglcontextlost", function (e) {
    e.preventDefault();
    showFatal("The graphics context was lost", "The browser reset WebGL (for example after a GPU driver reset). Reload the page to continue; your settings are in the address bar.");
  }, false);

  // Embedded in another page: leave the host's scrolling and keyboard alone until the reader
  // clicks into the figure; the wheel then zooms plots until the pointer leaves it.
  var embedded = /[?&]embed=1(&|$)/.test(window.location.search);
  var active = !embedded;
  canvas.addEventListener("mousedown", function () { active = true; canvas.focus({ preventScroll: true }); }, true);
  canvas.addEventListener("touchstart", function () { active = true; }, { capture: true, passive: true });
  document.addEventListener("mouseleave", function () { if (embedded) active = false; });
  window.addEventListener("wheel", function (e) {
    if (!active && e.target === canvas) e.stopImmediatePropagation();  // SDL never sees it; the host scrolls
  }, { capture: true, passive: true });

  // Moving to a screen with another pixel ratio (or some zoom changes) alters devicePixelRatio
  // without resizing the window, and not every browser reports it as a media-query change: a
  // resize event makes SDL size the framebuffer again, and the fonts are re-rasterised for the new
  // ratio on the next frame. Checked four times a second (one number compared).
  var lastRatio = window.devicePixelRatio;
  setInterval(function () {
    if (window.devicePixelRatio === lastRatio) return;
    lastRatio = window.devicePixelRatio;
    window.dispatchEvent(new Event("resize"));
  }, 250);

  window.Module = {
    canvas: canvas,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) { showFatal("Slingshot stopped", String(what)); readyReject(new Error(String(what))); },
  };

  function loadScript() {
    loaderText.textContent = "Starting…";
    var s = document.createElement("script");
    s.src = "slingshot.js";
    s.onerror = function () { showFatal("Slingshot could not load", "slingshot.js is missing next to this page."); };
    document.body.appendChild(s);
  }

  if (window.SLINGSHOT_SINGLE_FILE) return;  // the one-file page inlines the engine after this script
  // Fetch the wasm ourselves to show byte progress, then hand it to the Emscripten loader; the
  // engine's script text goes to the worker pool (the browser serves the script tag from its cache).
  var engineText = fetch("slingshot.js").then(function (r) { return r.ok ? r.text() : null; })
    .catch(function () { return null; });
  fetch("slingshot.wasm").then(function (response) {
    if (!response.ok) throw new Error("HTTP " + response.status);
    var total = Number(response.headers.get("Content-Length")) || 0;
    if (!response.body || !total) return response.arrayBuffer();
    var reader = response.body.getReader(), chunks = [], got = 0;
    function pump() {
      return reader.read().then(function (r) {
        if (r.done) {
          var all = new Uint8Array(got), at = 0;
          chunks.forEach(function (c) { all.set(c, at); at += c.length; });
          return all.buffer;
        }
        chunks.push(r.value);
        got += r.value.length;
        progress.value = got / total;
        loaderText.textContent = "Loading the engine… " + Math.round(got / 1024) + " of " + Math.round(total / 1024) + " KB";
        return pump();
      });
    }
    return pump();
  }).then(function (buffer) {
    Module.wasmBinary = buffer;
    return engineText.then(function (text) {
      if (text !== null && window.SlingshotEnginePool) window.SlingshotEnginePool.prepare(text, buffer);
      loadScript();
    });
  }).catch(function (err) {
    showFatal("Slingshot could not load", "slingshot.wasm could not be fetched (" + err.message + "). " +
      "Serve the folder over http (./build-wasm.sh serve) or open dist/slingshot.html, the one-file version.");
    readyReject(err);
  });
})();
