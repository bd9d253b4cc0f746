#!/usr/bin/env python3
"""The Python half of the compatibility run (run.sh): the standard library only.

  compat.py ir-facts < IR_JSON                  prints "NAME<TAB>OPERATIONS" of `gen ir` output
  compat.py repo-names < DUMP_PACKAGE_JSON      prints the repo's target and product names
  compat.py package ROOT WORK NAME…             writes WORK/Package.swift (only when it changes)
  compat.py record FILE KEY=VALUE…              appends a record to FILE (JSON lines)
  compat.py report FACTS RUN RESULTS_MD         counts lines and diagnostics, writes the results
                                                (markdown and a .json twin), prints the table;
                                                exits 1 when the run failed
"""
import json
import os
import re
import subprocess
import sys
import time

PIECES = ("Models", "Client", "Server", "CLI", "Memory")


def ir_facts():
    specs = json.load(sys.stdin)
    if len(specs) != 1:
        sys.exit(f"compat.py: expected the IR of one spec, got {len(specs)}")
    spec = specs[0]
    operations = sum(len(resource.get("operations", [])) for resource in spec.get("resources", []))
    print(f"{spec['name']}\t{operations}")


def repo_names():
    manifest = json.load(sys.stdin)
    for item in manifest["targets"] + manifest["products"]:
        print(item["name"])


def dependency_declaration(manifest, package):
    """The repo's own `.package(url: …/package, …)` line, so that versions and traits match."""
    pattern = rf'^\s*(\.package\(url:\s*"[^"]*/{re.escape(package)}(?:\.git)?".*\))\s*,?\s*$'
    match = re.search(pattern, manifest, re.MULTILINE)
    if not match:
        sys.exit(f"compat.py: no .package(url: …/{package}) line in the repo's Package.swift")
    return match.group(1)


