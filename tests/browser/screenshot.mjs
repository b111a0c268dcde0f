// Take a screenshot of a built page, for looking at what a view shows.
// Usage: node tests/browser/screenshot.mjs DIST_DIR "?view=scaling&n=1e10" out.png [WIDTH HEIGHT SCALE WAIT_MS]
// Prints console errors, if any. Exit 1 if the page did not become ready.
import { launch, openPage } from "./harness.mjs";
import { startServer } from "./serve.mjs";

const [dist, query = "", out = "shot.png", w = "1280", h = "800", s = "1", wait = "500"] = process.argv.slice(2);
const { server, url } = await startServer(dist, 0);
const browser = await launch();
let code = 0;
try {
  const { page, errors } = await openPage(browser, url + query, { width: +w, height: +h, scale: +s });
  await page.waitForTimeout(+wait);
  await page.screenshot({ path: out });
  if (errors.length) console.log("console errors:\n" + errors.join("\n"));
  console.log(`saved ${out}`);
} catch (e) {
  console.error("screenshot failed: " + e.message);
  code = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(code);
