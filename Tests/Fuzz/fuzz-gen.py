#!/usr/bin/env python3
"""Fuzzes the built `gen` binary with mutated specs and hostile manifests.

Each case copies a spec of this repository (Specs/SipDomain.yaml, Tests/Fixtures/Landmine.yaml or
Tests/Fixtures/Organizations.yaml) and the output gen generated for it into a fresh temporary
folder, mutates either the spec or the output folder's manifest, runs

    gen --spec TMP/Specs/X.yaml --output TMP/Generated      (or --specs TMP/Specs)

with a timeout, and checks:

- spec cases: gen exits 0, or exits 1 with a `FILE:LINE:COL: error: ` line on stderr and
  the output folder untouched, byte for byte and modification time;
- manifest cases: gen exits 0, or 1 with an error line, and every file outside the output
  folder (victims, and the targets of symbolic links planted in it) is still there, unchanged;
- always: no crash (a signal), no hang (the timeout), no other exit code.

A failure prints its seed, index and mutations; `--seed S --only I --keep` replays one case and
keeps its folder. Standard library only.

    python3 Tests/Fuzz/fuzz-gen.py --gen .build/debug/gen --seed 1 --cases 300
"""

import argparse
import collections
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SPECS = ["Specs/SipDomain.yaml", "Tests/Fixtures/Landmine.yaml", "Tests/Fixtures/Organizations.yaml"]
MANIFEST = ".gen-manifest"
VICTIM_TEXT = b"// precious: gen must never touch this file\n"
LOCATED_ERROR = re.compile(r"^[^:]+:\d+:\d+: error: ", re.MULTILINE)
ANY_ERROR = re.compile(r"^(gen: error: |[^:]+:\d+:\d+: error: )", re.MULTILINE)


# MARK: Snapshots


def snapshot(root, skip=None):
    """Every entry below `root`, links not followed: kind, bytes or link target, mode, mtime."""
    state = {}
    for folder, folders, files in os.walk(root, followlinks=False):
        if skip and os.path.abspath(folder) == os.path.abspath(skip):
            folders[:] = []
            continue
        folders[:] = [f for f in folders if not (skip and os.path.join(folder, f) == skip)]
        for name in folders + files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if os.path.islink(path):
                state[path] = ("link", os.readlink(path), info.st_mtime_ns)
            elif os.path.isdir(path):
                state[path] = ("folder", info.st_mode, info.st_mtime_ns)
            else:
                with open(path, "rb") as handle:
                    state[path] = ("file", handle.read(), info.st_mode, info.st_mtime_ns)
    return state


def difference(before, after):
    """The first few paths that differ between two snapshots, for a failure report."""
    paths = sorted(set(before) | set(after))
    changed = [p for p in paths if before.get(p) != after.get(p)]
    return ", ".join(
        f"{p} ({'gone' if p not in after else 'new' if p not in before else 'changed'})" for p in changed[:5]
    )


# MARK: Spec mutations


YAML_SPECIALS = [
    "&a",
    "*a",
    "<<: *a",
    "!!binary AAAA",
    "!!python/object:os.system",
    "---",
    "...",
    "? complex",
    "%YAML 1.2",
    "%TAG ! tag:example.com,2000:",
    "|",
    ">-",
    "{",
    "}",
    "[",
    "]",
    '"\\u0000"',
    "'unterminated",
    "\t",
    "~",
    "null",
    "!!str",
    "key: &b [*b]",
    "@",
    "`",
    "#",
    ": :",
    "- - -",
    "0x7FFFFFFFFFFFFFFFF",
    "-.inf",
    "\ufeff",
]


