// The page's engine: jobs run in a pool of Web Workers, each the same WebAssembly build started
// without the app (web/engine-pool.js), so the page's thread only draws. Installed at start-up when
// the browser gave the page workers; otherwise the app keeps its in-process engine.
#pragma once

namespace slingshot::platform {

// Starts the pool and, when it has workers, makes it the app's engine. Returns the worker count.
int installWorkerEngine();

}  // namespace slingshot::platform
