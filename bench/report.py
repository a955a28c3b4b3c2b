#!/usr/bin/env python3
"""Render bench/run's measurements as a Markdown table (and a small JSON summary).

    bench/report.py MACHINE.tsv RESULTS.tsv RSS.tsv OUT.md OUT.json [INTERLEAVED.tsv]   (what bench/run calls)
    bench/report.py --json IN.json OUT.md                             (re-render a saved run)

Standard library only.
"""

import json
import sys

ROWS = [
    ("sitrep-cold", "sitrep build, cold (output removed)"),
    ("sitrep-noop", "sitrep build, no-op (output up to date)"),
    ("sitrep-csv", "sitrep build after 1 CSV value changed"),
    ("sitrep-check", "sitrep build --check (up to date)"),
    ("sitrep-check-csv", "sitrep build --check after 1 CSV value changed (exits 1)"),
    ("cmark", "cmark CLI, all report.md, 1 process (floor)"),
    ("baseline-cold", "baseline sitrep build, cold (output removed)"),
    ("sitrep-cold-disk", "sitrep build, cold, output on disk"),
    ("example-cold", "example copies: sitrep build, cold"),
    ("example-cmark", "example copies: cmark CLI, all report.md (floor)"),
    ("baseline-example-cold", "example copies: baseline sitrep build, cold"),
    ("example-cold-disk", "example copies: sitrep build, cold, output on disk"),
    ("hugo-cold", "hugo, cold (public/ removed)"),
    ("hugo-noop", "hugo, again (public/ present)"),
]


def seconds(x):
    if x < 1:
        return f"{x * 1000:.1f} ms"
    return f"{x:.2f} s"


def span(lo, hi):
    if hi < 1:
        return f"{lo * 1000:.1f}–{hi * 1000:.1f} ms"
    return f"{lo:.2f}–{hi:.2f} s"


def mb(kb):
    return f"{kb / 1024:.0f} MB" if kb else "—"


