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


def report(results):
    rows = [json.loads(line) for line in open(results)]
    info = machine()
    extra_path = Path(results).with_name("extra.json")
    extra = json.loads(extra_path.read_text()) if extra_path.exists() else {}
    table = ["| measure | gen | swift-openapi-generator | ratio (gen / peer) |", "|---|---|---|---|"]
    for row in rows:
        n, g, p = row["resources"], row["gen"], row["peer"]
        runs = f"median of {g['runs']}" if g["runs"] == p["runs"] else f"gen median of {g['runs']}, peer of {p['runs']}"
        table.append(f"| {n} resource{'s' if n > 1 else ''}: debug build wall time ({runs}) | {g['wall_ms'] / 1000:.1f} s | {p['wall_ms'] / 1000:.1f} s | {ratio(g['wall_ms'], p['wall_ms'])} |")
        table.append(f"| {n}: CPU time (user + system) | {g['cpu_ms'] / 1000:.1f} s | {p['cpu_ms'] / 1000:.1f} s | {ratio(g['cpu_ms'], p['cpu_ms'])} |")
        table.append(f"| {n}: peak memory (largest process) | {g['peak_mib']:.0f} MiB | {p['peak_mib']:.0f} MiB | {ratio(g['peak_mib'], p['peak_mib'])} |")
        table.append(f"| {n}: lines generated | {g['lines']:,} | {p['lines']:,} | {ratio(g['lines'], p['lines'])} |")
    lines = [
        "# Compile cost of generated code: gen against swift-openapi-generator",
        "",
        "Written by `Benchmarks/peer/run.sh`; see `Benchmarks/peer/README.md` for what is timed.",
        "",
        *table,
        "",
        f"Machine: {info['cpu']}, nproc {info['nproc']}, {info['memory_gib']} GiB, {info['os']}; "
        f"{info['swift'].splitlines()[0] if info['swift'] else 'swift ?'}; {info['date']}.",
    ]
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
    (out / "peer.json").write_text(json.dumps({"machine": info, "results": rows, **extra}, indent=2) + "\n")
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
