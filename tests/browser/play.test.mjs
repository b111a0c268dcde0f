// Play over model size N and record a clip: N moves along the view's range and the link keeps it,
// reduced motion keeps a link from playing by itself, and a recorded clip is a WebM file with frames.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useBrowser, openPage, frames } from "./harness.mjs";

const env = useBrowser();

const stateOf = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(window.location.search)));

test("playing moves N and the link says so; under reduced motion a playing link opens paused", async () => {
  const query = "?view=stimulus&n=1e10&play=on&speed=0.5";  // 7 decades to the end: 14 s
  const { page, errors } = await openPage(env.browser, env.base + query);
  await frames(page, 30);
  const playing = await stateOf(page);
  assert.equal(playing.play, "on");
  assert.ok(Number(playing.n) > 1e10, `N moved: ${playing.n}`);
  assert.deepEqual(errors, []);
  await page.context().close();

  const still = await openPage(env.browser, env.base + query, { reducedMotion: "reduce" });
  await frames(still.page, 30);
  const paused = await stateOf(still.page);
  assert.equal(paused.play, "paused");
  assert.equal(Number(paused.n), 1e10);
  await still.page.context().close();
});

// The EBML elements of a WebM file that matter here: each frame is a SimpleBlock in a Cluster
// (MediaRecorder writes the Segment and its Clusters with unknown sizes, so they are entered, not skipped).
function webmFrames(bytes) {
  let at = 0;
  const vint = (keepMarker) => {
    const first = bytes[at];
    let len = 1;
    while (len <= 8 && !(first & (0x80 >> (len - 1)))) len++;
    let v = keepMarker ? first : first & (0xff >> len);
    let unknown = (first & (0xff >> len)) === (0xff >> len);
    for (let i = 1; i < len; i++) {
      v = v * 256 + bytes[at + i];
      unknown = unknown && bytes[at + i] === 0xff;
    }
    at += len;
    return { v, unknown };
  };
  const SEGMENT = 0x18538067, CLUSTER = 0x1f43b675, TIMECODE = 0xe7, SIMPLE_BLOCK = 0xa3;
  let count = 0, clusterMs = 0, lastMs = 0;
  while (at < bytes.length) {
    const id = vint(true).v, size = vint(false);
    if (id === SEGMENT || id === CLUSTER) continue;  // enter
    if (id === TIMECODE) {
      clusterMs = 0;
      for (let i = 0; i < size.v; i++) clusterMs = clusterMs * 256 + bytes[at + i];
    } else if (id === SIMPLE_BLOCK) {
      const track = at;  // a one-byte track number, then the block's int16 offset from its cluster
      const offset = (bytes[track + 1] << 24 >> 16) | bytes[track + 2];
      lastMs = Math.max(lastMs, clusterMs + offset);
      count++;
    }
    at += size.v;
  }
  return { count, lastMs };
}

test("a recorded clip of two seconds of play is a WebM file with its frames", async () => {
  // Stimulus's range is 1e9 .. 1e17: 8 decades at 4 decades per second is two seconds.
  const { page, errors } = await openPage(env.browser, env.base + "?view=stimulus&speed=4");
  const [download, answer] = await Promise.all([
    page.waitForEvent("download", { timeout: 30000 }),
    page.evaluate(() => window.Slingshot.recordClip()),
  ]);
  assert.deepEqual(answer, { ok: true });
  assert.equal(download.suggestedFilename(), "slingshot-stimulus-clip.webm");
  const bytes = new Uint8Array(readFileSync(await download.path()));
  assert.deepEqual([...bytes.slice(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], "an EBML header");
  const text = Buffer.from(bytes.slice(0, 200)).toString("latin1");
  assert.ok(text.includes("webm"), "DocType webm");
  assert.ok(Buffer.from(bytes).toString("latin1").includes("V_VP"), "a VP8 or VP9 video track");
  const { count, lastMs } = webmFrames(bytes);
  // The clip has a frame for each frame the page drew (software GL on a loaded 2-core machine draws
  // 4-20 a second), and spans the play.
  assert.ok(count >= 4, `frames in the clip: ${count}`);
  assert.ok(lastMs >= 1000 && lastMs <= 8000, `the last frame at ${lastMs} ms`);
  assert.equal(await page.evaluate(() => window.Slingshot.recording()), false);
  const after = await stateOf(page);
  assert.equal(after.play, "paused");
  assert.equal(Number(after.n), 1e17);
  // A view with nothing to play says so.
  await page.evaluate(() => window.Slingshot.setState({ view: "curves" }));
  await frames(page, 3);
  const refused = await page.evaluate(() => window.Slingshot.recordClip());
  assert.match(refused.error, /nothing to play/);
  assert.deepEqual(errors, []);
});