def mutate_spec(text, rng):
    lines = text.split("\n")
    kind = rng.choice(
        [
            "delete",
            "duplicate",
            "shift",
            "swap-tokens",
            "flip-bytes",
            "truncate",
            "yaml-special",
            "tab",
            "document-separator",
            "long-line",
            "indent",
            "anchors",
            "nesting",
        ]
    )
    line = rng.randrange(len(lines))
    if kind == "delete":
        del lines[line]
        return "\n".join(lines), f"delete line {line + 1}"
    if kind == "duplicate":
        lines.insert(line, lines[line])
        return "\n".join(lines), f"duplicate line {line + 1}"
    if kind == "shift":
        moved = lines.pop(line)
        target = rng.randrange(len(lines) + 1)
        lines.insert(target, moved)
        return "\n".join(lines), f"move line {line + 1} to {target + 1}"
    if kind == "swap-tokens":
        tokens = re.findall(r"[A-Za-z_][\w<>-]*|\S", text)
        a, b = rng.choice(tokens), rng.choice(tokens)
        swapped = text.replace(a, "\0").replace(b, a).replace("\0", b)
        return swapped, f"swap tokens {a!r} and {b!r}"
    if kind == "flip-bytes":
        data = bytearray(text.encode())
        flips = []
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(data))
            bit = 1 << rng.randrange(8)
            data[at] ^= bit
            flips.append(f"{at}^{bit}")
        return bytes(data), f"flip bits {' '.join(flips)}"
    if kind == "truncate":
        at = rng.randrange(len(text))
        return text[:at], f"truncate at {at}"
    if kind == "yaml-special":
        special = rng.choice(YAML_SPECIALS)
        column = rng.randrange(len(lines[line]) + 1)
        lines[line] = lines[line][:column] + special + lines[line][column:]
        return "\n".join(lines), f"insert {special!r} at {line + 1}:{column + 1}"
    if kind == "tab":
        lines[line] = re.sub(r"^ +", "\t", lines[line]) if lines[line].startswith(" ") else "\t" + lines[line]
        return "\n".join(lines), f"tab indentation on line {line + 1}"
    if kind == "document-separator":
        lines.insert(line, "---")
        return "\n".join(lines), f"'---' before line {line + 1}"
    if kind == "long-line":
        length = rng.choice([1000, 100_000, 1_000_000])
        filler = rng.choice(["x", "a: ", "[", "{a: ", "'", " "])
        lines.insert(line, (filler * (length // len(filler)))[:length])
        return "\n".join(lines), f"line of {length} x {filler!r} before line {line + 1}"
    if kind == "indent":
        delta = rng.choice([-2, -1, 1, 2])
        lines[line] = (" " * delta + lines[line]) if delta > 0 else lines[line][-delta:]
        return "\n".join(lines), f"indent line {line + 1} by {delta}"
    if kind == "anchors":
        # Each level refers to the one before nine times: a small billion laughs.
        depth = rng.randint(3, 9)
        bomb = ["bomb0: &b0 [lol]"]
        bomb += [f"bomb{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 9) + "]" for i in range(1, depth)]
        return "\n".join(bomb + lines), f"{depth} levels of aliases at the top"
    depth = rng.choice([100, 1000, 10_000])
    lines.insert(line, "deep: " + "[" * depth + "]" * depth)
    return "\n".join(lines), f"{depth} nested flow sequences before line {line + 1}"


# MARK: Manifest mutations


def manifest_mutations(case, rng):
    """Applies one to three hostile changes to the output folder and returns what they were."""
    done = []
    for _ in range(rng.randint(1, 3)):
        done.append(rng.choice(MANIFEST_MUTATIONS)(case, rng))
    return done


def entries(case):
    path = os.path.join(case.output, MANIFEST)
    if os.path.islink(path) or not os.path.isfile(path):
        return []
    with open(path, "rb") as handle:
        return handle.read().split(b"\n")


def append_lines(case, lines):
    path = os.path.join(case.output, MANIFEST)
    if os.path.islink(path) or not os.path.isfile(path):
        return
    with open(path, "ab") as handle:
        handle.write(b"".join(line + b"\n" for line in lines))


def some_spec(case, rng):
    return rng.choice([case.spec_name, "Gone.yaml"]).encode()


def dot_dot_entry(case, rng):
    target = rng.choice(
        [b"../victim.txt", b"../Victim.swift", b"../outside/Kept.swift", case.module.encode() + b"/../../Victim.swift"]
    )
    append_lines(case, [some_spec(case, rng) + b" " + target])
    return f"entry {target.decode()!r}"


def absolute_entry(case, rng):
    target = os.path.join(case.folder, rng.choice(["Victim.swift", "victim.txt", "outside/Kept.swift"])).encode()
    append_lines(case, [some_spec(case, rng) + b" " + target])
    return f"absolute entry {target.decode()!r}"


def odd_component_entry(case, rng):
    target = rng.choice(
        [
            b"./Victim.swift",
            b"A//B.swift",
            b"..\\Victim.swift",
            b"A/\x1b[2J.swift",
            b"A/B\t.swift",
            b"A/",
            b"/",
            "../\u0301Victim.swift".encode(),
        ]
    )
    append_lines(case, [some_spec(case, rng) + b" " + target])
    return f"entry {target!r}"


def linked_module_folder(case, rng):
    """A module folder moved outside and linked back: gen must refuse to write through it."""
    module = os.path.join(case.output, case.module)
    if os.path.islink(module) or not os.path.isdir(module):
        return "no module folder to link"
    moved = os.path.join(case.folder, "outside", f"{case.module}-{rng.randrange(1000)}")
    shutil.move(module, moved)
    os.symlink(moved, module)
    return f"{case.module} linked to {moved}"


def stale_entries_behind_a_link(case, rng):
    """Entries of a spec that is gone, in a folder linked outside: nothing there may go."""
    outside = os.path.join(case.folder, "outside", "Stale")
    os.makedirs(outside, exist_ok=True)
    with open(os.path.join(outside, "Stale.swift"), "wb") as handle:
        handle.write(VICTIM_TEXT)
    link = os.path.join(case.output, "StaleModels")
    if not os.path.lexists(link):
        os.symlink(outside, link)
    append_lines(case, [case.spec_name.encode() + b" StaleModels/Stale.swift", b"Gone.yaml StaleModels/Stale.swift"])
    return "stale entries in StaleModels, a link to outside/Stale"


def linked_generated_file(case, rng):
    """A generated file replaced by a link to a victim: the link may be replaced, never followed."""
    files = [os.fsdecode(line.split(b" ", 1)[1]) for line in entries(case)[1:] if b" " in line]
    files = [f for f in files if os.path.isfile(os.path.join(case.output, f))]
    if not files:
        return "no generated file to link"
    chosen = rng.choice(files)
    path = os.path.join(case.output, chosen)
    os.remove(path)
    os.symlink(os.path.join(case.folder, rng.choice(["Victim.swift", "victim.txt"])), path)
    return f"{chosen} linked to a victim"


def linked_stale_file(case, rng):
    name = f"Linked{rng.randrange(1000)}.swift"
    os.symlink(os.path.join(case.folder, "Victim.swift"), os.path.join(case.output, name))
    append_lines(case, [some_spec(case, rng) + b" " + name.encode()])
    return f"stale entry {name}, a link to Victim.swift"


def folder_entry(case, rng):
    folder = os.path.join(case.output, "Folder.swift")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "Inside.swift"), "wb") as handle:
        handle.write(b"// mine\n")
    append_lines(case, [some_spec(case, rng) + b" Folder.swift", some_spec(case, rng) + b" " + case.module.encode()])
    return "entries naming folders"


def garbage_bytes(case, rng):
    path = os.path.join(case.output, MANIFEST)
    if os.path.islink(path) or not os.path.isfile(path):
        return "no manifest for garbage"
    with open(path, "rb") as handle:
        data = bytearray(handle.read())
    garbage = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    at = rng.randrange(len(data) + 1)
    data[at:at] = garbage
    with open(path, "wb") as handle:
        handle.write(bytes(data))
    return f"{len(garbage)} random bytes at {at}"


def replaced_manifest(case, rng):
    path = os.path.join(case.output, MANIFEST)
    kind = rng.choice(["empty", "binary", "yaml", "no-heading", "crlf", "link", "folder", "huge"])
    if os.path.islink(path):
        os.remove(path)
    elif os.path.isdir(path):
        shutil.rmtree(path)
    lines = [line for line in entries(case) if line] if os.path.exists(path) else []
    if kind == "link":
        if os.path.exists(path):
            os.remove(path)
        os.symlink(os.path.join(case.folder, "victim.txt"), path)
        return "manifest linked to victim.txt"
    if kind == "folder":
        if os.path.exists(path):
            os.remove(path)
        os.makedirs(path)
        return "manifest is a folder"
    content = {
        "empty": b"",
        "binary": bytes(rng.randrange(256) for _ in range(512)),
        "yaml": b"---\n<<: *a\n" + case.spec_name.encode() + b": !!binary ../victim.txt\n",
        "no-heading": b"\n".join(lines[1:] + [b"Gone.yaml ../Victim.swift"]) + b"\n",
        "crlf": b"\r\n".join(lines + [b"Gone.yaml ../victim.txt"]) + b"\r\n",
        "huge": b"\n".join(lines + [b"Gone.yaml " + b"A/" * rng.choice([1000, 500_000]) + b"B.swift"]) + b"\n",
    }[kind]
    with open(path, "wb") as handle:
        handle.write(content)
    return f"manifest replaced: {kind}"


def shuffled_manifest(case, rng):
    lines = entries(case)
    if not lines:
        return "no manifest to shuffle"
    rng.shuffle(lines)
    with open(os.path.join(case.output, MANIFEST), "wb") as handle:
        handle.write(b"\n".join(lines))
    return "manifest lines shuffled"


MANIFEST_MUTATIONS = [
    dot_dot_entry,
    absolute_entry,
    odd_component_entry,
    linked_module_folder,
    stale_entries_behind_a_link,
    linked_generated_file,
    linked_stale_file,
    folder_entry,
    garbage_bytes,
    replaced_manifest,
    shuffled_manifest,
]


# MARK: Cases


class Case:
    def __init__(self, folder, spec):
        self.folder = folder
        self.spec_name = os.path.basename(spec)
        self.spec = os.path.join(folder, "Specs", self.spec_name)
        self.output = os.path.join(folder, "Generated")
        self.module = os.path.splitext(self.spec_name)[0] + "Models"


def prepare(base, spec):
    """A fresh folder: the spec, the output gen generated for it, victims outside the output."""
    folder = tempfile.mkdtemp(prefix="gen-fuzz-")
    case = Case(folder, spec)
    os.makedirs(os.path.dirname(case.spec))
    shutil.copy2(os.path.join(REPOSITORY, spec), case.spec)
    shutil.copytree(base[spec], case.output, symlinks=True)
    for name in ["victim.txt", "Victim.swift", "outside/Kept.swift"]:
        os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(VICTIM_TEXT)
    return case


def run_case(arguments, base, index):
    rng = random.Random(f"{arguments.seed}:{index}")
    spec = rng.choice(SPECS)
    case = prepare(base, spec)
    passed = False
    try:
        mutating_spec = rng.random() < 0.6
        if mutating_spec:
            with open(case.spec, encoding="utf-8") as handle:
                text = handle.read()
            mutations = []
            for _ in range(rng.randint(1, 3)):
                text, description = mutate_spec(text if isinstance(text, str) else text.decode("utf-8", "replace"), rng)
                mutations.append(description)
            with open(case.spec, "wb") as handle:
                handle.write(text if isinstance(text, bytes) else text.encode())
            command = [arguments.gen, "--spec", case.spec, "--output", case.output]
        else:
            mutations = manifest_mutations(case, rng)
            # A run over the whole folder also prunes the entries of specs that are gone.
            if rng.random() < 0.5:
                command = [arguments.gen, "--spec", case.spec, "--output", case.output]
            else:
                command = [arguments.gen, "--specs", os.path.dirname(case.spec), "--output", case.output]
        kind = "spec" if mutating_spec else "manifest"
        outside_before = snapshot(case.folder, skip=case.output)
        output_before = snapshot(case.output)
        try:
            result = subprocess.run(command, capture_output=True, timeout=arguments.timeout)
        except subprocess.TimeoutExpired:
            hang = f"hang: no exit within {arguments.timeout} s"
            return f"{kind} cases: hang", failure(arguments, index, spec, kind, mutations, hang, case)
        stderr = result.stderr.decode("utf-8", "replace")
        problem = None
        if result.returncode < 0:
            problem = f"crash: signal {-result.returncode}"
        elif result.returncode not in (0, 1):
            problem = f"exit code {result.returncode}"
        elif result.returncode == 1 and mutating_spec and not LOCATED_ERROR.search(stderr):
            problem = "exit 1 without a FILE:LINE:COL: error: line"
        elif result.returncode == 1 and not mutating_spec and not ANY_ERROR.search(stderr):
            problem = "exit 1 without an error line"
        elif result.returncode == 1 and (changed := difference(output_before, snapshot(case.output))):
            problem = f"exit 1, yet the output folder changed: {changed}"
        elif changed := difference(outside_before, snapshot(case.folder, skip=case.output)):
            problem = f"a file outside the output folder changed: {changed}"
        if problem:
            return f"{kind} cases: failed", failure(arguments, index, spec, kind, mutations, problem, case, stderr)
        passed = True
        return f"{kind} cases: exit {result.returncode}", None
    except Exception:
        # A bug of this script, not of gen: reported with the case, so it can be replayed.
        report = f"FAIL seed {arguments.seed} case {index}: the fuzzer itself failed\n{traceback.format_exc()}"
        return "fuzzer errors", report
    finally:
        if passed or not arguments.keep:
            shutil.rmtree(case.folder, ignore_errors=True)


def failure(arguments, index, spec, kind, mutations, problem, case, stderr=""):
    lines = [
        f"FAIL seed {arguments.seed} case {index} ({kind} of {spec}): {problem}",
        *(f"  mutation: {m}" for m in mutations),
        f"  replay: {sys.argv[0]} --gen {arguments.gen} --seed {arguments.seed} --only {index} --keep",
    ]
    if arguments.keep:
        lines.append(f"  folder: {case.folder}")
    lines += [f"  stderr: {line}" for line in stderr.strip().split("\n")[-12:] if line]
    return "\n".join(lines)


def generate_bases(arguments, root):
    """The output gen writes for each unmutated spec, copied into every case."""
    base = {}
    for spec in SPECS:
        output = os.path.join(root, os.path.splitext(os.path.basename(spec))[0], "Generated")
        result = subprocess.run(
            [arguments.gen, "--spec", os.path.join(REPOSITORY, spec), "--output", output],
            capture_output=True,
            timeout=arguments.timeout * 3,
        )
        if result.returncode != 0:
            sys.exit(f"fuzz: gen fails on the unmutated {spec}:\n{result.stderr.decode('utf-8', 'replace')}")
        base[spec] = output
    return base


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gen", default=".build/debug/gen", help="the gen binary (default: .build/debug/gen)")
    parser.add_argument("--seed", type=int, default=1, help="the seed every case derives from (default: 1)")
    parser.add_argument("--cases", type=int, default=300, help="how many cases to run (default: 300)")
    parser.add_argument("--only", type=int, help="run only this case index, to replay a failure")
    parser.add_argument("--timeout", type=float, default=10, help="seconds before a run counts as a hang")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="cases run at once")
    parser.add_argument("--keep", action="store_true", help="keep the folders of failed cases")
    arguments = parser.parse_args()
    arguments.gen = os.path.abspath(arguments.gen)
    if not os.access(arguments.gen, os.X_OK):
        sys.exit(f"fuzz: no gen binary at {arguments.gen}; build it with `swift build --product gen`")

    started = time.monotonic()
    indices = [arguments.only] if arguments.only is not None else list(range(arguments.cases))
    with tempfile.TemporaryDirectory(prefix="gen-fuzz-base-") as root:
        base = generate_bases(arguments, root)
        with concurrent.futures.ThreadPoolExecutor(max_workers=arguments.jobs) as pool:
            results = list(pool.map(lambda index: run_case(arguments, base, index), indices))
    failures = [report for _, report in results if report]
    for report in failures:
        print(report)
    seconds = time.monotonic() - started
    outcomes = collections.Counter(outcome for outcome, _ in results)
    print(f"fuzz: seed {arguments.seed}, {len(indices)} cases in {seconds:.1f} s")
    print("fuzz: " + "; ".join(f"{outcome}: {count}" for outcome, count in sorted(outcomes.items())))
    print(f"fuzz: {len(indices) - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
