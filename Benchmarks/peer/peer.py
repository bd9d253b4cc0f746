#!/usr/bin/env python3
"""Helpers of Benchmarks/peer/run.sh (Python standard library only).

  peer.py openapi N OUT.yaml      Twilio's SIP Domain description with its resource copied N
                                  times: paths, operationIds, titles and the schema renamed by
                                  the copy's number (SipDomain0, …). N = 1 writes the file
                                  unchanged.
  peer.py commands LOG STAGE…     a shell script that runs the compiler driver commands of the
                                  modules in STAGE… (module names; a comma between modules that
                                  build side by side) as `swift build -v` logged them in LOG
  peer.py report RESULTS.jsonl    writes Benchmarks/results/peer.md and peer.json, prints the table
"""
import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent.parent
twilio = root / "Tests" / "Fixtures" / "Twilio" / "sip-domain.openapi.yaml"
schema = "api.v2010.account.sip.sip_domain"


def openapi(count, out):
    """Splits the file at its top-level keys (the text is regular: `paths:` then `components:`
    with one schema) and repeats the paths and the schema, renamed, so each copy has the same
    operations and schema as the original."""
    text = twilio.read_text()
    if count == 1:
        Path(out).write_text(text)
        return
    head, rest = text.split("\npaths:\n", 1)
    paths, components = rest.split("\ncomponents:\n", 1)
    components_head, schemas = components.split("\n  schemas:\n", 1)
    assert schemas.count(f"\n    {schema}:") == 0 and schemas.startswith(f"    {schema}:\n"), "one schema expected"
    assert re.search(r"^  \S", schemas, re.M) is None, "nothing after the schemas expected"

    def renamed(block, index):
        block = block.replace("/SIP/Domains", f"/SIP/Domains{index}")
        block = re.sub(r"\b(List|Create|Fetch|Update|Delete)SipDomain\b", rf"\g<1>SipDomain{index}", block)
        block = re.sub(r"\b(List|Create|Fetch|Update|Delete)SipDomain(Response|Request)\b", rf"\g<1>SipDomain{index}\2", block)
        return block.replace(schema, f"{schema}{index}")

    parts = [head, "\npaths:\n"]
    parts += [renamed(paths, index) + "\n" for index in range(count)]
    parts += ["components:\n", components_head, "\n  schemas:\n"]
    parts += [renamed(schemas.rstrip("\n"), index) + "\n" for index in range(count)]
    Path(out).write_text("".join(parts))


def commands(log, stages):
    """The driver command of each module (`swiftc -module-name M …`, one line of the log), in
    stages: a stage's modules run side by side and the next stage starts when all have ended, as
    the package manager schedules them. `-v` and `-parseable-output`, which only change what the
    driver prints, are left out."""
    found = {}
    for line in open(log):
        words = line.split()
        if words and words[0].endswith("/swiftc") and "-module-name" in words:
            found[words[words.index("-module-name") + 1]] = " ".join(w for w in words if w not in ("-v", "-parseable-output"))
    script = ["#!/usr/bin/env bash", "set -euo pipefail"]
    for stage in stages:
        modules = stage.split(",")
        missing = [m for m in modules if m not in found]
        if missing:
            sys.exit(f"peer.py: no compiler command for {', '.join(missing)} in {log}")
        for index, module in enumerate(modules):
            script.append(f"{found[module]} > /dev/null &")
            script.append(f"pid{index}=$!")
        script += [f"wait $pid{index}" for index in range(len(modules))]
    print("\n".join(script))


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "cpu": cpu,
        "nproc": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "os": platform.platform(),
        "swift": swift,
        "date": subprocess.run(["date", "-u", "+%Y-%m-%d %H:%M UTC"], capture_output=True, text=True).stdout.strip(),
    }


def ratio(a, b):
    return f"{a / b:.2f}×" if b else "n/a"


def seconds(ms):
    return f"{ms / 1000:.2f} s" if ms < 10_000 else f"{ms / 1000:.1f} s"


