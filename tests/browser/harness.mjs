// Shared browser-test helpers: serve dist/, launch Debian's Chromium through playwright-core,
// collect console errors, measure the canvas, save screenshots under build/test-artifacts/.
import { chromium } from "playwright-core";
import { before, after } from "node:test";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "build", "test-artifacts");
export const CLI = join(ROOT, "build", "native", "slingshot-cli");
mkdirSync(ARTIFACTS, { recursive: true });

const ARGS = ["--no-sandbox", "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-quic", "--disable-default-apps"];

export async function launch() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ARGS });
}

export async function serveDist() {
  return startServer(DIST, 0);
}

// One served dist/ and one browser for a test file: `const env = useBrowser();`, then env.browser and
// env.base (the served URL) inside the tests.
export function useBrowser() {
  const env = {};
  before(async () => {
    ({ server: env.server, url: env.base } = await serveDist());
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

// A page that records console errors, page errors and every request's URL.
export async function openPage(browser, url,
  { width = 1280, height = 800, scale = 1, touch = false, reducedMotion = "no-preference" } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, hasTouch: touch,
    reducedMotion });
  const page = await context.newPage();
  const errors = [], requests = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  await page.evaluate(() => window.Slingshot.ready);
  // A few more frames so the layout has settled after the fonts were built.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
  return { page, context, errors, requests };
}

// Resolves after `n` frames of the page: ImGui takes one input event per frame and lays a change
// out in the next, and a loaded machine draws frames late, so tests wait frames, not milliseconds.
export function frames(page, n) {
  return page.evaluate((count) => new Promise((resolve) => {
    const step = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  }), n);
}

// Pixel statistics of a PNG screenshot, computed in the page (no image library needed here).
export async function imageStats(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    let sum = 0, sum2 = 0, n = 0;
    for (let i = 0; i < d.length; i += 16) { const v = (d[i] + d[i + 1] + d[i + 2]) / 3; sum += v; sum2 += v * v; n++; }
    const mean = sum / n;
    return { width: img.width, height: img.height, mean, variance: sum2 / n - mean * mean };
  }, png.toString("base64"));
}

export function cli(args) {
  return JSON.parse(execFileSync(CLI, args, { encoding: "utf8" }));
}

export function artifact(name) {
  return join(ARTIFACTS, name);
}

// A one-finger drag through Chrome's input pipeline (CDP touch events, as a touch screen sends them):
// touchStart at `from`, `steps` moves to `to`, touchEnd; a frame's wait between events.
export async function touchDrag(page, from, to, steps = 12) {
  const cdp = await page.context().newCDPSession(page);
  const point = (x, y) => [{ x, y, radiusX: 4, radiusY: 4, force: 1, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(from.x, from.y) });
  await page.waitForTimeout(50);
  for (let i = 1; i <= steps; i++) {
    const x = from.x + (to.x - from.x) * i / steps, y = from.y + (to.y - from.y) * i / steps;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(x, y) });
    await page.waitForTimeout(20);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await page.waitForTimeout(100);
  await cdp.detach();
}