def package(root, work, names):
    manifest = open(os.path.join(root, "Package.swift")).read()
    hummingbird = dependency_declaration(manifest, "hummingbird")
    argument_parser = dependency_declaration(manifest, "swift-argument-parser")

    def gen(product):
        return f'.product(name: "{product}", package: "gen")'

    hummingbird_product = '.product(name: "Hummingbird", package: "hummingbird")'
    argument_parser_product = '.product(name: "ArgumentParser", package: "swift-argument-parser")'
    targets = [
        # Built once, untimed, before the APIs: everything their modules import.
        f"""        .target(
            name: "CompatibilityDependencies",
            dependencies: [
                {gen("GenRuntime")},
                {gen("GenClientRuntime")},
                {gen("GenServerRuntime")},
                {gen("GenCLIRuntime")},
                {hummingbird_product},
                {argument_parser_product},
            ],
            path: "Dependencies"
        ),"""
    ]
    # The same targets, with the same dependencies, as the repo's SipDomain* targets.
    for name in names:
        targets.append(f"""        .target(
            name: "{name}Models",
            dependencies: [{gen("GenRuntime")}],
            path: "Generated/{name}Models"
        ),
        .target(
            name: "{name}Client",
            dependencies: ["{name}Models", {gen("GenClientRuntime")}],
            path: "Generated/{name}Client"
        ),
        .target(
            name: "{name}Server",
            dependencies: [
                "{name}Models",
                {gen("GenServerRuntime")},
                {hummingbird_product},
            ],
            path: "Generated/{name}Server"
        ),
        .target(
            name: "{name}Memory",
            dependencies: [
                "{name}Models",
                "{name}Server",
                {gen("GenServerRuntime")},
            ],
            path: "Generated/{name}Memory"
        ),
        .executableTarget(
            name: "{name}CLI",
            dependencies: [
                "{name}Client",
                {gen("GenCLIRuntime")},
                {argument_parser_product},
            ],
            path: "Generated/{name}CLI"
        ),""")
    # One server of every API's in-memory handler, for cost-probe.py: built once, after the APIs.
    if names:
        memories = "".join(f'\n                "{name}Memory",\n                "{name}Server",' for name in names)
        targets.append(f"""        .executableTarget(
            name: "CompatibilityServer",
            dependencies: [{memories}
                {gen("GenServerRuntime")},
                {hummingbird_product},
            ],
            path: "Server"
        ),""")
    text = f"""// swift-tools-version:6.1
// Written by Benchmarks/compatibility/compat.py for the compatibility run: do not edit.
import PackageDescription

let package = Package(
    name: "Compatibility",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "gen", path: {json.dumps(root)}),
        {hummingbird},
        {argument_parser},
    ],
    targets: [
{chr(10).join(targets)}
    ],
    swiftLanguageModes: [.v6]
)
"""
    sources = {
        "Package.swift": text,
        "Dependencies/Dependencies.swift": (
            "// What the generated modules import, built before they are timed.\n"
            + "".join(f"import {module}\n" for module in (
                "ArgumentParser", "GenCLIRuntime", "GenClientRuntime", "GenRuntime",
                "GenServerRuntime", "Hummingbird"))
        ),
        "Server/main.swift": server_main(names),
        # Whatever folder the run works in, none of it belongs in git.
        ".gitignore": "*\n",
    }
    for path, content in sources.items():
        path = os.path.join(work, path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if not os.path.exists(path) or open(path).read() != content:
            with open(path, "w") as file:
                file.write(content)


def server_main(names):
    """The compatibility server's source: `CompatibilityServer NAME PORT` serves that API's
    in-memory handler on 127.0.0.1; `CompatibilityServer NAME --routes` prints its scheme, then
    each route's method and path."""
    imports = "".join(f"import {name}Memory\nimport {name}Server\n" for name in names)
    entries = "".join(f"""    "{name}": API(
        scheme: InMemory{name}.errorCodes.scheme,
        routes: InMemory{name}.routes,
        add: {{ router in
            router.add(middleware: TwilioErrorMiddleware(codes: InMemory{name}.errorCodes, routes: InMemory{name}.routes))
            InMemory{name}().addRoutes(to: router)
        }}
    ),
""" for name in names)
    return f"""// Written by Benchmarks/compatibility/compat.py for the compatibility run: do not edit.
// Serves one API's in-memory handler, for Benchmarks/compatibility/cost-probe.py.
//
//   CompatibilityServer NAME PORT       serves NAME on 127.0.0.1:PORT
//   CompatibilityServer NAME --routes   prints the API's scheme, then "METHOD PATH" a route
import Foundation
import GenServerRuntime
import Hummingbird
{imports}
struct API {{
    let scheme: String
    let routes: [OperationRoute]
    let add: @Sendable (Hummingbird.Router<BasicRequestContext>) -> Void
}}

let apis: [String: API] = [
{entries}]

let arguments = CommandLine.arguments
guard arguments.count == 3, let api = apis[arguments[1]] else {{
    Foundation.FileHandle.standardError.write(Foundation.Data("usage: CompatibilityServer NAME (PORT | --routes)\\n".utf8))
    Foundation.exit(2)
}}
if arguments[2] == "--routes" {{
    print(api.scheme)
    for route in api.routes {{ print("\\(route.method.rawValue) \\(route.path)") }}
    Foundation.exit(0)
}}
guard let port = Int(arguments[2]) else {{
    Foundation.FileHandle.standardError.write(Foundation.Data("CompatibilityServer: '\\(arguments[2])' is not a port\\n".utf8))
    Foundation.exit(2)
}}
let router = Hummingbird.Router()
api.add(router)
let application = Hummingbird.Application(
    router: router,
    server: .http1WithErrorJSON(),
    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port))
)
try await application.runService()
"""


def record(facts, pairs):
    entry = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        entry[key] = value
    with open(facts, "a") as file:
        file.write(json.dumps(entry) + "\n")


DIAGNOSTIC = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<column>\d+): (?P<kind>error|warning): (?P<message>.*)$")
UNLOCATED = re.compile(r"^(?P<kind>error|warning): (?P<message>.*)$")


def diagnostics(log, folders):
    """The distinct errors and warnings of a build log that point into one of `folders`, and the
    ones that point nowhere (SwiftPM's own), apart."""
    located, unlocated = {}, {}
    if not log or not os.path.exists(log):
        return [], [], []
    for line in open(log, errors="replace"):
        line = line.rstrip("\n")
        match = DIAGNOSTIC.match(line)
        if match:
            path = os.path.realpath(match["path"])
            if any(path.startswith(folder + os.sep) for folder in folders):
                key = (path, int(match["line"]), int(match["column"]), match["kind"], match["message"])
                located.setdefault(key, None)
            continue
        match = UNLOCATED.match(line)
        if match:
            unlocated.setdefault((match["kind"], match["message"]), None)
    items = [
        {"file": path, "line": line, "column": column, "kind": kind, "message": message}
        for (path, line, column, kind, message) in located
    ]
    errors = [item for item in items if item["kind"] == "error"]
    warnings = [item for item in items if item["kind"] == "warning"]
    return errors, warnings, [f"{kind}: {message}" for kind, message in unlocated]


def swift_lines(folders):
    lines = 0
    for folder in folders:
        for directory, _, files in os.walk(folder):
            for name in files:
                if name.endswith(".swift"):
                    with open(os.path.join(directory, name), "rb") as file:
                        lines += sum(1 for _ in file)
    return lines


def integer(value):
    return int(value) if value not in (None, "") else None


def number(value):
    return float(value) if value not in (None, "") else None


