// The views' engine in Web Workers (web/engine-pool.js, src/platform/worker_engine.cpp): the page,
// the one-file page from file:// and embeds start workers; a new parameter supersedes the running
// job; a run's partial result (its skills before its tuples) reaches the page; a browser that
// refuses workers still gets every number, computed in the page's thread.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { useBrowser, openPage, DIST } from "./harness.mjs";

const env = useBrowser();

async function settle(page) {
  await page.waitForFunction(() => !window.Slingshot.busy(), null, { timeout: 120000, polling: 50 });
}

test("the page runs its jobs in Web Workers, at most 4, and gets its numbers", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?view=competence&n2=200000");
  await settle(page);
  const workers = await page.evaluate(() => window.Slingshot.engineWorkers());
  assert.ok(workers >= 1 && workers <= 4, `workers: ${workers}`);
  assert.equal((await page.evaluate(() => window.Slingshot.getState())).n2, 200000);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a new parameter supersedes the running job; the last one's numbers are shown", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?view=graph&n2=2000000");
  // Change the graph twice while the first is still sampled: only the last may end on screen.
  await page.evaluate(() => window.Slingshot.setState({ n2: 1500000 }));
  await page.evaluate(() => window.Slingshot.setState({ n2: 300000, seed: 7 }));
  await settle(page);
  const state = await page.evaluate(() => window.Slingshot.getState());
  assert.equal(state.n2, 300000);
  assert.equal(state.seed, 7);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the one-file page from file:// and an embed start their own workers",
     { skip: !existsSync(join(DIST, "slingshot.html")) }, async () => {
  const single = await openPage(env.browser, pathToFileURL(join(DIST, "slingshot.html")).href + "?view=curves");
  await settle(single.page);
  assert.ok(await single.page.evaluate(() => window.Slingshot.engineWorkers()) >= 1);
  assert.deepEqual(single.errors, []);
  await single.context.close();
  const embed = await openPage(env.browser, env.base + "?view=tightness&embed=1", { width: 360, height: 300 });
  await settle(embed.page);
  const workers = await embed.page.evaluate(() => window.Slingshot.engineWorkers());
  assert.ok(workers >= 1 && workers <= 2, `embed workers: ${workers}`);
  assert.deepEqual(embed.errors, []);
  await embed.context.close();
});

test("without Web Workers every number is still computed, in the page's thread", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(() => { window.Worker = undefined; });
  await page.goto(env.base + "?view=competence&n2=100000");
  await page.evaluate(() => window.Slingshot.ready);
  await settle(page);
  assert.equal(await page.evaluate(() => window.Slingshot.engineWorkers()), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a run with tuples shows its skills from the worker while its tuples are still counted", async () => {
  // Random failures on 4e6 pieces: the skills take a tenth of a second, the pairs some seconds.
  const { page, context, errors } = await openPage(
    env.browser, env.base + "?view=competence&n2=4000000&failure=random&certificate=off");
  const seriesOf = async (plot) => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.evaluate((id) => window.Slingshot.exportPlot(id, "json"), plot),
    ]);
    const names = JSON.parse(readFileSync(await download.path(), "utf8")).series.map((s) => s.name);
    await page.waitForTimeout(150);  // without a pause the next export's download at times never came
    return names;
  };
  let partialSeen = false;
  for (let polls = 0; polls < 400; polls++) {
    const busyBefore = await page.evaluate(() => window.Slingshot.busy());
    const skills = (await seriesOf("competence-fraction")).some((n) => n.startsWith("simulated"));
    const tuples = (await seriesOf("competence-tuples")).some((n) => n.startsWith("simulated"));
    if (skills && !tuples && busyBefore) partialSeen = true;
    if (!busyBefore && tuples) break;
  }
  assert.ok(partialSeen, "the skills' curve was drawn before the tuples' run ended");
  assert.ok((await seriesOf("competence-tuples")).some((n) => n.startsWith("simulated")), "then the tuples' curve");
  assert.equal(await page.evaluate(() => window.Slingshot.busy()), false);
  assert.deepEqual(errors, []);
  await context.close();
});
