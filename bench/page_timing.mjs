// How fast each view's numbers are final in the page, in headless Chromium (software GL), for one
// or more built pages side by side (e.g. an older dist/ and today's): time from navigation to
// Slingshot.ready, to busy() == false (every number final), the longest main-thread task while the
// view computed (PerformanceObserver "longtask"), and the bytes transferred. A benchmark, not a test.
// Usage: node bench/page_timing.mjs [DIST ...]   (default: dist/); one JSON line per page and view.
import { launch } from "../tests/browser/harness.mjs";
import { startServer } from "../tests/browser/serve.mjs";

const dists = process.argv.slice(2).length ? process.argv.slice(2) : ["dist"];
const views = ["overview", "scaling", "graph", "competence", "curves", "tightness", "emergence", "stimulus"];
const browser = await launch();
for (const dist of dists) {
  const { server, url } = await startServer(dist, 0);
  for (const view of views) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let bytes = 0;
    page.on("response", async (r) => {
      const length = Number(r.headers()["content-length"]);
      bytes += Number.isFinite(length) ? length : (await r.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.addInitScript(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    const t0 = Date.now();
    await page.goto(`${url}?view=${view}`);
    await page.evaluate(() => window.Slingshot.ready);
    const ready = Date.now() - t0;
    await page.evaluate(() => { window.__longest = 0; });  // tasks after the page is up
    await page.waitForFunction(() => !window.Slingshot.busy(), null, { timeout: 180000, polling: 50 });
    const final = Date.now() - t0;
    const longest = await page.evaluate(() => window.__longest);
    console.log(JSON.stringify({ bench: "page", dist, view, ready_ms: ready, final_ms: final,
      longest_task_ms: Math.round(longest), bytes }));
    await context.close();
  }
  server.close();
}
await browser.close();
