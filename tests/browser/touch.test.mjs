// Touch: a finger drags sliders and pans plots (SDL turns touches into ImGui mouse input), and
// the canvas keeps the host page from scrolling under the finger (touch-action: none).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, touchDrag, artifact, frames } from "./harness.mjs";

const env = useBrowser();

// Positions at 1280x800, scale 1 (the layout is deterministic: our fonts, our sizes): the x of the
// Curves view's θ slider at θ = 0.1, and the middle of its left plot. On a touch screen the controls
// are taller, so the slider's row is found where Tab's focus ring lands on it (the first control
// there that takes a typed value).
const THETA_SLIDER_X = 252;
const FAMILY_PLOT = { x: 600, y: 350 };

async function thetaSliderRow(page) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    await frames(page, 3);
    const focus = (await page.evaluate(() => window.Slingshot.layoutReport())).focus;
    if (focus && focus.window.includes("controls") && focus.active) {
      await page.keyboard.press("Escape");  // leave the typed-value mode; the finger does the rest
      await page.waitForTimeout(100);
      return (focus.rect[1] + focus.rect[3]) / 2;
    }
  }
  throw new Error("Tab did not reach the θ slider");
}

test("touch: dragging the θ slider changes θ and the link", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?view=curves", { touch: true });
  const before = await page.evaluate(() => window.Slingshot.getState().theta);
  assert.equal(before, 0.1);
  const y = await thetaSliderRow(page);
  assert.ok((await page.evaluate(() => window.Slingshot.layoutReport())).frame_height >= 40, "finger-sized controls");
  await touchDrag(page, { x: THETA_SLIDER_X, y }, { x: THETA_SLIDER_X - 120, y });
  await page.waitForTimeout(200);
  const after = await page.evaluate(() => window.Slingshot.getState().theta);
  assert.ok(after < before, `θ after the drag: ${after}`);
  const url = new URL(page.url());
  assert.equal(Number(url.searchParams.get("theta")), after);
  assert.deepEqual(errors, []);
  await context.close();
});

test("touch: dragging inside a plot pans it", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?view=curves&certificate=off", { touch: true });
  const clip = { x: 380, y: 100, width: 420, height: 560 };
  const shot0 = await page.screenshot({ clip });
  await touchDrag(page, FAMILY_PLOT, { x: FAMILY_PLOT.x + 150, y: FAMILY_PLOT.y - 100 });
  await page.waitForTimeout(200);
  const shot1 = await page.screenshot({ clip, path: artifact("touch-panned.png") });
  assert.notDeepEqual(shot1, shot0, "the plot did not move");
  // Panning is a view change only: the parameters are untouched.
  assert.equal(await page.evaluate(() => window.Slingshot.getState().theta), 0.1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("touch: a finger on an embed does not scroll the host page; beside it, it does", async () => {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 500 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(env.base + "embed-example.html");
  const frame = await (async () => {
    for (let i = 0; i < 100; i++) {
      const f = page.frames().find((fr) => fr.url().includes("view=emergence"));
      if (f) return f;
      await page.waitForTimeout(100);
    }
    return null;
  })();
  assert.ok(frame);
  await frame.waitForFunction(() => window.Slingshot !== undefined);
  await frame.evaluate(() => window.Slingshot.ready);
  const box = await (await page.$("iframe")).boundingBox();
  await page.evaluate(() => window.scrollTo(0, 0));
  const inside = { x: box.x + box.width / 2, y: Math.min(box.y + box.height / 2, 450) };
  await touchDrag(page, inside, { x: inside.x, y: inside.y - 200 });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.scrollY), 0, "the host page scrolled under a finger on the canvas");
  assert.equal(await frame.evaluate(() => getComputedStyle(document.getElementById("canvas")).touchAction), "none");
  // The same gesture on the host's own text scrolls it: the check above is not vacuous.
  await touchDrag(page, { x: 400, y: 60 }, { x: 400, y: 20 }, 6);
  await page.waitForTimeout(300);
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 0, "a drag on the host text should scroll the host");
  await context.close();
});
