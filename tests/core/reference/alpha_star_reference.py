"""alpha* of Thm 8 at 50 significant digits (mpmath), for tests/core/test_bounds.cpp.

alpha* is the root in (0, 1/beta) of F(alpha) = H(theta) + rho H(alpha) - k theta KL(beta alpha || alpha)
(THEORY §3.1), found here by bisection on exact high-precision arithmetic, down to theta = 1e-300.
Run: python3 alpha_star_reference.py          prints the C++ table
     python3 alpha_star_reference.py --check  recomputes at 80 digits and compares
"""
import sys
from mpmath import mp, mpf, log, log1p

CASES = [  # theta, tau (= 1 - c), k, rho
    ("0.1", "0.5", 8, "0"),
    ("0.05", "0.5", 8, "0.01"),
    ("1e-3", "0.2", 4, "0"),
    ("1e-8", "0.5", 8, "0"),
    ("1e-15", "0.5", 8, "0"),
    ("1e-17", "0.5", 8, "0"),
    ("1e-30", "0.3", 2, "0"),
    ("1e-50", "0.5", 8, "0"),
    ("1e-100", "0.5", 8, "0"),
    ("1e-200", "0.5", 8, "0"),
    ("1e-300", "0.5", 8, "0"),
]


# log1p: 1 - p rounds to 1 at any fixed precision once p is tiny enough (theta = 1e-300).
def H(p):
    return -p * log(p) - (1 - p) * log1p(-p)


def KL(q, p):
    head = q * log(q / p) if q > 0 else mpf(0)
    tail = (1 - q) * (log1p(-q) - log1p(-p)) if q < 1 else mpf(0)
    return head + tail


def alpha_star(theta, tau, k, rho):
    theta, tau, rho = mpf(theta), mpf(tau), mpf(rho)
    beta = tau / theta
    F = lambda a: H(theta) + (rho * H(a) if rho > 0 else 0) - k * theta * KL(beta * a, a)
    lo, hi = mpf(0), 1 / beta
    assert F(hi) < 0, "no guarantee"
    for _ in range(mp.prec + 20):  # F(0+) > 0 > F(1/beta), one sign change (F concave)
        mid = (lo + hi) / 2
        if F(mid) > 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def table(dps):
    mp.dps = dps
    return [(c, alpha_star(*c)) for c in CASES]


if __name__ == "__main__":
    rows = table(50)
    if "--check" in sys.argv:
        worst = max(abs(a / b - 1) for (_, a), (_, b) in zip(rows, table(80)))
        print(f"largest relative change from 50 to 80 digits: {mp.nstr(worst, 3)}")
        sys.exit(0 if worst < 1e-40 else 1)
    for (theta, tau, k, rho), a in rows:
        print(f"    {{{theta}, {tau}, {k}, {rho}, {mp.nstr(a, 20)}}},")
