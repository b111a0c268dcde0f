#!/usr/bin/python3
"""The simulation workloads of bench_simulation.cpp done in numpy, the way a researcher would.

Vectorised throughout (no Python loop over pieces or slots); numpy's Generator (PCG64). The numbers
drawn differ from the engine's (other generator), the work is the same:
  W1  uniform skill graph: N2 x k slots, degrees by bincount
  W2  random Y with exactly round(theta N2) pieces, failed edges per skill, competence, the curve
      "fraction of skills with competence >= c" on a 101-point grid (graph sampled beforehand)
  W3  whole job: graph, random Y, all co-occurring pairs of distinct skills inside each piece as pair
      codes, np.unique counts of all codes and of the failed pieces' codes, the pair competence curve
  W4  Zipf(1.0) graph through Generator.choice with p (a CDF and a binary search per slot), degrees

Usage (Debian's python3 has numpy; run it as /usr/bin/python3):
  reference_numpy.py [--quick]          one JSON line per workload, medians of several runs
  reference_numpy.py --w2-process N2 K  one W2 as a whole process would do it (import numpy, sample
                                        the graph, random Y, curve): for timing the process from outside
"""
import json
import sys
import time

import numpy as np

N1 = 10000
THETA = 0.1
C = 0.8
GRID = np.linspace(0.0, 1.0, 101)
SEED = 20231106


def sample_uniform(rng, n2, k):
    slots = rng.integers(0, N1, size=(n2, k), dtype=np.uint16)
    degree = np.bincount(slots.ravel(), minlength=N1)
    return slots, degree


def random_failures(rng, n2):
    m = int(round(THETA * n2))
    return rng.choice(n2, size=m, replace=False)


def curve(competence):
    """Fraction of items with competence >= c at every grid point."""
    ordered = np.sort(competence)
    return 1.0 - np.searchsorted(ordered, GRID, side="left") / len(ordered)


def skill_curve(slots, degree, failed_pieces):
    failed_edges = np.bincount(slots[failed_pieces].ravel(), minlength=N1)
    has_edges = degree > 0
    competence = 1.0 - failed_edges[has_edges] / degree[has_edges]
    return curve(competence)


def w1(rng, n2, k):
    slots, degree = sample_uniform(rng, n2, k)
    return int(degree.sum())


def w2(rng, slots, degree):
    y = random_failures(rng, slots.shape[0])
    return float(skill_curve(slots, degree, y)[int(round(C * 100))])


def w3(rng, n2, k):
    slots, degree = sample_uniform(rng, n2, k)
    y = random_failures(rng, n2)
    failed = np.zeros(n2, dtype=bool)
    failed[y] = True
    skill_curve(slots, degree, y)
    s = slots.astype(np.int64)
    a, b = np.triu_indices(k, 1)
    lo = np.minimum(s[:, a], s[:, b])
    hi = np.maximum(s[:, a], s[:, b])
    distinct = lo != hi
    codes = (lo * N1 + hi)[distinct]
    piece_failed = np.broadcast_to(failed[:, None], lo.shape)[distinct]
    pairs, degree_pairs = np.unique(codes, return_counts=True)
    failed_codes, failed_counts = np.unique(codes[piece_failed], return_counts=True)
    failed_pairs = np.zeros_like(degree_pairs)
    failed_pairs[np.searchsorted(pairs, failed_codes)] = failed_counts
    pair_curve = curve(1.0 - failed_pairs / degree_pairs)
    return float(1.0 - pair_curve[int(round(C * 100))])


def w4(rng, n2, k):
    weights = 1.0 / np.arange(1, N1 + 1, dtype=np.float64)
    slots = rng.choice(N1, size=(n2, k), p=weights / weights.sum()).astype(np.uint16)
    degree = np.bincount(slots.ravel(), minlength=N1)
    return int(degree[0])


def median_ms(run, runs):
    times = []
    result = None
    for _ in range(runs):
        t = time.perf_counter()
        result = run()
        times.append(1000.0 * (time.perf_counter() - t))
    return float(np.median(times)), min(times), result


def report(workload, what, n2, k, runs, run):
    med, low, result = median_ms(run, runs)
    print(json.dumps({"bench": "numpy", "workload": workload, "what": what, "n1": N1, "n2": n2, "k": k,
                      "runs": runs, "median_ms": round(med, 2), "min_ms": round(low, 2),
                      "result": result}), flush=True)


def main(argv):
    if len(argv) == 4 and argv[1] == "--w2-process":
        n2, k = int(float(argv[2])), int(argv[3])
        rng = np.random.default_rng(SEED)
        slots, degree = sample_uniform(rng, n2, k)
        print(json.dumps({"w2_process": True, "n2": n2, "k": k, "frac_competent_0.8": w2(rng, slots, degree)}))
        return 0
    quick = len(argv) > 1 and argv[1] == "--quick"
    runs = 1 if quick else 5
    big = 1000000 if quick else 10000000
    rng = np.random.default_rng(SEED)
    report("W1", "sample graph (slots, degrees)", 1000000, 4, runs, lambda: w1(rng, 1000000, 4))
    report("W1", "sample graph (slots, degrees)", big, 8, runs, lambda: w1(rng, big, 8))
    for n2 in (1000000, big):
        slots, degree = sample_uniform(rng, n2, 8)
        report("W2", "random Y (theta 0.1) + per-skill competence curve", n2, 8, runs,
               lambda: w2(rng, slots, degree))
        del slots, degree
    report("W4", "Zipf(1.0) graph (choice with p, degrees)", 1000000, 8, runs, lambda: w4(rng, 1000000, 8))
    report("W3", "all co-occurring pairs, whole job (graph, Y, np.unique)", 1000000, 4, runs,
           lambda: w3(rng, 1000000, 4))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
