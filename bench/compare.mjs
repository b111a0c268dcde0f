// Joins the JSON lines of bench_simulation (native and wasm under node) and bench/reference_numpy.py
// into one table, and times W2 as whole processes (native binary against the numpy script).
//   node bench/compare.mjs NATIVE.jsonl WASM.jsonl NUMPY.jsonl [--w2-process NATIVE_BIN NUMPY_SCRIPT CLI [RUNS]]
// W2 as a process is timed three ways: bench_simulation keeping the graph (as the page does),
// `slingshot-cli simulate` (which streams the graph: no slot array), and the numpy script.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";

const args = process.argv.slice(2);
if (args.length < 3) {
  console.error("usage: node bench/compare.mjs NATIVE.jsonl WASM.jsonl NUMPY.jsonl [--w2-process NATIVE_BIN NUMPY_SCRIPT CLI [RUNS]]");
  process.exit(2);
}

const middle = (values) => {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

// One row per workload and size; a file holding several rounds gives the median of their medians
// (`rounds` says how many).
function readLines(path) {
  const rounds = new Map();
  const extra = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    const row = JSON.parse(line);
    if (row.workload && row.median_ms !== undefined) {
      const key = `${row.workload} ${row.n2} ${row.k}`;
      if (!rounds.has(key)) rounds.set(key, []);
      rounds.get(key).push(row);
    } else extra.push(row);
  }
  const rows = new Map();
  for (const [key, list] of rounds)
    rows.set(key, { ...list[0], median_ms: middle(list.map((r) => r.median_ms)),
                    min_ms: Math.min(...list.map((r) => r.min_ms)), rounds: list.length });
  return { rows, extra };
}

const [native, wasm, numpy] = args.slice(0, 3).map(readLines);
const fmt = (ms) => (ms === undefined ? "-" : ms >= 100 ? ms.toFixed(0) : ms.toFixed(ms >= 10 ? 1 : 2));
const ratio = (a, b) => (a === undefined || b === undefined ? "-" : (a / b).toFixed(a / b >= 10 ? 0 : 2));
const sci = (n) => n.toExponential().replace("+", "");

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

const table = [];
for (const [key, n] of native.rows) {
  const w = wasm.rows.get(key)?.median_ms;
  const p = numpy.rows.get(key)?.median_ms;
  const wasmFastest = wasm.rows.get(key)?.min_ms;
  table.push([n.workload, `N2=${sci(n.n2)} k=${n.k}`, fmt(n.median_ms), fmt(w), fmt(p), ratio(w, n.median_ms),
              ratio(wasmFastest, n.min_ms), ratio(p, n.median_ms)]);
}
const roundsOf = (side) => Math.max(...[...side.rows.values()].map((r) => r.rounds));
console.log(`\nMedians in ms (bench_simulation native and wasm under node, median of ${roundsOf(native)} and ` +
            `${roundsOf(wasm)} rounds; bench/reference_numpy.py, ${roundsOf(numpy)} round):`);
// The fastest single runs of each side as well: on a machine whose speed drifts, the least disturbed
// runs are the steadier estimate of the ratio.
printTable(["workload", "size", "native", "wasm", "numpy", "wasm/native", "fastest runs", "numpy/native"], table);
const peaks = new Map();
for (const row of native.extra.filter((r) => r.peak_rss_mb !== undefined))
  peaks.set(row.what, Math.max(peaks.get(row.what) ?? 0, row.peak_rss_mb));
for (const [what, mb] of peaks) console.log(`native ${what}: ${mb} MB (largest of the rounds)`);

// Whole processes: start, sample the graph, random Y, competence curve, exit; wall time per run.
const at = args.indexOf("--w2-process");
if (at >= 0) {
  const [bin, script, cli, runsText] = args.slice(at + 1);
  const runs = Number(runsText ?? 5);
  const wall = (cmd, cmdArgs) => {
    const times = [];
    for (let r = 0; r < runs; ++r) {
      const t = process.hrtime.bigint();
      const res = spawnSync(cmd, cmdArgs, { encoding: "utf8" });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (res.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(" ")} failed: ${res.stderr}`);
      times.push(ms);
    }
    return middle(times);
  };
  const rows = [];
  for (const [n2, k] of [["1e6", "8"], ["1e7", "8"]]) {
    const n = wall(bin, ["--w2-process", n2, k]);
    const c = wall(cli, ["simulate", "--n1", "10000", "--n2", n2, "--k", k, "--theta", "0.1", "--c", "0.8",
                         "--seed", "20231106", "--format", "json"]);
    const p = wall("/usr/bin/python3", [script, "--w2-process", n2, k]);
    rows.push(["W2 process", `N2=${n2} k=${k}`, fmt(n), fmt(c), fmt(p), ratio(p, n), ratio(p, c)]);
  }
  console.log(`\nW2 as a whole process (start, sample graph, random Y, curve, exit), median wall time of ${runs} runs in ms`);
  console.log("(kept: bench_simulation --w2-process, slot array in memory; cli: slingshot-cli simulate, graph streamed):");
  printTable(["workload", "size", "kept", "cli", "numpy", "numpy/kept", "numpy/cli"], rows);
}
console.log(`\nload average (1, 5, 15 min): ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