def machine():
    cpu = next(
        (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
        "unknown",
    )
    memory_kib = next(
        (int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal:")), 0
    )
    try:
        swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        swift = "unknown"
    return {
        "nproc": int(subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip() or 0),
        "cpu": cpu,
        "memory_gib": round(memory_kib / 2**20, 1),
        "swift": swift,
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }


def report(facts_path, run_path, results_md):
    run = json.loads(open(run_path).readline())
    imported = run["mode"] == "import"
    work = os.path.realpath(run["work"])
    generated = os.path.join(work, "Generated")
    root = os.path.normpath(run["root"])

    def shown(path):
        """A path inside the repo relative to it, so that committed results name no machine."""
        if not path:
            return None
        path = os.path.normpath(path)
        return os.path.relpath(path, root) if path.startswith(root + os.sep) else path

    apis, unlocated_lines = [], {}
    # An API's facts come in several records (generation, then the build): later ones add keys.
    entries = {}
    for line in open(facts_path):
        if line.strip():
            entry = json.loads(line)
            entries.setdefault(entry["stem"], {}).update(entry)
    for entry in entries.values():
        name = entry.get("name") or entry["stem"]
        folders = [os.path.join(generated, name + piece) for piece in PIECES]
        generated_ok = entry.get("gen") == "ok"
        built = entry.get("build") in ("ok", "failed")
        errors, warnings, unlocated = diagnostics(entry.get("log"), folders) if built else ([], [], [])
        for line in unlocated:
            unlocated_lines.setdefault(line, []).append(name)
        for item in errors + warnings:
            item["file"] = os.path.relpath(item["file"], generated)
        api = {
            "api": name,
            "stem": entry["stem"],
            "source": shown(entry.get("source")),
            "spec": shown(entry.get("spec")),
            "import": entry.get("import"),
            "operations": integer(entry.get("operations")),
            "operations_in_spec": integer(entry.get("operations_in_spec")),
            "skipped": integer(entry.get("skipped")),
            "import_warnings": integer(entry.get("warnings")),
            "gen": entry.get("gen"),
            "lines": swift_lines(folders) if generated_ok else None,
            "build": entry.get("build"),
            "compile_seconds": number(entry.get("seconds")),
            "cli_seconds": number(entry.get("cli_seconds")),
            "server_seconds": number(entry.get("server_seconds")),
            "compile_errors": len(errors) if built else None,
            "compile_warnings": len(warnings) if built else None,
            "diagnostics": (errors + warnings)[:200],
            "log": shown(entry.get("log")),
            "note": entry.get("note") or None,
            "served": [name for name in (entry.get("served") or "").split(", ") if name and name != "none"],
            "unserved": integer(entry.get("unserved")),
        }
        api["result"] = result(api)
        apis.append(api)

    def total(key):
        values = [api[key] for api in apis if api[key] is not None]
        return sum(values) if values else None

    for api in apis:
        api["served_count"] = len(api["served"]) if api["gen"] == "ok" else None
        api["resources"] = api["served_count"] + api["unserved"] if api["gen"] == "ok" and api["unserved"] is not None else None
    totals = {key: total(key) for key in (
        "operations", "skipped", "import_warnings", "lines", "compile_seconds", "compile_errors",
        "compile_warnings", "served_count", "resources")}
    if totals["compile_seconds"] is not None:
        totals["compile_seconds"] = round(totals["compile_seconds"], 1)
    failed = [api["api"] for api in apis if api["result"] != "ok"]
    summary = {
        "apis": len(apis),
        "failed": failed,
        "status": "failed" if failed or not apis else "passed",
    }
    document = {
        "mode": run["mode"],
        "input": shown(run["input"]),
        "gen": shown(run["gen"]),
        "commit": run.get("commit"),
        "work": shown(work),
        "machine": machine(),
        "dependencies_seconds": number(run.get("dependencies_seconds")),
        "noop_build_seconds": number(run.get("noop_build_seconds")),
        "summary": summary,
        "totals": totals,
        "apis": apis,
        "other_build_diagnostics": [{"line": line, "apis": names} for line, names in unlocated_lines.items()],
    }

    markdown = render(document, imported)
    os.makedirs(os.path.dirname(os.path.abspath(results_md)), exist_ok=True)
    with open(results_md, "w") as file:
        file.write(markdown)
    results_json = os.path.splitext(results_md)[0] + ".json"
    with open(results_json, "w") as file:
        json.dump(document, file, indent=2)
        file.write("\n")
    print(markdown, end="")
    print(f"written: {results_md}, {results_json}")
    return 0 if summary["status"] == "passed" else 1


def result(api):
    if api["import"] == "failed":
        return "import failed"
    if api["gen"] != "ok":
        return api["note"] or "gen failed"
    if api["build"] == "not built":
        return api["note"] or "not built"
    problems = []
    if api["skipped"]:
        problems.append(f"{api['skipped']} skipped")
    if api["compile_errors"]:
        problems.append("compile errors")
    elif api["build"] != "ok":
        problems.append("build failed (no error in its folders: see the log)")
    if api["compile_warnings"]:
        problems.append("compile warnings")
    return ", ".join(problems) or "ok"


def render(document, imported):
    def served(count, resources):
        return "–" if count is None or resources is None else f"{count}/{resources}"

    def cell(value, digits=None):
        if value is None:
            return "–"
        if digits is not None:
            return f"{value:.{digits}f}"
        return f"{value:,}" if isinstance(value, int) else str(value)

    lines = [
        "# Compatibility run",
        "",
        f"{'Imported from' if imported else 'Specs from'} `{document['input']}`"
        + f" with `{document['gen']}`" + (f" at {document['commit']}" if document.get("commit") else "")
        + f": {document['summary']['apis']} API{'' if document['summary']['apis'] == 1 else 's'},"
        + f" **{document['summary']['status']}**.",
        "",
        "| API | operations | skipped | warnings | lines | compile s | errors | compile warnings | served | result |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for api in document["apis"]:
        lines.append("| " + " | ".join([
            api["api"],
            cell(api["operations"]),
            cell(api["skipped"]),
            cell(api["import_warnings"]),
            cell(api["lines"]),
            cell(api["compile_seconds"], 1),
            cell(api["compile_errors"]),
            cell(api["compile_warnings"]),
            served(api["served_count"], api["resources"]),
            api["result"],
        ]) + " |")
    totals = document["totals"]
    lines.append("| **total** | " + " | ".join([
        cell(totals["operations"]),
        cell(totals["skipped"]),
        cell(totals["import_warnings"]),
        cell(totals["lines"]),
        cell(totals["compile_seconds"], 1),
        cell(totals["compile_errors"]),
        cell(totals["compile_warnings"]),
        served(totals["served_count"], totals["resources"]),
        f"{len(document['summary']['failed'])} failed",
    ]) + " |")
    machine = document["machine"]
    lines += [
        "",
        f"Machine: {machine['nproc']} cores (`nproc`), {machine['cpu']}, {machine['memory_gib']} GiB;"
        f" {machine['swift']}; {machine['date']}.",
        "",
        "Compile s: wall time of `swift build --target <API>CLI` and then `--target <API>Memory`"
        " (the in-memory handler and the server; debug), every generated file touched first, the dependencies"
        " built before"
        + (f" ({document['dependencies_seconds']:.0f} s this run)" if document["dependencies_seconds"] is not None else "")
        + (f"; each build includes SwiftPM's own start-up, {document['noop_build_seconds']:.1f} s for a build"
           " with nothing to do" if document["noop_build_seconds"] is not None else "")
        + ".",
    ]
    lines += [
        "",
        "Served: the resources the generated in-memory handler (`gen --only memory`) serves (create, fetch,"
        " list, update and delete of a resource with a SID), of the API's resources. The .json names them.",
    ]
    if not imported:
        lines += ["", "Specs were given (`--specs`): nothing was imported, so nothing was skipped or warned about."]
    shown = [api for api in document["apis"] if api["diagnostics"]]
    if shown:
        lines += ["", "## First compile diagnostics", ""]
        for api in shown:
            lines.append(f"- {api['api']} (all in the .json; log: `{api['log']}`):")
            for item in api["diagnostics"][:5]:
                lines.append(f"  - `{item['file']}:{item['line']}:{item['column']}`: {item['kind']}: {item['message']}")
    if document["other_build_diagnostics"]:
        lines += ["", "## Build diagnostics that name no generated file", ""]
        for item in document["other_build_diagnostics"][:20]:
            lines.append(f"- `{item['line']}` ({', '.join(item['apis'])})")
    return "\n".join(lines) + "\n"


def served(path):
    """The resources an in-memory handler serves, and how many it does not, from its doc comment:
    `served=A, B` and `unserved=N`, each on a line of its own."""
    comment = " ".join(
        line[3:].strip() for line in open(path) if line.startswith("///")
    )
    names = re.search(r"Resources served: (.*?)\.(?: |$)", comment)
    print("served=" + (names.group(1) if names else ""))
    print("unserved=" + str(len(re.findall(r"Not served: \w+, which", comment))))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "served":
        served(args[0])
    elif command == "ir-facts":
        ir_facts()
    elif command == "repo-names":
        repo_names()
    elif command == "package":
        package(args[0], args[1], args[2:])
    elif command == "record":
        record(args[0], args[1:])
    elif command == "report":
        sys.exit(report(*args))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
