// Text for readers who cannot see the canvas: each view's figure as sentences in a polite live region,
// each plot's data as a table with the rows of its CSV export, and a "skip to the data" link that the
// first Tab shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useBrowser, openPage } from "./harness.mjs";

const env = useBrowser();

async function figureText(page, mustContain) {
  await page.waitForFunction((want) => document.getElementById("figure-description").textContent.includes(want),
                             mustContain, { timeout: 60000, polling: 100 });
  return page.evaluate(() => ({
    description: document.getElementById("figure-description").textContent,
    live: document.getElementById("figure-description").getAttribute("aria-live"),
    tables: [...document.querySelectorAll("#figure-data table")].map((t) => ({
      plot: t.dataset.plot, caption: t.caption.textContent, rows: [...t.rows].map((r) => [...r.cells].map((c) => c.textContent)),
    })),
  }));
}

test("Emergence: the thresholds in words, the curves as tables equal to the CSV export", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?view=emergence");
  const t = await figureText(page, "Emergence view.");
  assert.equal(t.live, "polite");
  // Default model: skills reach one half near 1.1e12 parameters, pairs near 1.1e13 (THEORY reference).
  assert.match(t.description, /skills \(k'=1\): 241 points.*passes one half at model size N = 1\.1×10¹²/);
  assert.match(t.description, /k'=2 tuples: 241 points.*passes one half at model size N = 1\.1×10¹³/);
  const main = t.tables.find((x) => x.plot === "emergence-main");
  assert.ok(main, "a table for the main plot");
  assert.deepEqual(main.rows[0], ["series", "x", "y"]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.evaluate(() => window.Slingshot.exportPlot("emergence-main", "csv")),
  ]);
  const csv = readFileSync(await download.path(), "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
  assert.equal(main.rows.length, csv.length);
  assert.equal(main.rows[1].join(","), csv[1]);
  // A change is announced once its numbers have settled.
  await page.evaluate(() => window.Slingshot.setState({ target: 0.7 }));
  const changed = await figureText(page, "target 0.7");
  assert.ok(changed.description !== t.description);
  assert.deepEqual(errors, []);
  await context.close();
});

test("every view describes its figure; the first Tab shows the skip link", async () => {
  for (const view of ["overview", "scaling", "graph", "competence", "curves", "tightness", "stimulus"]) {
    const { page, context, errors } = await openPage(env.browser, env.base + `?view=${view}`);
    await page.waitForFunction(() => !window.Slingshot.busy(), null, { timeout: 120000, polling: 50 });
    const title = await page.evaluate(() => window.Slingshot.getState().view);
    const t = await figureText(page, " view.");
    assert.ok(t.description.length > 40, `${view}: ${t.description}`);
    // The Overview's diagram and the drawn small graph are pictures, not plots: their text says it all.
    assert.ok(t.tables.length >= 1 || view === "overview" || view === "graph", `${view}: no data tables`);
    if (view === "graph") assert.match(t.description, /skills have competence below c/);
    for (const table of t.tables) assert.ok(table.rows.length >= 2, `${view} ${table.plot}: empty table`);
    if (view === "scaling") {
      await page.keyboard.press("Tab");
      const box = await page.evaluate(() => ({ id: document.activeElement.id, top: document.activeElement.getBoundingClientRect().top }));
      assert.equal(box.id, "skip-to-data");
      assert.ok(box.top >= 0, "the focused link is on screen");
    }
    assert.equal(title, view);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