def spread(figures, key="wall"):
    """`1.31 s (1.28–1.40)`: the median and the range of the runs."""
    low, high = figures.get(f"{key}_min_ms"), figures.get(f"{key}_max_ms")
    text = seconds(figures[f"{key}_ms"])
    return text + (f" ({seconds(low).removesuffix(' s')}–{seconds(high)})" if low is not None else "")


def jsonl(path):
    return [json.loads(line) for line in open(path)] if path.exists() and path.stat().st_size else []


def generate_section(rows):
    if not rows:
        return []
    peer = next(row["figures"] for row in rows if row["name"].startswith("swift-openapi-generator"))
    table = ["| run | wall, median (range) | CPU | peak memory | peer's wall / this wall |", "|---|---|---|---|---|"]
    for row in rows:
        f = row["figures"]
        ms = lambda v: f"{v:.1f} ms"
        table.append(f"| {row['name']} | {ms(f['wall_ms'])} ({f['wall_min_ms']:.1f}–{ms(f['wall_max_ms'])}) | {ms(f['cpu_ms'])} "
                     f"| {f['peak_mib']:.0f} MiB | {peer['wall_ms'] / f['wall_ms']:.1f}× |")
    return ["## Generating one resource", "",
            f"Medians of {rows[0]['figures']['runs']} runs, each into an empty folder. Input: Twilio's description for "
            "swift-openapi-generator (types, client, server), `Specs/SipDomain.yaml` for gen.", "", *table, ""]


def compile_section(rows):
    if not rows:
        return []
    table = ["| measure | gen | swift-openapi-generator | gen / peer |", "|---|---|---|---|"]
    for row in rows:
        n, g, p = row["resources"], row["gen"], row["peer"]
        gc, pc = g.get("compiler"), p.get("compiler")
        label = f"{n} resource{'s' if n > 1 else ''}"
        if gc and pc:
            table.append(f"| {label}: compiler alone, wall | {spread(gc)} | {spread(pc)} | **{ratio(gc['wall_ms'], pc['wall_ms'])}** |")
            table.append(f"| {label}: compiler alone, CPU | {spread(gc, 'cpu')} | {spread(pc, 'cpu')} | {ratio(gc['cpu_ms'], pc['cpu_ms'])} |")
            table.append(f"| {label}: compiler alone, peak memory | {gc['peak_mib']:.0f} MiB | {pc['peak_mib']:.0f} MiB | {ratio(gc['peak_mib'], pc['peak_mib'])} |")
        table.append(f"| {label}: `swift build`, wall | {spread(g)} | {spread(p)} | {ratio(g['wall_ms'], p['wall_ms'])} |")
        table.append(f"| {label}: `swift build`, CPU | {spread(g, 'cpu')} | {spread(p, 'cpu')} | {ratio(g['cpu_ms'], p['cpu_ms'])} |")
        table.append(f"| {label}: lines generated ({n * 5} operations) | {g['lines']:,} ({g['lines'] / (n * 5):.0f} an operation) "
                     f"| {p['lines']:,} ({p['lines'] / (n * 5):.0f}) | {ratio(g['lines'], p['lines'])} |")
    runs = sorted({row["gen"]["runs"] for row in rows})
    return ["## Compile cost of the generated code (debug)", "",
            f"Medians (and ranges) of {' or '.join(map(str, runs))} runs, every generated file touched, dependencies built before.",
            "", *table, ""]


SECTION_TITLES = {
    "server": "The generated servers under load (wrk, loopback)",
    "client": "The generated clients, on transports that answer the same bytes",
}


def rows_section(title, data):
    """A part measured by its own script (`server.sh`, `client.sh`): its rows as a table."""
    def number(value, unit):
        return f"{value:.2f}" if unit == "ms" else f"{value:,.0f}"

    def middle(spread, unit):
        if not spread:
            return ""
        if "p25" in spread:
            return f" ({number(spread['p25'], unit)}–{number(spread['p75'], unit)})"
        return f" ({number(spread['min'], unit)}–{number(spread['max'], unit)})" if "min" in spread else ""

    table = ["| measure | unit | gen | swift-openapi-generator | gen / peer |", "|---|---|---|---|---|"]
    for row in data.get("rows", []):
        unit = row.get("unit", "")
        table.append(f"| {row['measure']} | {unit} | {number(row['gen'], unit)}{middle(row.get('gen_spread'), unit)} "
                     f"| {number(row['peer'], unit)}{middle(row.get('peer_spread'), unit)} | **{row['ratio']:.2f}×** |")
    notes = [data["note"], ""] if data.get("note") else []
    return [f"## {title}", "", *notes, *table, ""]


