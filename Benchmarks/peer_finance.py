#!/usr/bin/env python3
"""Peer measurement for CorridorFinance, in the same run as corridor-finance-bench.

Runs NumPy (historical VaR/ES), arch 8.0 (GARCH(1,1)), optbinning 1.0 (binning) and scorecardpy
(German-credit scorecard) on the same files and the same exported split, reads the Swift figures
from WORK/swift.json and prints a Markdown report with each goal of issue 6 checked.

Usage: peer_finance.py DATA_DIR WORK_DIR   (run inside the venv Benchmarks/run creates)
"""
import json
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
data, work = sys.argv[1], sys.argv[2]
swift = json.load(open(os.path.join(work, "swift.json")))
rows = []


def check(name, ok, detail):
    rows.append((name, "PASS" if ok else "FAIL", detail))


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return sorted(times)[runs // 2]


# --- FX returns: the EUR value of one CNY, rates in [2016-01-01, 2025-12-31] only.
ecb = pd.read_csv(os.path.join(data, "finance/ecb_eurofxref_hist.csv"))
cny = ecb[["Date", "CNY"]]
cny = cny[cny["CNY"] != "N/A"].copy()
cny["CNY"] = cny["CNY"].astype(float)
cny = cny.sort_values("Date")
cny = cny[(cny["Date"] >= "2016-01-01") & (cny["Date"] <= "2025-12-31")]
value = 1.0 / cny["CNY"].to_numpy()
r = value[1:] / value[:-1] - 1
check("returns", len(r) == swift["fx"]["observations"], f"{len(r)} returns (Swift {swift['fx']['observations']})")
for level in ("0.99", "0.95"):
    q = np.quantile(r, 1 - float(level), method="lower")
    var, es = -q, -r[r <= q].mean()
    sv, se = swift["fx"]["historical"][level]
    check(f"historical VaR/ES {level} = NumPy to 1e-12", abs(var - sv) <= 1e-12 and abs(es - se) <= 1e-12,
          f"VaR {var:.17g} vs {sv:.17g} (Δ {abs(var - sv):.1e}); ES {es:.17g} vs {se:.17g} (Δ {abs(es - se):.1e})")

# --- GARCH(1,1) on returns x 100.
from arch import arch_model  # noqa: E402
import arch  # noqa: E402

for dist, key in (("normal", "normal"), ("t", "t")):
    model = arch_model(r * 100, dist=dist)
    res = model.fit(disp="off")
    seconds = median_time(lambda: arch_model(r * 100, dist=dist).fit(disp="off"), 11)
    s = swift["garch"][key]
    diffs = [abs(a - b) for a, b in zip(res.params.to_numpy(), s["params"])]
    check(f"GARCH {dist}: parameters within 1e-3 of arch {arch.__version__}", max(diffs) <= 1e-3,
          "arch " + ", ".join(f"{v:.6g}" for v in res.params.to_numpy()) + "; Swift " + ", ".join(f"{v:.6g}" for v in s["params"])
          + f"; max Δ {max(diffs):.1e}")
    check(f"GARCH {dist}: log-likelihood ≥ arch − 1e-6", s["loglik"] >= res.loglikelihood - 1e-6,
          f"Swift {s['loglik']:.10f} vs arch {res.loglikelihood:.10f}")
    check(f"GARCH {dist}: ≥ 5× faster than arch", seconds / s["seconds"] >= 5,
          f"arch {seconds * 1e3:.2f} ms, Swift {s['seconds'] * 1e3:.3f} ms median: {seconds / s['seconds']:.1f}×")

# --- Binning: breast_cancer mean radius.
from optbinning import OptimalBinning  # noqa: E402
import optbinning  # noqa: E402

bc = pd.read_csv(os.path.join(data, "finance/breast_cancer.csv"))
x, y = bc["mean radius"].to_numpy(), bc["target"].to_numpy()


def fit_optb():
    ob = OptimalBinning(name="mean radius", dtype="numerical", solver="cp")
    ob.fit(x, y)
    return ob


ob = fit_optb()
table = ob.binning_table.build()
iv = float(table.loc["Totals", "IV"])
seconds = median_time(fit_optb, 11)
sb = swift["binning"]
check(f"binning splits = optbinning {optbinning.__version__}",
      len(ob.splits) == len(sb["splits"]) and max(abs(a - b) for a, b in zip(ob.splits, sb["splits"])) < 1e-9,
      "optbinning " + ", ".join(f"{v:.6g}" for v in ob.splits) + "; Swift " + ", ".join(f"{v:.6g}" for v in sb["splits"]))
check("binning IV = 5.043925 to 1e-6", abs(sb["iv"] - 5.043925) <= 1e-6 and abs(sb["iv"] - iv) <= 1e-6,
      f"Swift {sb['iv']:.9f}, optbinning {iv:.9f}")
check("binning ≥ 10× faster than optbinning", seconds / sb["seconds"] >= 10,
      f"optbinning {seconds * 1e3:.2f} ms, Swift {sb['seconds'] * 1e3:.3f} ms median: {seconds / sb['seconds']:.0f}×")

# --- German credit: scorecardpy on the split Swift exported.
import scorecardpy as sc  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import roc_auc_score, roc_curve  # noqa: E402

train = pd.read_csv(os.path.join(work, "german_train.csv"))
test = pd.read_csv(os.path.join(work, "german_test.csv"))
for frame in (train, test):
    frame["creditability"] = (frame["creditability"] == "bad").astype(int)
t0 = time.perf_counter()
filtered = sc.var_filter(train, y="creditability")
bins = sc.woebin(filtered, y="creditability")
train_woe = sc.woebin_ply(filtered, bins)
test_woe = sc.woebin_ply(test[list(filtered.columns)], bins)
features = [c for c in train_woe.columns if c != "creditability"]
# scorecardpy's README model: L1 logistic regression, C = 0.9, liblinear.
lr = LogisticRegression(penalty="l1", C=0.9, solver="liblinear").fit(train_woe[features], train_woe["creditability"])
p = lr.predict_proba(test_woe[features])[:, 1]
peer_seconds = time.perf_counter() - t0
fpr, tpr, _ = roc_curve(test_woe["creditability"], p)
auc, ks = roc_auc_score(test_woe["creditability"], p), float(max(tpr - fpr))
s = swift["scorecard"]
check("German credit AUC ≥ scorecardpy − 0.005", s["auc"] >= auc - 0.005, f"Swift {s['auc']:.4f}, scorecardpy {auc:.4f}")
check("German credit KS ≥ scorecardpy − 0.01", s["ks"] >= ks - 0.01, f"Swift {s['ks']:.4f}, scorecardpy {ks:.4f}")
rows.append(("German credit training time", "info",
             f"Swift {s['seconds']:.3f} s (with 5-fold CV over 7 penalties), scorecardpy {peer_seconds:.2f} s; "
             f"{s['train_rows']} train / {s['test_rows']} test rows, {s['features']} features, L2 {s['l2']}"))

print("## Finance (issue 6): CorridorFinance vs NumPy, arch, optbinning, scorecardpy\n")
print(f"numpy {np.__version__}, arch {arch.__version__}, optbinning {optbinning.__version__}, scorecardpy {getattr(sc, '__version__', '?')}, pandas {pd.__version__}\n")
print("| check | result | figures |")
print("|---|---|---|")
for name, status, detail in rows:
    print(f"| {name} | {status} | {detail} |")
failed = [r for r in rows if r[1] == "FAIL"]
print(f"\n{len(rows) - len(failed)} of {len(rows)} rows pass" + (": FAILED " + "; ".join(r[0] for r in failed) if failed else ""))
sys.exit(1 if failed else 0)