def read_tsv(machine_file, results_file, rss_file):
    machine, loads, sizes = {}, {}, {}
    for line in open(machine_file, encoding="utf-8"):
        key, _, value = line.rstrip("\n").partition("\t")
        if key == "load":
            n, _, value = value.partition("\t")
            loads[int(n)] = value
        elif key == "size":
            n, _, value = value.partition("\t")
            sizes[int(n)] = value
        else:
            machine[key] = value
    results = {}
    for line in open(results_file, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        n, row = int(f[0]), f[1]
        median, lo, hi, mean, sd, user, sys_ = map(float, f[2:9])
        results[(n, row)] = dict(n=n, row=row, median_s=median, min_s=lo, max_s=hi, mean_s=mean, stddev_s=sd,
                                 user_s=user, system_s=sys_, runs=int(f[9]), peak_rss_kb=None)
    try:
        for line in open(rss_file, encoding="utf-8"):
            n, row, kb = line.rstrip("\n").split("\t")
            if (int(n), row) in results and kb:
                results[(int(n), row)]["peak_rss_kb"] = int(kb)
    except FileNotFoundError:
        pass
    return machine, loads, sizes, results


def read_interleaved(path):
    """The rounds of bench/interleave.py by (N, row): ratio median, min, max, the medians, rounds."""
    rounds = {}
    try:
        for line in open(path, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            n, row = int(f[0]), f[1]
            median, lo, hi, measured, floor = map(float, f[2:7])
            rounds[(n, row)] = dict(n=n, row=row, ratio_median=median, ratio_min=lo, ratio_max=hi,
                                    median_s=measured, floor_median_s=floor, rounds=int(f[7]))
    except FileNotFoundError:
        pass
    return rounds


def read_json(path):
    data = json.load(open(path, encoding="utf-8"))
    results = {(r["n"], r["row"]): r for r in data["results"]}
    interleaved = {(r["n"], r["row"]): r for r in data.get("interleaved", [])}
    return (data["machine"], {int(k): v for k, v in data["load_before"].items()},
            {int(k): v for k, v in data["input"].items()}, results, interleaved)


def side_by_side(r, limit):
    return (f"**{r['ratio_median']:.1f}x** (rounds {r['ratio_min']:.1f}–{r['ratio_max']:.1f}x; "
            f"medians {seconds(r['median_s'])} and {seconds(r['floor_median_s'])}; {r['rounds']} rounds; target ≤ {limit}x)")


def render(machine, loads, sizes, results, interleaved, out_md, out_json):
    ns = sorted({n for n, _ in results})

    out = [f"# sitrep benchmark, {machine.get('date', '')}", ""]
    out.append(f"Machine: {machine.get('cpu', '?')}, {machine.get('nproc', '?')} cores, {machine.get('memory', '?')}, "
               f"{machine.get('kernel', '')}. Files on {machine.get('storage', '?')}.")
    out.append(f"sitrep {machine.get('commit', '?')} (baseline: {machine.get('baseline', 'none')}), {machine.get('swift', '')}; {machine.get('hyperfine', '')}; "
               f"cmark {machine.get('cmark', '')}; hugo: {machine.get('hugo', '')}. {machine.get('runs', '')}.")
    load_text = ", ".join(f"N={n}: {loads[n]}" for n in sorted(loads))
    out.append(f"Load average (1/5/15 min) at start {machine.get('load_start', '?')}; before each N {load_text}; "
               f"at end {machine.get('load_end', '?')}. A load above 0 before a row means other work shared the "
               "cores: treat the spread (min–max) as the noise.")
    out.append("")
    for n in ns:
        out.append(f"## N = {n:,} reports")
        out.append("")
        if n in sizes:
            out.append(f"Input: {sizes[n]}.")
            out.append("")
        out.append("| measurement | median | min–max | CPU (user+sys, mean) | runs | peak RSS |")
        out.append("|---|---:|---:|---:|---:|---:|")
        for key, label in ROWS:
            r = results.get((n, key))
            if not r:
                continue
            out.append(f"| {label} | {seconds(r['median_s'])} | {span(r['min_s'], r['max_s'])} | "
                       f"{seconds(r['user_s'] + r['system_s'])} | {r['runs']} | {mb(r['peak_rss_kb'])} |")
        out.append("")
        ratios = []
        cold, cm = results.get((n, "sitrep-cold")), results.get((n, "cmark"))
        hc, hn, sn = results.get((n, "hugo-cold")), results.get((n, "hugo-noop")), results.get((n, "sitrep-noop"))
        cpu = lambda r: r["user_s"] + r["system_s"]
        if cold and cm:
            ratios.append(f"sitrep cold / cmark = **{cold['median_s'] / cm['median_s']:.1f}x** "
                          f"(CPU time: {cpu(cold) / cpu(cm):.1f}x; target ≤ 4x)")
        ec, ecm = results.get((n, "example-cold")), results.get((n, "example-cmark"))
        if ec and ecm:
            ratios.append(f"example copies, sitrep cold / cmark = **{ec['median_s'] / ecm['median_s']:.1f}x** "
                          f"(CPU time: {cpu(ec) / cpu(ecm):.1f}x; target ≤ 10x)")
        for now, before, label in ((cold, results.get((n, "baseline-cold")), "synthetic"),
                                   (ec, results.get((n, "baseline-example-cold")), "example copies")):
            if now and before:
                ratios.append(f"{label}, cold build now / baseline = {now['median_s'] / before['median_s']:.2f}x "
                              f"(CPU time: {cpu(now) / cpu(before):.2f}x)")
        disk = results.get((n, "sitrep-cold-disk"))
        if cold and disk:
            ratios.append(f"cold build on disk / on tmpfs = {disk['median_s'] / cold['median_s']:.2f}x")
        if cold and hc:
            ratios.append(f"Hugo cold / sitrep cold = **{hc['median_s'] / cold['median_s']:.2f}x** "
                          f"(CPU time: {cpu(hc) / cpu(cold):.2f}x; target ≥ 10x)")
        if sn and hn:
            ratios.append(f"Hugo again / sitrep no-op = {hn['median_s'] / sn['median_s']:.2f}x "
                          f"(CPU time: {cpu(hn) / cpu(sn):.2f}x)")
        if cold:
            ratios.append(f"sitrep cold per report = {cold['median_s'] / n * 1000:.2f} ms")
        if ratios:
            out.append("Ratios of medians: " + "; ".join(ratios) + ".")
            out.append("")
        rounds = [(interleaved.get((n, key)), label, limit) for key, label, limit in
                  (("sitrep-cold", "sitrep cold / cmark", 4), ("example-cold", "example copies, sitrep cold / cmark", 10))]
        rounds = [f"{label} = {side_by_side(r, limit)}" for r, label, limit in rounds if r]
        if rounds:
            out.append("Side by side, the cold build and cmark in turn (bench/interleave.py), median of the "
                       "rounds' ratios: " + "; ".join(rounds) + ".")
            out.append("")

    if len(ns) > 1:
        out.append("## Scaling: median time per report, and peak RSS")
        out.append("")
        out.append("| measurement | " + " | ".join(f"N={n:,}" for n in ns) + " |")
        out.append("|---|" + "---:|" * len(ns))
        for key, label in ROWS:
            cells = []
            for n in ns:
                r = results.get((n, key))
                cells.append(f"{r['median_s'] / n * 1000:.3f} ms, {mb(r['peak_rss_kb'])}" if r else "—")
            if any(c != "—" for c in cells):
                out.append(f"| {label} | " + " | ".join(cells) + " |")
        out.append("")

    out.append("## Targets")
    out.append("")
    t = results.get
    for key, floor, limit, label in (("sitrep-cold", "cmark", 4, "Cold build of 1,000 reports"),
                                     ("example-cold", "example-cmark", 10, "Cold build of 1,000 copies of the example")):
        side = interleaved.get((1000, key))
        if side:
            out.append(f"- {label} within {limit}x of the cmark floor, side by side: {side['ratio_median']:.1f}x "
                       f"(rounds {side['ratio_min']:.1f}–{side['ratio_max']:.1f}x), "
                       f"{'met' if side['ratio_median'] <= limit else 'not met'}.")
        elif t((1000, key)) and t((1000, floor)):
            ratio = t((1000, key))["median_s"] / t((1000, floor))["median_s"]
            out.append(f"- {label} within {limit}x of the cmark floor: {ratio:.1f}x, "
                       f"{'met' if ratio <= limit else 'not met'}.")
    if t((1000, "sitrep-cold")) and t((1000, "hugo-cold")):
        ratio = t((1000, "hugo-cold"))["median_s"] / t((1000, "sitrep-cold"))["median_s"]
        out.append(f"- Full build ≥ 10x faster than Hugo: {ratio:.2f}x, {'met' if ratio >= 10 else 'not met'}.")
    for key, label in (("sitrep-noop", "No-op rebuild"), ("sitrep-check", "--check")):
        if t((1000, key)):
            m = t((1000, key))["median_s"]
            out.append(f"- {label} at or under 20 ms at 1,000 reports: {seconds(m)}, {'met' if m <= 0.02 else 'not met'}.")
    if len(ns) > 1 and all(t((n, "sitrep-cold")) for n in ns):
        per = [t((n, "sitrep-cold"))["median_s"] / n for n in ns]
        cpu_per = [(t((n, "sitrep-cold"))["user_s"] + t((n, "sitrep-cold"))["system_s"]) / n for n in ns]
        out.append(f"- Cost linear in N: per-report time of a cold build goes from {per[0] * 1000:.2f} ms (N={ns[0]:,}) "
                   f"to {per[-1] * 1000:.2f} ms (N={ns[-1]:,}), x{per[-1] / per[0]:.2f}; per-report CPU time from "
                   f"{cpu_per[0] * 1000:.2f} ms to {cpu_per[-1] * 1000:.2f} ms, x{cpu_per[-1] / cpu_per[0]:.2f}.")
        rss = [t((n, "sitrep-cold"))["peak_rss_kb"] for n in ns]
        if all(rss):
            out.append(f"- Peak memory not growing with N: cold build {', '.join(mb(k) for k in rss)} "
                       f"for N = {', '.join(f'{n:,}' for n in ns)}.")
    if t((10000, "sitrep-cold")) and t((10000, "sitrep-cold"))["peak_rss_kb"]:
        kb = t((10000, "sitrep-cold"))["peak_rss_kb"]
        out.append(f"- Memory under 64 MB at 10,000 reports: cold build {mb(kb)}, {'met' if kb < 64 * 1024 else 'not met'}.")
    out.append("")
    with open(out_md, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    if not out_json:
        return
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump({"machine": machine, "load_before": {str(k): v for k, v in loads.items()},
                   "input": {str(k): v for k, v in sizes.items()},
                   "results": [results[k] for k in sorted(results)],
                   "interleaved": [interleaved[k] for k in sorted(interleaved)]}, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) in (6, 7):
        interleaved = read_interleaved(sys.argv[6]) if len(sys.argv) == 7 else {}
        render(*read_tsv(*sys.argv[1:4]), interleaved, sys.argv[4], sys.argv[5])
    elif len(sys.argv) == 4 and sys.argv[1] == "--json":
        render(*read_json(sys.argv[2]), sys.argv[3], None)
    else:
        sys.exit(__doc__)
