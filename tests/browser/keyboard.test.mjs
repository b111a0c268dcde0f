// Keyboard only: in each view, Tab to one control, type a value, press Enter; then the figure's
// description and data tables in the DOM (what a screen reader reads) carry the numbers that
// Slingshot.query gives for the same parameters. Also: "?" opens the key help, and Escape with
// nothing to close gives the keyboard back to the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, artifact, frames } from "./harness.mjs";

const env = useBrowser();

// The page's number text: 3 significant digits, "×10ⁿ" with superscripts outside [0.001, 10⁴).
const SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
function parseNumberText(t) {
  const m = t.match(/^(-?[\d.]+)(?:×10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/) || t.match(/^10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/);
  assert.ok(m, `a number: ${t}`);
  const exp = (s) => Number((s.startsWith("⁻") ? "-" : "") + [...s.replace("⁻", "")].map((c) => SUP.indexOf(c)).join(""));
  if (t.startsWith("10") && !t.includes("×") && m.length === 2) return 10 ** exp(m[1]);
  return Number(m[1]) * (m[2] ? 10 ** exp(m[2]) : 1);
}

const query = (page, command, args) => page.evaluate(([c, a]) => JSON.parse(window.Slingshot.query(c, a)), [command, args]);

// One key, then three frames (a fixed wait would lose keys on a loaded machine).
async function press(page, key) {
  await page.keyboard.press(key);
  await frames(page, 3);
}

// Tab from the page's start (the skip link, the canvas, the top bar) into the figure's controls, to
// the nth of those that take a typed value there (sliders and number fields); type it, Enter.
async function tabAndType(page, nth, value) {
  let seen = -1;
  for (let i = 0; i < 80 && seen < nth; i++) {
    await press(page, "Tab");
    const focus = (await page.evaluate(() => window.Slingshot.layoutReport())).focus;
    if (focus && focus.window.includes("controls") && focus.active) seen++;
  }
  assert.equal(seen, nth, "Tab reaches the control");
  for (const ch of value) await press(page, ch);
  await press(page, "Enter");
}

async function figureText(page, mustContain) {
  await page.waitForFunction(() => !window.Slingshot.busy(), null, { timeout: 120000, polling: 100 });
  await page.waitForFunction((want) => document.getElementById("figure-description").textContent.includes(want),
                             mustContain, { timeout: 60000, polling: 100 });
  return page.evaluate(() => ({
    description: document.getElementById("figure-description").textContent,
    tables: Object.fromEntries([...document.querySelectorAll("#figure-data table")].map((t) =>
      [t.dataset.plot, [...t.rows].slice(1).map((r) => [...r.cells].map((c) => c.textContent))])),
  }));
}

// The y of a series at x in a plot's table (the CSV rows: series, x, y).
function tableValue(rows, series, x) {
  const row = rows.find((r) => r[0] === series && Math.abs(Number(r[1]) - x) < 1e-9);
  assert.ok(row, `a row of "${series}" at ${x}`);
  return Number(row[2]);
}

// For each view: which typed-value control Tab reaches (0 = the first), the value typed, the parameter it sets, and the check.
const CASES = [
  { view: "overview", nth: 0, type: "1e12", param: "n", want: 1e12, check: async (page, t) => {
    const a = await query(page, "scaling", { n: 1e12 });
    assert.ok(t.description.includes(`L = ${a.loss.toPrecision(4)} nats/token`), t.description);
  } },
  { view: "scaling", nth: 5, type: "1e12", param: "n", want: 1e12, check: async (page, t) => {
    const a = await query(page, "scaling", { n: 1e12 });
    assert.ok(t.description.includes(`excess loss δ = ${a.excess.toPrecision(5)}`), t.description);
  } },
  { view: "graph", nth: 3, type: "0.2", param: "theta", want: 0.2, check: async (page, t) => {
    const a = await query(page, "simulate", { n1: 16, n2: 120, k: 3, theta: 0.2, c: 0.9, seed: 1 });
    assert.ok(t.description.includes(`${a.failed} failed pieces`), t.description);
    assert.ok(t.description.includes(`mean ${a.mean_degree}`), t.description);
    assert.ok(t.description.includes(`${Math.round(a.frac_below_c * 16)} of 16 skills have competence below c = 0.9`), t.description);
  } },
  { view: "competence", nth: 3, type: "0.2", param: "theta", want: 0.2, check: async (page, t) => {
    const a = await query(page, "bound", { theta: 0.2, k: 8, c: 0.5 });
    const y = tableValue(t.tables["competence-fraction"], "Thm 8 guarantee (N₂ → ∞)", 0.5);
    assert.ok(Math.abs(y - a.frac) < 1e-9, `${y} vs ${a.frac}`);
  } },
  { view: "curves", nth: 1, type: "6", param: "k", want: 6, check: async (page, t) => {
    const a = await query(page, "bound", { theta: 0.2, k: 6, c: 0.5 });
    const y = tableValue(t.tables["curves-family"], "θ = 0.2", 0.5);
    assert.ok(Math.abs(y - a.frac) < 1e-9, `${y} vs ${a.frac}`);
  } },
  { view: "tightness", nth: 0, type: "0.1", param: "theta", want: 0.1, check: async (page, t) => {
    const a = await query(page, "bound", { theta: 0.1, k: 8, c: 0.5 });
    const y = tableValue(t.tables["tightness-fraction"], "Thm 8 bound (N2 -> infinity)", 0.5);
    assert.ok(Math.abs(y - (1 - a.frac)) < 1e-9, `${y} vs 1 - ${a.frac}`);
  } },
  { view: "emergence", nth: 1, type: "0.7", param: "c", want: 0.7, check: async (page, t) => {
    const a = await query(page, "emergence", { c: 0.7 });
    const m = t.description.match(/skills \(k'=1\): .*?passes one half at model size N = (\S+?)\.(?:\s|$)/);
    assert.ok(m, t.description);
    const n = parseNumberText(m[1]), want = a.thresholds.find((x) => x.kprime === 1).n;
    assert.ok(Math.abs(n / want - 1) < 0.06, `${n} vs ${want} (the text has 2 digits)`);
  } },
  { view: "stimulus", nth: 1, type: "0.6", param: "c", want: 0.6, check: async (page, t) => {
    const a = await query(page, "emergence", { c: 0.6, kprime: "4,8" });
    const m = t.description.match(/k'=4: guaranteed: .*?passes one half at model size N = (\S+?)\.(?:\s|$)/);
    assert.ok(m, t.description);
    const n = parseNumberText(m[1]), want = a.thresholds.find((x) => x.kprime === 4).n;
    assert.ok(Math.abs(n / want - 1) < 0.06, `${n} vs ${want} (the text has 2 digits)`);
  } },
];

for (const c of CASES) {
  test(`keyboard only, ${c.view}: Tab to ${c.param}, type ${c.type}, Enter; the description and tables follow`, async () => {
    const { page, context, errors } = await openPage(env.browser, `${env.base}?view=${c.view}`);
    await figureText(page, `${c.view === "graph" ? "Skill graph" : c.view[0].toUpperCase() + c.view.slice(1)} view.`);
    await tabAndType(page, c.nth, c.type);
    await page.waitForFunction(([p, v]) => window.Slingshot.getState()[p] === v, [c.param, c.want], { timeout: 5000 });
    // The text is published once it has settled for a second: retry the check until it holds.
    let ok = false, last;
    for (let i = 0; i < 60 && !ok; i++) {
      last = await figureText(page, "");
      try { await c.check(page, last); ok = true; } catch (e) { if (i === 59) throw e; await page.waitForTimeout(250); }
    }
    await page.screenshot({ path: artifact(`keyboard-${c.view}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("keyboard only: ? opens the key help, Escape closes it, a second Escape leaves the figure", async () => {
  const { page, context } = await openPage(env.browser, `${env.base}?view=curves`);
  await press(page, "Tab");
  await press(page, "Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "canvas");
  await press(page, "?");
  await page.screenshot({ path: artifact("keyboard-help.png") });
  const layout = await page.evaluate(() => window.Slingshot.layoutReport());
  assert.equal(layout.focus.window, "Keyboard", "the help window has the keyboard");
  assert.deepEqual(layout.clipped, []);
  await press(page, "Escape");
  await page.waitForTimeout(200);
  assert.notEqual((await page.evaluate(() => window.Slingshot.layoutReport())).focus?.window, "Keyboard");
  assert.equal(await page.evaluate(() => document.activeElement.id), "canvas", "closing the help keeps the figure");
  await press(page, "Escape");
  await page.waitForTimeout(200);
  assert.notEqual(await page.evaluate(() => document.activeElement.id), "canvas", "a free Escape gives the keyboard back");
  await context.close();
});
