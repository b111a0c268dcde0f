// Determinism across front doors: the same request answered by the native engine and by the
// WebAssembly engine under node must agree exactly on every integer (counts, sizes, the slots
// hash) and every string, and to 1e-12 relative on floating-point fields. Timings are skipped.
//
//   node --test tests/determinism/compare.mjs
//   SLINGSHOT_NATIVE_RUN=build/native/run_query SLINGSHOT_WASM_RUN=build/wasm/run_query.js node --test ...
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nativeRun = process.env.SLINGSHOT_NATIVE_RUN || path.join(root, 'build/native/run_query');
const wasmRun = process.env.SLINGSHOT_WASM_RUN || path.join(root, 'build/wasm/run_query.js');
const REL = 1e-12;
const SKIP = new Set(['elapsed_ms']);

// Simulations: different N1 (narrow and wide skill ids), N2, k, measure, failure mode, tuples and
// seeds; then the theory commands, whose answers are pure floating-point arithmetic.
export const cases = [
  ['simulate', { n1: 1000, n2: 100000, k: 8, theta: 0.1, seed: 1 }],
  ['simulate', { n1: 65536, n2: 200000, k: 3, theta: 0.25, measure: 'zipf', 'zipf-s': 1.1,
                 failure: 'independent', seed: 42 }],
  ['simulate', { n1: 70000, n2: 50000, k: 32, theta: 0.2, c: 0.9, failure: 'adversarial', seed: 7 }],
  ['simulate', { n1: 500, n2: 20000, k: 4, theta: 0.05, kprime: 2, tuples: 't2', seed: 9007199254740992 }],
  ['simulate', { n1: 300, n2: 30000, k: 5, theta: 0.3, kprime: 3, tuples: 's', measure: 'zipf', 'zipf-s': 0.5,
                 failure: 'adversarial', seed: 123456789 }],
  ['simulate', { n1: 1, n2: 1, k: 1, theta: 1, c: 0, grid: 1, seed: 0 }],
  ['simulate', { n1: 2000, n2: 70000, k: 2, theta: 0.5, kprime: 2, 't2-pieces': 5000, failure: 'independent',
                 seed: 2024 }],
  ['simulate', { n1: 65175, n2: 300000, k: 8, theta: 0.1, seed: 31 }],  // wasm's vector bound; 24 rejected words
  // Several blocks of 2^20 pieces: streamed with the exact failure count split by hypergeometric draws,
  // and kept (tuples) with independent failures.
  ['simulate', { n1: 3000, n2: 2500000, k: 3, theta: 0.3, measure: 'zipf', 'zipf-s': 1.0, seed: 77 }],
  ['simulate', { n1: 800, n2: 2200000, k: 2, theta: 0.2, failure: 'independent', kprime: 2, 't2-pieces': 5000,
                 seed: 5 }],
  ['scaling', { n: 7e10, d: 1.4e12 }],
  ['scaling', { compute: 1e23, preset: 'besiroglu2024', 'theta-map': 'pinsker' }],
  ['bound', { theta: 0.1, k: 8, kprime: 2, tuples: 't2exact', rho: 0.01, points: 64 }],
  ['adversary', { theta: 0.2, tau: 0.3, k: 8, degree: 200 }],
  ['emergence', { kprime: '1,2,4', points: 50, zipf: 1.1, n1: 100000, rank: '1,100,10000' }],
  ['stimulus', { n1: 10000, k: 8, kprime: 3, ntrain: 1e9, theta: 0.1, c: 0.7, tuples: 'p' }],
];

function nativeAnswer(command, args) {
  return JSON.parse(execFileSync(nativeRun, [command, JSON.stringify(args)], { encoding: 'utf8' }));
}

function wasmAnswer(command, args) {
  return JSON.parse(execFileSync(process.execPath, ['--no-experimental-fetch', wasmRun, command, JSON.stringify(args)],
                                 { encoding: 'utf8' }));
}

// Every difference as "path: native vs wasm"; integers and strings exact, floats to REL.
function differences(a, b, where = '$', out = []) {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    out.push(`${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)} (types differ)`);
  } else if (Array.isArray(a)) {
    if (a.length !== b.length) out.push(`${where}: length ${a.length} vs ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${where}[${i}]`, out);
  } else if (a !== null && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (SKIP.has(key)) continue;
      if (!(key in a) || !(key in b)) out.push(`${where}.${key}: present in only one answer`);
      else differences(a[key], b[key], `${where}.${key}`, out);
    }
  } else if (typeof a === 'number' && !(Number.isInteger(a) && Number.isInteger(b))) {
    const scale = Math.max(Math.abs(a), Math.abs(b));
    if (Math.abs(a - b) > REL * scale) out.push(`${where}: ${a} vs ${b} (relative ${Math.abs(a - b) / scale})`);
  } else if (a !== b) {
    out.push(`${where}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
  return out;
}

const ready = existsSync(nativeRun) && existsSync(wasmRun);

for (const [command, args] of cases) {
  test(`native = wasm: ${command} ${JSON.stringify(args)}`, () => {
    assert.ok(ready, `needs ${nativeRun} and ${wasmRun} (./build-wasm.sh build)`);
    const native = nativeAnswer(command, args);
    const wasm = wasmAnswer(command, args);
    assert.equal(native.error, undefined, `native refused: ${native.error}`);
    if (command === 'simulate') assert.match(native.slots_hash, /^0x[0-9a-f]{16}$/);
    assert.deepEqual(differences(native, wasm), []);
  });
}
