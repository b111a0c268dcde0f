// Seed ensembles in the page: the runs of an ensemble go to the engine's workers, the band holds every
// seed's curve, and each seed's curve is the CLI's run with that seed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useBrowser, openPage } from "./harness.mjs";

const env = useBrowser();

async function settled(page) {
  await page.waitForFunction(() => !window.Slingshot.busy(), null, { timeout: 120000, polling: 100 });
}

test("Competence: an ensemble of 4 seeds bands each seed's curve, and each is the query's run", async () => {
  const graph = { n1: 200, n2: 20000, k: 8, theta: 0.1, c: 0.8, failure: "random", kprime: 2, tuples: "t2" };
  const query = new URLSearchParams({ view: "competence", ...graph, certificate: "off", seed: 5, ensemble: 4 });
  const { page, errors } = await openPage(env.browser, env.base + "?" + query);
  await settled(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.evaluate(() => window.Slingshot.exportPlot("competence-fraction", "json")),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  const named = (name) => exported.series.find((s) => s.name === name);
  const low = named("simulated, min\u2013max over seeds 5\u20138 (low)");
  const high = named("simulated, min\u2013max over seeds 5\u20138 (high)");
  assert.ok(low && high, "the band is exported");
  for (let seed = 5; seed <= 8; seed++) {
    const curve = named(`seed ${seed}`);
    assert.ok(curve, `seed ${seed}'s curve is exported`);
    curve.y.forEach((y, j) => assert.ok(low.y[j] <= y && y <= high.y[j], `seed ${seed} at c = ${curve.x[j]}`));
    const run = JSON.parse(await page.evaluate((args) => window.Slingshot.query("simulate", args), { ...graph, seed }));
    assert.deepEqual(curve.y, run.curve.map((p) => p.frac), `seed ${seed} = slingshot-cli simulate --seed ${seed}`);
  }
  assert.equal(exported.state.ensemble, 4);
  assert.deepEqual(errors, []);
});
