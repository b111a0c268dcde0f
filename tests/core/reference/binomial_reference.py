#!/usr/bin/python3
"""High-precision binomial tails and pmf values for tests/core/test_binomial.cpp.

Independent of the engine's method: for n <= 10^4 the tail is the exact sum of the pmf terms at 50
digits; above that, in a far tail (p more than 10 sd from the mode of the beta density), the sum of
the pmf terms outward from m by their ratio (they fall geometrically there); near the mean
P[Bin(n, p) >= m] = I_p(m, n - m + 1) integrated in t (not in logit t) with mpmath's tanh-sinh
quadrature at 50 digits over 64 panels within 60 sd of the mode. `--check` compares quadrature and
sums where both are cheap (they agree to 1e-27). The pmf is C(n, j) p^j (1-p)^(n-j) from log-gamma at 50 digits. p is the double
the C++ test passes (mpf of a float is exact). Debian's python3-mpmath; run: /usr/bin/python3 tests/core/reference/binomial_reference.py
"""
import mpmath
from mpmath import mpf

mpmath.mp.dps = 50


def log_beta_density(a, b):
    lb = mpmath.loggamma(a) + mpmath.loggamma(b) - mpmath.loggamma(a + b)
    return lambda t: (a - 1) * mpmath.log(t) + (b - 1) * mpmath.log1p(-t) - lb


def upper_tail(n, p, m):
    """P[X >= m] for X ~ Bin(n, p): the integral of the Beta(m, n - m + 1) density over [0, p]."""
    if m == 0:
        return mpf(1)
    if m > n:
        return mpf(0)
    if n <= 10**4:
        q = 1 - mpf(p)
        return mpmath.fsum(mpmath.binomial(n, j) * mpf(p) ** j * q ** (n - j) for j in range(m, n + 1))
    a, b, x = mpf(m), mpf(n - m + 1), mpf(p)
    mode = (a - 1) / (a + b - 2)
    sd = mpmath.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    if abs(x - mode) > 10 * sd:
        # A far tail: the pmf terms beyond m fall geometrically, so their sum is short and exact.
        return tail_by_recurrence(n, p, m)
    # Near the mean: the Beta(m, n - m + 1) density over [0, p], which lives within 60 sd of its mode.
    f = log_beta_density(a, b)
    lo = max(mpf(0), mode - 60 * sd)
    points = [lo + (x - lo) * i / 64 for i in range(65)]
    return mpmath.quad(lambda t: mpmath.exp(f(t)), points)


def pmf(n, p, j):
    n, j, p = mpf(n), mpf(j), mpf(p)
    lc = mpmath.loggamma(n + 1) - mpmath.loggamma(j + 1) - mpmath.loggamma(n - j + 1)
    return mpmath.exp(lc + j * mpmath.log(p) + (n - j) * mpmath.log1p(-p))


# (n, p, m): at the mean, a few sd above and below, and far tails down to about 1e-300.
TAILS = [
    (100, 0.1, 1), (100, 0.1, 10), (100, 0.1, 15), (100, 0.1, 40), (100, 0.1, 100), (100, 0.5, 50),
    (100, 0.001, 1), (100, 0.999, 100),
    (10**4, 0.1, 1001), (10**4, 0.1, 1100), (10**4, 0.1, 900), (10**4, 0.1, 2000), (10**4, 0.05, 1700),
    (10**4, 0.5, 5000), (10**4, 1e-4, 3),
    (10**8, 0.1, 10010000), (10**8, 0.1, 10000000), (10**8, 0.1, 9990000), (10**8, 0.1, 10030000),
    (10**8, 0.1, 10150000), (10**8, 0.1, 10600000), (10**8, 0.3, 30000000), (10**8, 1e-6, 120),
    (10**12, 0.1, 10**11), (10**12, 0.1, 10**11 + 300000), (10**12, 0.1, 10**11 - 300000),
    (10**12, 0.1, 10**11 + 3000000), (10**12, 0.1, 10**11 + 11000000), (10**12, 0.1, 10**11 + 16000000),
    (10**12, 0.5, 5 * 10**11), (10**12, 1e-9, 1000),
]
PMFS = [(100, 0.1, 10), (10**4, 0.1, 1000), (10**8, 0.1, 10**7), (10**8, 0.1, 10**7 + 40000),
        (10**12, 0.1, 10**11), (10**12, 0.1, 10**11 + 2000000), (800000, 1e-3, 800)]

def tail_by_recurrence(n, p, m, cutoff=mpf("1e-30")):
    """A second method for n > 10^4: sum the pmf outward from m by its term ratio until terms stop counting."""
    p = mpf(p)
    q = 1 - p
    mean = n * p
    up = m > mean
    j = m if up else m - 1
    term = pmf(n, p, j)
    total = mpf(0)
    while term > cutoff * total or total == 0:
        total += term
        if up:
            term *= (n - j) * p / ((j + 1) * q)
            j += 1
        else:
            term *= j * q / ((n - j + 1) * p)
            j -= 1
        if j < 0 or j > n:
            break
    return total if up else 1 - total


def check(limit_sd=2 * 10**4):
    """Quadrature against the term sums near the mean, where the sums are still short enough."""
    for n, p, m in TAILS:
        sd = float(mpmath.sqrt(n * p * (1 - p)))
        if n <= 10**4 or sd > limit_sd:
            continue
        a, b = upper_tail(n, p, m), tail_by_recurrence(n, p, m)
        print(n, p, m, mpmath.nstr(a, 17), mpmath.nstr(abs(a - b) / b, 3))


if __name__ == "__main__" and "--check" in __import__("sys").argv:
    check()
elif __name__ == "__main__":
    for n, p, m in TAILS:
        v = upper_tail(n, p, m)
        text = mpmath.nstr(v, 17, min_fixed=0, max_fixed=0)
        # Below the doubles' range: the test checks for underflow, the value stays as a comment.
        print("    {%d, %r, %d, %s}," % (n, p, m, text if v > mpf("1e-300") else "0.0 /* %s */" % text))
    print()
    for n, p, j in PMFS:
        print("    {%d, %r, %d, %s}," % (n, p, j, mpmath.nstr(pmf(n, p, j), 17, min_fixed=0, max_fixed=0)))
