"""Inter-annotator agreement from data/labels/double.csv and scrutiny_reread.csv (run from the repository root with python3).

For each group of second-read sentences (round 1: readers 1-6 reading each other's batches; round 3: readers 15 and
16 reading the uncertainty- and theme-targeted round-3 draw), prints per theme the F1 between the two readers
(first reader's labels as reference; F1 is symmetric), macro F1, stance raw agreement and Cohen's kappa, and the
stance confusion matrix. These figures are written up in AGREEMENT.md.
"""
import csv, os
from collections import Counter

THEMES = ["leadership", "scrutiny", "corporate_parenting", "partnerships", "performance_management", "workforce",
          "voice_of_child", "sufficiency"]
STANCES = ["positive", "negative", "mixed", "neutral"]


def group(row):
    return "round 3" if row["second_annotator"] in ("annotator-15", "annotator-16") else "round 1"


def report(name, rows):
    print(f"## {name}: {len(rows)} sentences read twice")
    f1s = []
    print("| theme | first reader | second reader | both | F1 |")
    print("|---|---|---|---|---|")
    for t in THEMES:
        a = [t in r["first_themes"].split(";") for r in rows]
        b = [t in r["second_themes"].split(";") for r in rows]
        both = sum(x and y for x, y in zip(a, b))
        f1 = 2 * both / (sum(a) + sum(b)) if sum(a) + sum(b) else float("nan")
        f1s.append(f1)
        print(f"| `{t}` | {sum(a)} | {sum(b)} | {both} | {f1:.3f} |")
    valid = [f for f in f1s if f == f]
    print(f"| **macro F1** | | | | **{sum(valid) / len(valid):.3f}** |")
    n = len(rows)
    agree = sum(r["first_stance"] == r["second_stance"] for r in rows) / n
    pa, pb = Counter(r["first_stance"] for r in rows), Counter(r["second_stance"] for r in rows)
    expected = sum(pa[s] * pb[s] for s in STANCES) / (n * n)
    kappa = (agree - expected) / (1 - expected)
    print(f"\nStance: raw agreement {agree:.3f}, Cohen's kappa {kappa:.3f}\n")
    print("| first \\ second | " + " | ".join(STANCES) + " |")
    print("|---|" + "---|" * len(STANCES))
    for s in STANCES:
        print(f"| {s} | " + " | ".join(str(sum(r['first_stance'] == s and r['second_stance'] == o for r in rows)) for o in STANCES) + " |")
    print()


with open(os.path.join("data", "labels", "double.csv"), encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
for name in ["round 1", "round 3"]:
    chosen = [r for r in rows if group(r) == name]
    if chosen:
        report(name, chosen)

# The scrutiny re-read (one label, 2,301 sentences): the first labels against the re-read.
path = os.path.join("data", "labels", "scrutiny_reread.csv")
if os.path.exists(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    a = sum(r["first_scrutiny"] == "yes" for r in rows)
    b = sum(r["reread_scrutiny"] == "yes" for r in rows)
    both = sum(r["first_scrutiny"] == "yes" and r["reread_scrutiny"] == "yes" for r in rows)
    final = sum(r["final_scrutiny"] == "yes" for r in rows)
    print(f"## scrutiny re-read: {len(rows)} sentences")
    print(f"first labels {a} scrutiny, re-read {b}, both {both}: F1 {2 * both / (a + b):.3f}; "
          f"after adjudication {final}; resolutions {dict(Counter(r['resolution'] for r in rows))}")

# The stance re-read (8,298 sentences read once before): the first labels against the re-read.
path = os.path.join("data", "labels", "stance_reread.csv")
if os.path.exists(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    n = len(rows)
    agree = sum(r["first_stance"] == r["reread_stance"] for r in rows) / n
    pa, pb = Counter(r["first_stance"] for r in rows), Counter(r["reread_stance"] for r in rows)
    expected = sum(pa[s] * pb[s] for s in STANCES) / (n * n)
    print(f"\n## stance re-read: {n} sentences")
    print(f"raw agreement {agree:.3f}, Cohen's kappa {(agree - expected) / (1 - expected):.3f}; "
          f"resolutions {dict(Counter(r['resolution'] for r in rows))}\n")
    print("| first \\ re-read | " + " | ".join(STANCES) + " |")
    print("|---|" + "---|" * len(STANCES))
    for s in STANCES:
        print(f"| {s} | " + " | ".join(str(sum(r['first_stance'] == s and r['reread_stance'] == o for r in rows)) for o in STANCES) + " |")
    adjudicated = [r for r in rows if r["resolution"] == "adjudicated"]
    if adjudicated:
        as_first = sum(r["final_stance"] == r["first_stance"] for r in adjudicated)
        as_reread = sum(r["final_stance"] == r["reread_stance"] for r in adjudicated)
        print(f"\nadjudicated {len(adjudicated)}: {as_reread} as the re-read, {as_first} as the first label, "
              f"{len(adjudicated) - as_first - as_reread} neither")
    final = Counter(r["final_stance"] for r in rows)
    print(f"stance of these sentences before {dict(pa)}, after {dict(final)}")
