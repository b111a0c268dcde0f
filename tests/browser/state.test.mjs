// The page people share and embed: URL state, notices, embed mode, downloads, the one-file page,
// no external requests, and hostile URLs that must never break or inject anything.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { useBrowser, openPage, imageStats, cli, artifact, DIST } from "./harness.mjs";

const env = useBrowser();

const VIEWS = ["overview", "scaling", "graph", "competence", "curves", "emergence", "stimulus"];

test("URL round trip: parameters -> getState -> setState -> URL", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?v=2&view=scaling&n=1e10&ratio=50&theme=dark");
  const state = await page.evaluate(() => window.Slingshot.getState());
  assert.equal(state.view, "scaling");
  assert.equal(state.n, 1e10);
  assert.equal(state.ratio, 50);
  assert.equal(state.theme, "dark");
  assert.equal(state.v, 2);
  const answer = await page.evaluate(() => window.Slingshot.setState({ n: 2e11, preset: "besiroglu2024" }));
  assert.deepEqual(answer.notices, []);
  await page.waitForFunction(() => new URLSearchParams(location.search).get("n") === "200000000000");
  const params = new URLSearchParams(new URL(page.url()).search);
  assert.equal(params.get("preset"), "besiroglu2024");
  assert.equal(params.get("ratio"), "50");
  assert.equal(params.get("v"), "2");
  // The URL the page wrote restores the same state in a fresh page.
  const again = await openPage(env.browser, page.url());
  assert.deepEqual(await again.page.evaluate(() => window.Slingshot.getState()),
                   await page.evaluate(() => window.Slingshot.getState()));
  assert.deepEqual(errors, []);
  await again.context.close();
  await context.close();
});

test("invalid parameters: listed in notices, defaults used, no console error", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?view=scaling&n=-3&ratio=abc&zzz=1&scale=7");
  const notices = await page.evaluate(() => window.Slingshot.notices());
  assert.equal(notices.length, 4, JSON.stringify(notices));
  assert.ok(notices.some((n) => n.includes("--n")));
  assert.ok(notices.some((n) => n.includes("'zzz'")));
  const state = await page.evaluate(() => window.Slingshot.getState());
  assert.equal(state.n, 7e10);
  assert.equal(state.scale, 1);
  await page.screenshot({ path: artifact("notices.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("embed mode at 640x360: one plot, no scroll bars, host page keeps its wheel", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?embed=1&view=emergence", { width: 640, height: 360 });
  const dims = await page.evaluate(() => ({
    sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth,
    sh: document.documentElement.scrollHeight, ch: document.documentElement.clientHeight,
    focused: document.activeElement && document.activeElement.id,
  }));
  assert.ok(dims.sw <= dims.cw && dims.sh <= dims.ch, JSON.stringify(dims));
  assert.notEqual(dims.focused, "canvas", "the embed must not take keyboard focus by itself");
  const png = await page.screenshot({ path: artifact("embed-640x360.png") });
  assert.ok((await imageStats(page, png)).variance > 100);
  assert.deepEqual(errors, []);
  await context.close();
});

test("autoheight=1: the embed posts the height its figure wants and the example host applies it", async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 900, height: 1400 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(env.base + "embed-example.html");
  await page.locator("#autoheight-figure").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById("autoheight-figure").style.height !== "", null,
                             { timeout: 30000 });
  const h = await page.evaluate(() => document.getElementById("autoheight-figure").getBoundingClientRect().height);
  // A golden-ratio plot at the column's width (about 728 px: 451 px) and three text lines.
  assert.ok(h > 400 && h < 700, `height ${h}`);
  const frame = page.frames().find((f) => f.url().includes("autoheight=1"));
  assert.equal((await frame.evaluate(() => window.Slingshot.getState())).autoheight, 1);
  // Without autoheight nothing is posted: the other frames keep their height attribute.
  const others = await page.evaluate(() => [...document.querySelectorAll("iframe:not(#autoheight-figure)")]
    .map((f) => f.style.height));
  assert.deepEqual(others, ["", ""]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("embed example: two iframes with different parameters render", async () => {
  const { page, context, errors } = await (async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 900, height: 1400 } });
    const p = await ctx.newPage();
    const errs = [];
    p.on("console", (m) => { if (m.type() === "error") errs.push(m.text()); });
    p.on("pageerror", (e) => errs.push(String(e)));
    await p.goto(env.base + "embed-example.html");
    return { page: p, context: ctx, errors: errs };
  })();
  let frames = [];
  for (let i = 0; i < 100 && frames.length < 2; i++) {
    frames = page.frames().filter((f) => f.url().includes("embed=1") && !f.url().includes("autoheight"));
    if (frames.length < 2) await page.waitForTimeout(100);
  }
  assert.equal(frames.length, 2);
  for (const f of frames) await f.waitForFunction(() => window.Slingshot !== undefined);
  for (const f of frames) await f.evaluate(() => window.Slingshot.ready);
  const views = await Promise.all(frames.map((f) => f.evaluate(() => window.Slingshot.getState().view)));
  assert.deepEqual(views.sort(), ["curves", "emergence"]);
  await page.waitForTimeout(500);
  await page.screenshot({ path: artifact("embed-example.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the system's dark colour scheme is the default theme; a theme in the link wins", async () => {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 600 }, colorScheme: "dark" });
  const page = await context.newPage();
  for (const [query, theme] of [["?view=curves", "dark"], ["?view=curves&theme=light", "light"]]) {
    await page.goto(env.base + query);
    await page.evaluate(() => window.Slingshot.ready);
    assert.equal((await page.evaluate(() => window.Slingshot.getState())).theme, theme, query);
  }
  await context.close();
  const light = await openPage(env.browser, env.base + "?view=curves");  // Chromium's default: light
  assert.equal((await light.page.evaluate(() => window.Slingshot.getState())).theme, "light");
  await light.context.close();
});

