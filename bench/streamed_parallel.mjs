// A streamed simulation (W2 streamed: random Y, per-skill competence, no slots kept) on 1 and 2
// threads and on 1 and 2 MPI ranks, in one run, with the speed-up and efficiency against one thread,
// the throughput per core, and what 2e11 pieces (a 2e13-token corpus at 100 tokens a piece) would cost
// in core-hours at k = 8 and 32. Every run must print the same slots hash. A benchmark, not a test.
// Usage: node bench/streamed_parallel.mjs [BUILD_DIR] [N2]   (default build/native, 1e8)
import { execFileSync } from "node:child_process";
import os from "node:os";

const build = process.argv[2] ?? "build/native";
const n2 = Number(process.argv[3] ?? 1e8);
const runs = 3;
const cli = `${build}/slingshot-cli`, cliMpi = `${build}/slingshot-cli-mpi`;
const env = { ...process.env, OMPI_ALLOW_RUN_AS_ROOT: "1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM: "1" };

// Wall time of the whole process and the answer's own elapsed_ms (the work, without start-up).
function once(command, args) {
  const t0 = process.hrtime.bigint();
  const out = execFileSync(command, args, { env, maxBuffer: 1 << 26 }).toString();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const answer = JSON.parse(out);
  return { wall, work: answer.elapsed_ms, hash: answer.slots_hash };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(label, cores, command, args) {
  const r = [];
  for (let i = 0; i < runs; ++i) r.push(once(command, args));
  const hashes = new Set(r.map((x) => x.hash));
  if (hashes.size !== 1) throw new Error(`${label}: the runs gave different hashes`);
  return { label, cores, wall: median(r.map((x) => x.wall)), work: median(r.map((x) => x.work)), hash: r[0].hash };
}

const sim = (k, pieces, n1 = 1000) =>
  ["simulate", "--n1", String(n1), "--n2", String(pieces), "--k", String(k), "--theta", "0.1"];
const rows = [
  measure("1 thread", 1, cli, [...sim(8, n2), "--threads", "1"]),
  measure("2 threads", 2, cli, [...sim(8, n2), "--threads", "2"]),
  measure("1 rank", 1, "mpirun", ["-n", "1", cliMpi, ...sim(8, n2), "--threads", "1"]),
  measure("2 ranks", 2, "mpirun", ["--oversubscribe", "-n", "2", cliMpi, ...sim(8, n2), "--threads", "1"]),
];
const hashes = new Set(rows.map((r) => r.hash));
if (hashes.size !== 1) throw new Error("threads and ranks gave different hashes");
// One thread's throughput for the corpus estimate, at 1e3 and 1e6 skills (per-skill counters in L1
// cache, or 8 MB of them in L2/L3) and k = 8 and 32, on N2 / 5 pieces each.
const rates = [];
for (const n1 of [1000, 1000000])
  for (const k of [8, 32]) {
    const r = measure(`N1 = ${n1}, k = ${k}`, 1, cli, [...sim(k, n2 / 5, n1), "--threads", "1"]);
    rates.push({ n1, k, rate: (n2 / 5) / (r.work / 1000) });
  }

console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0].model}), load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
console.log(`streamed simulate, N1 = 1000, N2 = ${n2.toExponential(0)}, k = 8, theta = 0.1, random Y; median of ${runs}`);
console.log("| run | cores | work (ms) | process (ms) | speed-up | efficiency | pieces / s / core |");
console.log("|---|---|---|---|---|---|---|");
const base = rows[0].work;
for (const r of rows) {
  const speedup = base / r.work;
  console.log(`| ${r.label} | ${r.cores} | ${r.work.toFixed(0)} | ${r.wall.toFixed(0)} | ${speedup.toFixed(2)} | ` +
    `${(speedup / r.cores).toFixed(2)} | ${(n2 / (r.work / 1000) / r.cores).toExponential(3)} |`);
}
const corpus = 2e11;
console.log(`\none thread on N2 = ${(n2 / 5).toExponential(0)}, and 2e11 pieces at that rate`);
console.log("| N1 | k | pieces / s / core | slots / s / core | core-hours for 2e11 pieces |");
console.log("|---|---|---|---|---|");
for (const { n1, k, rate } of rates)
  console.log(`| ${n1} | ${k} | ${rate.toExponential(3)} | ${(rate * k).toExponential(3)} | ${(corpus / rate / 3600).toFixed(1)} |`);
console.log(`slots hash of every run: ${[...hashes][0]}`);
