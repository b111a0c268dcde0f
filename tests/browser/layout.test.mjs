// Phones, embeds and labels, as the page reports its own last frame (Slingshot.layoutReport()): every
// view and every embed at 360 x 640 and 390 x 844 with devicePixelRatio 3 uses the compact layout
// (full page) and cuts no text at a clip edge; at three sizes no shown line label overlaps another
// or the legend. Screenshots of each go to build/test-artifacts/layout-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, openPage, artifact, frames } from "./harness.mjs";

const env = useBrowser();
const VIEWS = ["overview", "scaling", "graph", "competence", "curves", "tightness", "emergence", "stimulus"];

async function settledReport(page, url) {
  await page.goto(url);
  await page.evaluate(() => window.Slingshot.ready);
  await page.waitForFunction(() => !window.Slingshot.busy(), null, { timeout: 120000, polling: 100 });
  // Two more frames: the finished numbers drawn, and a legend placed from the drawn entries.
  await frames(page, 3);
  return page.evaluate(() => window.Slingshot.layoutReport());
}

function intersects(a, b) {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

function labelOverlaps(report) {
  const found = [];
  for (const plot of report.plots) {
    const shown = plot.labels.filter((l) => !l.dropped);
    shown.forEach((l, i) => {
      if (plot.legend && intersects(l.rect, plot.legend)) found.push(`${plot.id}: "${l.text}" on the legend`);
      for (const m of shown.slice(i + 1))
        if (intersects(l.rect, m.rect)) found.push(`${plot.id}: "${l.text}" on "${m.text}"`);
    });
  }
  return found;
}

const clippedList = (report) => report.clipped.map((c) => `${c.window}: "${c.text}" (${c.edges.join(", ")})`);

for (const [width, height] of [[360, 640], [390, 844]]) {
  test(`every view at ${width} x ${height} @3: compact, no text cut, labels clear`, async () => {
    const { page, context, errors } = await openPage(env.browser, env.base + "?view=overview", { width, height, scale: 3 });
    for (const view of VIEWS) {
      const report = await settledReport(page, `${env.base}?view=${view}`);
      assert.equal(report.compact, true, `${view}: compact layout`);
      assert.equal(report.width, width);
      assert.deepEqual(clippedList(report), [], `${view} at ${width}: no text cut`);
      assert.deepEqual(labelOverlaps(report), [], `${view} at ${width}: labels clear`);
      await page.screenshot({ path: artifact(`layout-${view}-${width}x${height}@3.png`) });
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`every view's embed at ${width} x ${height} @3: no text cut, labels clear`, async () => {
    const { page, context, errors } = await openPage(env.browser, env.base + "?view=overview&embed=1", { width, height, scale: 3 });
    for (const view of VIEWS) {
      const report = await settledReport(page, `${env.base}?view=${view}&embed=1`);
      assert.equal(report.embed, true);
      assert.ok(report.plots.length <= 1, `${view}: an embed shows one plot`);
      assert.deepEqual(clippedList(report), [], `${view} embed at ${width}: no text cut`);
      assert.deepEqual(labelOverlaps(report), [], `${view} embed at ${width}: labels clear`);
      await page.screenshot({ path: artifact(`layout-embed-${view}-${width}x${height}@3.png`) });
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("on a touch screen at 390 x 844 @3: controls at least 40 px tall, no text cut", async () => {
  const { page, context, errors } = await openPage(env.browser, env.base + "?view=overview&panel=open",
                                                   { width: 390, height: 844, scale: 3, touch: true });
  for (const view of VIEWS) {
    const report = await settledReport(page, `${env.base}?view=${view}&panel=open`);
    assert.ok(report.frame_height >= 40, `${view}: frames ${report.frame_height} px tall`);
    assert.deepEqual(clippedList(report), [], `${view} on touch: no text cut`);
    await page.screenshot({ path: artifact(`layout-touch-${view}-390x844@3.png`) });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("labels clear at 1280 x 800 and in a 360 x 300 embed", async () => {
  for (const [width, height, scale, embed] of [[1280, 800, 1, ""], [360, 300, 3, "&embed=1"]]) {
    const { page, context, errors } = await openPage(env.browser, env.base + "?view=overview" + embed, { width, height, scale });
    for (const view of VIEWS) {
      const report = await settledReport(page, `${env.base}?view=${view}${embed}`);
      assert.equal(report.compact, false, `${view} at ${width}: the wide layout (embeds have their own)`);
      assert.deepEqual(labelOverlaps(report), [], `${view} at ${width}${embed}: labels clear`);
      assert.deepEqual(clippedList(report), [], `${view} at ${width}${embed}: no text cut`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("layoutReport names each shown plot's rectangles", async () => {
  const { page, context } = await openPage(env.browser, env.base + "?view=curves");
  const report = await settledReport(page, env.base + "?view=curves");
  assert.ok(report.plots.length >= 1);
  for (const p of report.plots) {
    assert.ok(p.frame[0] <= p.data[0] && p.data[2] <= p.frame[2], `${p.id}: data area inside its frame`);
    assert.ok(Array.isArray(p.labels));
  }
  await context.close();
});
