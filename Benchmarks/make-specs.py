#!/usr/bin/env python3
"""Writes synthetic specs: copies of Specs/SipDomain.yaml with the resource renamed.

  make-specs.py N OUT            N spec files, one resource each (SipDomain1.yaml, …)
  make-specs.py N OUT --single   one spec, Bench.yaml, with N resources
"""
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
spec = (root / "Specs" / "SipDomain.yaml").read_text()
count, out = int(sys.argv[1]), Path(sys.argv[2])
single = "--single" in sys.argv[3:]
out.mkdir(parents=True, exist_ok=True)

head, resources = spec.split("\nresources:\n", 1)
letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def prefix(index):
    """A two-letter SID prefix for the index-th resource, never SD, AC, BY or PN."""
    taken = {"SD", "AC", "BY", "PN"}
    candidates = (a + b for a in letters for b in letters if a + b not in taken)
    for number, candidate in enumerate(candidates):
        if number == index:
            return candidate
    raise ValueError("too many resources")


def renamed(index):
    """The resource block as SipDomain<index>, with its own SID kind and paths."""
    block = resources.replace("SipDomains:", f"SipDomains{index}:")
    block = block.replace("  SipDomain:\n", f"  SipDomain{index}:\n", 1)
    block = block.replace("plural: SipDomains", f"plural: SipDomains{index}")
    block = block.replace("sid<SD>", f"sid<{prefix(index)}>")
    block = block.replace("/SIP/Domains", f"/SIP/Domains{index}")
    return block


def sids(indices):
    lines = "".join(f"  {prefix(i)}: SipDomain{i}\n" for i in indices)
    return re.sub(r"  SD: SipDomain\n", lines, head)


if single:
    text = sids(range(count)) + "\nresources:\n" + "".join(renamed(i) for i in range(count))
    (out / "Bench.yaml").write_text(text.replace("name: SipDomain\n", "name: Bench\n", 1))
else:
    for index in range(count):
        text = sids([index]) + "\nresources:\n" + renamed(index)
        (out / f"SipDomain{index}.yaml").write_text(text.replace("name: SipDomain\n", f"name: SipDomain{index}\n", 1))
