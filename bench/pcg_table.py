#!/usr/bin/env python3
"""PCG iterations of every SPD matrix of a folder (INDEX.csv, spd = 1, n <= --max-n) for Jacobi,
IC(0), K-optimal with both column scalings and FSAI on both patterns, as a Markdown table.

    bench/pcg_table.py resources/benchmark [--cli build/app/factorscope-cli] [--max-n 10000]
"""
import argparse
import csv
import json
import os
import subprocess
import sys

COLUMNS = [
    ("Jacobi", ["--precond", "jacobi"]),
    ("IC(0)", ["--precond", "ic0"]),
    ("K-opt (paper)", ["--precond", "kopt"]),
    ("K-opt (pcg)", ["--precond", "kopt", "--kopt-scaling", "pcg"]),
    ("FSAI tril(A)", ["--precond", "fsai"]),
    ("FSAI tril(A²)", ["--precond", "fsai", "--fsai-pattern", "2"]),
]


def cell(cli, path, args, noise):
    cmd = [cli, "pcg", path, "--json", "--maxiter", "20000"] + args
    if noise:
        cmd += ["--noise-runs", str(noise)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        return "refused" if "more than the limit" in r.stderr else "error"
    j = json.loads(r.stdout)
    if j.get("failure") == "ic0_breakdown":
        return "breakdown"
    text = str(j["iterations"]) if j["converged"] else "✗ " + (j.get("failure") or "")
    rng = j.get("iterations_range")
    if rng and rng[0] != rng[1]:
        text += f" [{rng[0]}–{rng[1]}]"
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--cli", default="build/app/factorscope-cli")
    ap.add_argument("--max-n", type=int, default=10000)
    ap.add_argument("--noise-runs", type=int, default=0)
    a = ap.parse_args()
    with open(os.path.join(a.folder, "INDEX.csv"), newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["spd"] == "1" and int(r["rows"]) <= a.max_n]
    rows.sort(key=lambda r: int(r["rows"]))
    print("| matrix | n | " + " | ".join(c for c, _ in COLUMNS) + " |")
    print("|---|---:|" + "---:|" * len(COLUMNS))
    for r in rows:
        name = r["name"]
        path = next((os.path.join(a.folder, name + ext) for ext in (".mtx.gz", ".mtx")
                     if os.path.exists(os.path.join(a.folder, name + ext))), None)
        if path is None:
            continue
        cells = [cell(a.cli, path, args, a.noise_runs) for _, args in COLUMNS]
        print(f"| {name} | {r['rows']} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
