// The views' engine in Web Workers (web/engine-pool.js, src/platform/worker_engine.cpp): the page,
// the one-file page from file:// and embeds start workers; a new parameter supersedes the running
// job; a browser that refuses workers still gets every number, computed in the page's thread.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
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