test("CSV download equals slingshot-cli for the same parameters", async () => {
  const { page, context } = await openPage(env.browser, env.base + "?view=scaling&ratio=20");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.evaluate(() => window.Slingshot.exportPlot("scaling-loss", "csv")),
  ]);
  assert.equal(download.suggestedFilename(), "slingshot-scaling-loss.csv");
  const text = readFileSync(await download.path(), "utf8");
  // A provenance comment first (version, commit, the state), then the series.
  const provenance = JSON.parse(text.split("\n")[0].replace(/^# provenance: /, ""));
  assert.equal(provenance.software, "slingshot");
  assert.equal(provenance.plot, "scaling-loss");
  assert.equal(provenance.state.ratio, 20);
  assert.match(provenance.commit, /^[0-9a-f]{12}|unknown/);
  const rows = text.trim().split("\n").filter((l) => !l.startsWith("#")).slice(1).map((l) => l.split(/,(?=[^,]*,[^,]*$)/));
  const excess = rows.map(([name, xy]) => [name.replace(/^"|"$/g, ""), xy])
    .filter(([name]) => name.startsWith("excess") && name.includes("20"));
  assert.ok(excess.length >= 100);
  for (const [, xy] of excess.filter((_, i) => i % 40 === 0)) {
    const [n, y] = xy.split(",").map(Number);
    const fromCli = cli(["scaling", "--n", String(n), "--ratio", "20", "--format", "json"]);
    assert.ok(Math.abs(fromCli.excess - y) <= 1e-12 * Math.abs(y), `${n}: ${y} vs ${fromCli.excess}`);
  }
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    page.evaluate(() => window.Slingshot.exportPlot("scaling-loss", "png", 2)),
  ]);
  assert.equal(png.suggestedFilename(), "slingshot-scaling-loss@2x.png");
  const bytes = readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), "PNG");
  assert.ok(bytes.readUInt32BE(16) > 800, "a 2x export is wider than the on-screen plot");
  // Its provenance: tEXt chunks (each CRC checked here), the permalink reopening this state.
  const chunks = pngTextChunks(bytes);
  assert.match(chunks.Software, /^slingshot \d+\.\d+\.\d+ \(/);
  assert.ok(chunks.Permalink.startsWith(env.base + "?v=2&view=scaling"), chunks.Permalink);
  assert.match(chunks.Permalink, /ratio=20/);
  const pngProvenance = JSON.parse(chunks.Comment);
  assert.equal(pngProvenance.plot, "scaling-loss");
  assert.deepEqual(pngProvenance.state, provenance.state);
  assert.ok(await page.evaluate(async (b64) => {  // the image still decodes
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    return img.width > 800;
  }, bytes.toString("base64")));
  // The SVG: taken from the next frame, well-formed, its series and texts, the same provenance.
  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    page.evaluate(() => window.Slingshot.exportPlot("scaling-loss", "svg")),
  ]);
  assert.equal(svg.suggestedFilename(), "slingshot-scaling-loss.svg");
  const read = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    if (doc.querySelector("parsererror")) return { error: doc.querySelector("parsererror").textContent };
    const img = new Image();
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
    await img.decode();
    return {
      metadata: doc.querySelector("metadata").textContent,
      series: [...doc.querySelectorAll("g[data-series][data-kind=line]")].map((g) => g.getAttribute("data-series")),
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
      width: img.width,
    };
  }, readFileSync(await svg.path(), "utf8"));
  assert.equal(read.error, undefined);
  assert.deepEqual(JSON.parse(read.metadata).state, provenance.state);
  assert.ok(read.series.some((name) => name.startsWith("excess")), read.series.join(", "));
  assert.ok(read.texts.length > 10 && read.width > 400, `${read.texts.length} texts, ${read.width} px wide`);
  await context.close();
});

