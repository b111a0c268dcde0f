// Every view reached by URL renders (canvas not blank), without console errors, at 1280x800 and at
// 1920x1080 with devicePixelRatio 2; the screenshots land in build/test-artifacts/views/.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { useBrowser, openPage, imageStats, artifact } from "./harness.mjs";

const VIEWS = ["overview", "scaling", "graph", "competence", "curves", "tightness", "emergence", "stimulus"];
const SIZES = [{ width: 1280, height: 800, scale: 1 }, { width: 1920, height: 1080, scale: 2 }];

const env = useBrowser();
before(() => mkdirSync(artifact("views"), { recursive: true }));

for (const view of VIEWS) {
  test(`view ${view} renders at 1280x800 and 1920x1080@2x`, async () => {
    for (const size of SIZES) {
      const { page, context, errors } = await openPage(env.browser, `${env.base}?view=${view}`, size);
      assert.equal((await page.evaluate(() => window.Slingshot.getState())).view, view);
      // Finished figures: the simulations and certificates of the view have run (Slingshot.busy()).
      await page.waitForFunction(() => !window.Slingshot.busy(), null, { timeout: 120000, polling: 250 });
      await page.waitForTimeout(200);
      const png = await page.screenshot({ path: artifact(`views/${view}-${size.width}x${size.height}@${size.scale}x.png`) });
      const stats = await imageStats(page, png);
      assert.equal(stats.width, size.width * size.scale);
      assert.ok(stats.variance > 100, `${view}: canvas looks blank (variance ${stats.variance.toFixed(1)})`);
      assert.deepEqual(await page.evaluate(() => window.Slingshot.notices()), []);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}
