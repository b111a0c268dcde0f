// The page's engine pool: Web Workers that each run the same engine build (slingshot.js + its wasm)
// without the app, so long jobs never hold the page's thread. A worker is made from a Blob of this
// file's worker part and the engine's own JavaScript (from slingshot.js, or from the one-file page's
// inline script), so it needs no second file and, under the page's Content-Security-Policy, only
// `worker-src blob:`. The app (src/platform/worker_engine.cpp) posts jobs as bytes and reads news.
(function () {
  "use strict";

  // Runs inside each worker. The engine's script is wrapped in self.__startEngine(Module) (see
  // blobFor), so it starts only once this worker has the wasm bytes.
  function workerMain() {
    var Module = null, ready = false, waiting = [], order = [], scheduled = false;
    var SLICE_MS = 25;  // one slice per message turn: cancels and new jobs are read between slices
    var channel = new MessageChannel();
    channel.port1.onmessage = runSlice;

    function post(ticket) {
      var at = Module.ccall("slingshot_worker_step", "number", ["number", "number"], [ticket, SLICE_MS]);
      var size = Module.ccall("slingshot_worker_news_size", "number", [], []);
      var bytes = Module.HEAPU8.slice(at, at + size);
      var final = bytes[0] !== 0;  // JobNews::State comes first: 0 = still running
      self.postMessage({ type: "news", ticket: ticket, bytes: bytes }, [bytes.buffer]);
      return final;
    }
    function schedule() {
      if (!scheduled && order.length) {
        scheduled = true;
        channel.port2.postMessage(0);
      }
    }
    function runSlice() {
      scheduled = false;
      if (!order.length) return;
      var ticket = order.shift();
      if (!post(ticket)) order.push(ticket);  // round robin between the jobs this worker holds
      schedule();
    }
    function start(m) {
      Module.ccall("slingshot_worker_start", null, ["number", "number", "array", "number"],
                   [m.ticket, m.kind, m.params, m.params.length]);
      order.push(m.ticket);
      schedule();
    }
    self.onmessage = function (e) {
      var m = e.data;
      if (m.type === "init") {
        Module = {
          noInitialRun: true,
          wasmBinary: m.wasm || undefined,
          print: function (t) { console.log(t); },
          printErr: function (t) { console.warn(t); },
          onRuntimeInitialized: function () {
            ready = true;
            waiting.forEach(start);
            waiting = [];
            self.postMessage({ type: "ready" });
          },
          onAbort: function (what) { self.postMessage({ type: "failed", reason: String(what) }); },
        };
        self.__startEngine(Module);
      } else if (m.type === "run") {
        if (ready) start(m);
        else waiting.push(m);
      } else if (m.type === "stop") {
        waiting = waiting.filter(function (w) { return w.ticket !== m.ticket; });
        var i = order.indexOf(m.ticket);
        if (i >= 0) {
          order.splice(i, 1);
          Module.ccall("slingshot_worker_stop", null, ["number"], [m.ticket]);
        }
      }
    };
  }

  var engineText = null, wasmBytes = null, workers = [], where = {};

  function blobFor(text) {
    var source = "(" + workerMain.toString() + ")();\nself.__startEngine = function (Module) {\n" + text + "\n};\n";
    return URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  }

  // A worker's news goes to the app's module (copied into its memory for the call).
  function deliver(ticket, bytes) {
    if (!window.Module || !Module.calledRun) return;
    var at = Module._malloc(bytes.length || 1);
    Module.HEAPU8.set(bytes, at);
    Module.ccall("slingshot_engine_deliver", null, ["number", "number", "number"], [ticket, at, bytes.length]);
    Module._free(at);
  }

  // A job that will get no news from a worker: the app records why it failed.
  function fail(ticket, why) {
    if (window.Module && Module.calledRun) Module.ccall("slingshot_engine_fail", null, ["number", "string"], [ticket, why]);
  }

  // A worker that fails reports its jobs as failed, so no view waits for them forever.
  function failWorker(w, reason) {
    if (w.failed) return;
    w.failed = true;
    console.warn("engine worker failed: " + reason);
    Object.keys(w.jobs).forEach(function (t) { fail(Number(t), "the engine worker stopped: " + reason); });
    w.jobs = {};
  }

  window.SlingshotEnginePool = {
    // The page shell hands over what the workers need before the app starts.
    prepare: function (text, wasm) { engineText = text; wasmBytes = wasm; },
    // Called by the app at start-up; returns how many workers there are (0: jobs run in the page).
    start: function () {
      if (workers.length) return workers.length;
      if (engineText === null) {
        var inline = document.getElementById("slingshot-engine");
        if (inline) engineText = inline.textContent;
      }
      if (engineText === null || typeof Worker !== "function") return 0;
      // The reader's cores, at most 4; an embed (one figure among others on the host page) takes 2.
      var cap = /[?&]embed=1(&|$)/.test(window.location.search) ? 2 : 4;
      var n = Math.max(1, Math.min(cap, navigator.hardwareConcurrency || 1));
      try {
        var url = blobFor(engineText);
        for (var i = 0; i < n; i++) {
          var w = new Worker(url);
          w.jobs = {};
          w.onmessage = (function (w) {
            return function (e) {
              var m = e.data;
              if (m.type === "news") {
                if (m.bytes[0] !== 0) {
                  delete w.jobs[m.ticket];
                  delete where[m.ticket];
                }
                deliver(m.ticket, m.bytes);
              } else if (m.type === "failed") failWorker(w, m.reason);
            };
          })(w);
          w.onerror = (function (w) { return function (e) { failWorker(w, e.message || "error"); }; })(w);
          w.postMessage({ type: "init", wasm: wasmBytes ? wasmBytes.slice(0) : null });
          workers.push(w);
        }
      } catch (e) {
        console.warn("Web Workers unavailable, the engine runs in the page: " + e.message);
        workers.forEach(function (w) { w.terminate(); });
        workers = [];
        return 0;
      }
      return workers.length;
    },
    // A job goes to the live worker holding the fewest; among those, to the one that keeps the graph
    // it runs on (`affinity` names it; 0: none), which then takes it instead of drawing it again.
    run: function (ticket, kind, params, affinity) {
      var best = null;
      var load = function (w) { return Object.keys(w.jobs).length; };
      workers.forEach(function (w) {
        if (w.failed) return;
        if (!best || load(w) < load(best) || (load(w) === load(best) && affinity && w.graph === affinity &&
                                               best.graph !== affinity)) best = w;
      });
      if (!best) { fail(ticket, "no engine worker is running"); return; }
      if (affinity) best.graph = affinity;
      best.jobs[ticket] = true;
      where[ticket] = best;
      best.postMessage({ type: "run", ticket: ticket, kind: kind, params: params }, [params.buffer]);
    },
    stop: function (ticket) {
      var w = where[ticket];
      delete where[ticket];
      if (!w) return;
      delete w.jobs[ticket];
      w.postMessage({ type: "stop", ticket: ticket });
    },
    workers: function () { return workers.filter(function (w) { return !w.failed; }).length; },
  };
})();
