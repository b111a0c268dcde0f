// The page loads, draws, answers queries like slingshot-cli, and stays crisp on HiDPI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, imageStats, cli, artifact } from "./harness.mjs";

const env = useBrowser();

test("page renders the Scaling view without console errors", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?view=scaling");
  const png = await page.screenshot({ path: artifact("scaling-1x.png") });
  const stats = await imageStats(page, png);
  assert.ok(stats.variance > 100, `canvas looks blank (pixel variance ${stats.variance.toFixed(1)})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("HiDPI: the framebuffer follows devicePixelRatio", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base, { width: 900, height: 600, scale: 2 });
  const size = await page.evaluate(() => {
    const c = document.getElementById("canvas");
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
  });
  assert.equal(size.w, size.cw * 2);
  assert.equal(size.h, size.ch * 2);
  await page.screenshot({ path: artifact("scaling-2x.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("HiDPI: a new pixel ratio without a resize (another screen, zoom) resizes the framebuffer", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?view=curves", { width: 900, height: 600 });
  assert.equal(await page.evaluate(() => document.getElementById("canvas").width), 900);
  // Chromium's emulation changes devicePixelRatio alone, as moving the window to a 2x screen does.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setDeviceMetricsOverride", { width: 900, height: 600, deviceScaleFactor: 2, mobile: false });
  await page.waitForFunction(() => document.getElementById("canvas").width === 1800, null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.getElementById("canvas").height), 1200);
  await page.waitForTimeout(300);
  const png = await page.screenshot({ path: artifact("curves-ratio-change-2x.png") });
  assert.ok((await imageStats(page, png)).variance > 100);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the canvas follows window resizes", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base, { width: 800, height: 600 });
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.waitForFunction(() => document.getElementById("canvas").width === 1100, null, { timeout: 5000 });
  const h = await page.evaluate(() => document.getElementById("canvas").height);
  assert.equal(h, 700);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Slingshot.query('scaling') equals slingshot-cli scaling", async () => {
  const { page, context } = await openPage(env.browser, env.base);
  for (const args of [{ n: "1e10" }, { n: "7e10", d: "1.4e12" }, { n: "3e9", ratio: "50" }]) {
    const fromPage = JSON.parse(await page.evaluate((a) => window.Slingshot.query("scaling", JSON.stringify(a)), args));
    const flags = Object.entries(args).flatMap(([k, v]) => ["--" + k, v]);
    const fromCli = cli(["scaling", ...flags, "--format", "json"]);
    assert.deepEqual(fromPage, fromCli);
  }
  const bad = JSON.parse(await page.evaluate(() => window.Slingshot.query("scaling", '{"n": -5}')));
  assert.match(bad.error, /--n/);
  await context.close();
});

test("a browser without WebAssembly SIMD gets a clear message instead of a failed compile", async () => {
  const context = await env.browser.newContext({ viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  // As in a browser without SIMD: any module with a vector instruction fails validation.
  await page.addInitScript(() => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = (bytes) => (new Uint8Array(bytes).includes(0xfd) ? false : validate(bytes));
  });
  await page.goto(env.base);
  const rejected = await page.evaluate(() => window.Slingshot.ready.then(() => "resolved", (e) => String(e)));
  assert.match(rejected, /SIMD missing/);
  const fatal = await page.evaluate(() => {
    const box = document.getElementById("fatal");
    return { hidden: box.hidden, text: box.textContent };
  });
  assert.equal(fatal.hidden, false);
  assert.match(fatal.text, /WebAssembly SIMD is not available/);
  assert.match(fatal.text, /Safari 16\.4/);
  await page.screenshot({ path: artifact("no-simd.png") });
  await context.close();
});
