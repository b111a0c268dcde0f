// Builds dist/slingshot.html: the page as one self-contained file (style, page.js and the engine
// with its wasm embedded), with a Content-Security-Policy that allows exactly these inline parts.
// Usage: node web/inline.mjs web/index.html build/wasm/slingshot-single.js dist/slingshot.html
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";

const [indexPath, enginePath, outPath] = process.argv.slice(2);
if (!indexPath || !enginePath || !outPath) {
  console.error("usage: node inline.mjs INDEX_HTML SINGLE_FILE_JS OUT_HTML");
  process.exit(2);
}
const web = dirname(indexPath);
const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
// A literal "</script" inside a script would end it early.
const safe = (js) => js.replace(/<\/script/gi, "<\\/script");

const css = readFileSync(join(web, "style.css"), "utf8");
const scripts = ["window.SLINGSHOT_SINGLE_FILE = true;", readFileSync(join(web, "engine-pool.js"), "utf8"),
  readFileSync(join(web, "page.js"), "utf8"), readFileSync(enginePath, "utf8")].map(safe);

const csp = ["default-src 'none'", `script-src ${scripts.map(hash).join(" ")} 'wasm-unsafe-eval'`,
  `style-src ${hash(css)}`, "img-src data: blob:", "connect-src data: blob:", "worker-src blob:", "base-uri 'none'",
  "form-action 'none'"].join("; ");

let html = readFileSync(indexPath, "utf8");
const replaceOnce = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html has no ${from}`);
  html = html.replace(from, () => to);
};
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, "");
replaceOnce('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${csp}">`);
replaceOnce('<link rel="stylesheet" href="style.css">', `<style>${css}</style>`);
// The engine's script has an id: the worker pool reads its text to start workers from a Blob.
replaceOnce('<script src="engine-pool.js"></script>\n<script src="page.js"></script>', scripts
  .map((s, i) => (i === scripts.length - 1 ? `<script id="slingshot-engine">${s}</script>` : `<script>${s}</script>`))
  .join("\n"));
writeFileSync(outPath, html);
console.log(`wrote ${outPath} (${html.length} bytes)`);