def server_section(data):
    """`server.sh`'s figures: requests per second under wrk and the server's CPU time a request."""
    def rps(spread):
        return f"{spread['median']:,.0f} ({spread['min']:,.0f}–{spread['max']:,.0f})"

    def us(spread):
        return f"{spread['median']:.1f}"

    table = ["| route | gen req/s (range) | peer req/s | fixed bytes req/s | gen / peer (per round) | gen / fixed "
             "| CPU a request, µs: gen / peer / fixed | peer CPU / gen CPU |", "|---|---|---|---|---|---|---|---|"]
    for route in data["routes"]:
        per_round = route["gen_over_peer_per_round"]
        table.append(f"| {route['label']} | {rps(route['gen_rps'])} | {rps(route['peer_rps'])} | {rps(route['fixed_rps'])} "
                     f"| **{route['gen_over_peer']:.2f}×** ({per_round['min']:.2f}–{per_round['max']:.2f}) "
                     f"| {route['gen_over_fixed']:.2f}× | {us(route['gen_cpu_us_per_request'])} / "
                     f"{us(route['peer_cpu_us_per_request'])} / {us(route['fixed_cpu_us_per_request'])} "
                     f"| **{route['peer_cpu_over_gen_cpu']:.2f}×** |")
    first = data["routes"][0]
    load = data["machine"]
    return [f"## {SECTION_TITLES['server']}", "",
            f"{data['wrk']}; {first['rounds']} rounds of {first['seconds_per_round']} s per server and route, the servers "
            f"in turn; medians (range over the rounds). Load average before and after: {load.get('loadavg_before')}, "
            f"{load.get('loadavg_after')}.", "", *table, ""]


def report(results):
    work = Path(results).parent
    rows = jsonl(Path(results))
    generated = jsonl(work / "generate.jsonl")
    extra_path = work / "extra.json"
    extra = json.loads(extra_path.read_text()) if extra_path.exists() else {}
    sections = {name: json.loads((work / f"{name}.json").read_text()) for name in ("server", "client") if (work / f"{name}.json").exists()}
    info = machine()
    lines = [
        "# gen against swift-openapi-generator 1.14.3",
        "",
        "Written by `Benchmarks/peer/run.sh`; `Benchmarks/peer/README.md` says what is measured and how.",
        "",
        *generate_section(generated),
        *compile_section(rows),
    ]
    for name, data in sections.items():
        lines += server_section(data) if name == "server" else rows_section(SECTION_TITLES[name], data)
    lines.append(f"Machine: {info['cpu']}, nproc {info['nproc']}, {info['memory_gib']} GiB, {info['os']}; "
                 f"{info['swift'].splitlines()[0] if info['swift'] else 'swift ?'}; {info['date']}.")
    if extra.get("generator_build_s") is not None:
        lines += ["", f"Release build of swift-openapi-generator's CLI in this run: {extra['generator_build_s']} s"
                  + (" (already built)." if extra.get("generator_cached") else ".")]
    if "peer_warnings" in extra:
        said = extra["peer_warnings"]
        lines += ["", "What swift-openapi-generator said about Twilio's description (1 resource), besides its "
                  "configuration and the files it wrote: " + ("nothing (no warning, no error)." if not said else "")]
        if said:
            lines += ["", "```", *said, "```"]
    text = "\n".join(lines) + "\n"
    out = root / "Benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "peer.md").write_text(text)
    (out / "peer.json").write_text(json.dumps({"machine": info, "generate": generated, "compile": rows, **sections, **extra}, indent=2) + "\n")
    print(text, end="")
    print("written: Benchmarks/results/peer.md, Benchmarks/results/peer.json")


if __name__ == "__main__":
    if sys.argv[1] == "openapi":
        openapi(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1] == "commands":
        commands(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == "report":
        report(sys.argv[2])
    else:
        sys.exit(__doc__)