// The tEXt chunks of a PNG as {keyword: text}; fails on a chunk whose CRC-32 is wrong.
function pngTextChunks(bytes) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => (buf.reduce((c, b) => table[(c ^ b) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;
  const out = {};
  for (let at = 8; at < bytes.length;) {
    const n = bytes.readUInt32BE(at), type = bytes.subarray(at + 4, at + 8).toString("latin1");
    assert.equal(crc(bytes.subarray(at + 4, at + 8 + n)), bytes.readUInt32BE(at + 8 + n), `the CRC of a ${type} chunk`);
    if (type === "tEXt") {
      const body = bytes.subarray(at + 8, at + 8 + n).toString("latin1"), nul = body.indexOf("\0");
      out[body.slice(0, nul)] = body.slice(nul + 1);
    }
    at += 12 + n;
  }
  return out;
}

test("the one-file page works from file:// with no server", { skip: !existsSync(join(DIST, "slingshot.html")) }, async () => {
  const { page, context, errors, requests } = await openPage(env.browser, pathToFileURL(join(DIST, "slingshot.html")).href + "?view=curves");
  const png = await page.screenshot({ path: artifact("single-file.png") });
  assert.ok((await imageStats(page, png)).variance > 100);
  assert.equal((await page.evaluate(() => window.Slingshot.getState())).view, "curves");
  assert.ok(requests.every((u) => u.startsWith("file:") || u.startsWith("data:") || u.startsWith("blob:")), requests.join("\n"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile URLs on every view: notices, no console error, nothing injected, no outside request", async () => {
  const hostile = [
    "n=1e400&theta=NaN&k=-8&n1=-5&n2=99999999999999",
    "view=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
    "theme=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&scale=1e9",
    "c=2&kprime=0,0,0&seed=-1&failure=everything&measure=zipf:abc",
    "x=" + "A".repeat(10000),
  ];
  for (const view of VIEWS) {
    for (const h of hostile) {
      const url = `${env.base}?view=${view}&${h}`;
      const { page, context, errors, requests } = await openPage(env.browser, url, { width: 1000, height: 700 });
      await page.waitForTimeout(200);
      const result = await page.evaluate(() => ({
        pwned: window.__pwned, notices: window.Slingshot.notices().length,
        injected: document.querySelectorAll("script:not([src]), img, iframe").length,
      }));
      assert.equal(result.pwned, undefined, url);
      assert.equal(result.injected, 0, url);
      assert.ok(result.notices >= 1, `no notice for ${url.slice(0, 120)}`);
      assert.deepEqual(errors, [], url.slice(0, 120));
      const origin = new URL(env.base).origin;
      assert.ok(requests.every((u) => u.startsWith(origin) || u.startsWith("data:") || u.startsWith("blob:")), requests.join("\n"));
      await context.close();
    }
  }
});
