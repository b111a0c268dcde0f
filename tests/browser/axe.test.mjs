// axe-core (npm) on the page with every view shown in turn, in the dark theme, and on embeds: no
// violations of the WCAG 2.1 A and AA rules or axe's best practices. The canvas
// itself is opaque to axe; what it checks is the page around it: the skip link, the live regions,
// the data tables, the loader, the notices and the document's language, title and landmarks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { useBrowser } from "./harness.mjs";

const env = useBrowser();
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const VIEWS = ["overview", "scaling", "graph", "competence", "curves", "tightness", "emergence", "stimulus"];

// axe is injected as a test tool; the page's own policy only allows its own scripts.
async function axeViolations(page, url) {
  await page.goto(url);
  await page.evaluate(() => window.Slingshot.ready);
  await page.waitForFunction(() => !window.Slingshot.busy(), null, { timeout: 120000, polling: 100 });
  await page.waitForFunction(() => document.getElementById("figure-description").textContent.length > 0, null,
                             { timeout: 60000, polling: 100 });
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

const RUNS = [
  ["page", VIEWS.map((v) => `?view=${v}`), { width: 1280, height: 800 }],
  ["page, dark theme", ["?view=overview&theme=dark", "?view=emergence&theme=dark"], { width: 1280, height: 800 }],
  ["embed at 360 px", ["?view=curves&embed=1", "?view=emergence&embed=1&autoheight=1"], { width: 360, height: 640 }],
];

for (const [name, queries, viewport] of RUNS) {
  test(`axe-core: no violations on the ${name}`, async () => {
    const context = await env.browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    for (const q of queries) assert.deepEqual(await axeViolations(page, env.base + q), [], q);
    await context.close();
  });
}
