#!/usr/bin/env python3
"""Lists the licence of every third-party dependency, offline, and fails on
a licence outside the allow-list (issue #8; the offline equivalent of
`cargo deny check licenses`).

Sources: `cargo metadata --offline` for the app's crates (every target:
native and wasm32; each crate marked "app" when it reaches the shipped
program through normal dependencies, else "build/test"), and
package-lock.json for the npm development tools. Writes
LICENSES-THIRD-PARTY.md; with --check it writes nothing and fails if that
file is out of date.
    scripts/licences.py [--check]
"""
import json, re, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "LICENSES-THIRD-PARTY.md"
# Permissive licences (SPDX ids) the project accepts; anything else fails.
ALLOWED = {
    "MIT", "Apache-2.0", "Apache-2.0 WITH LLVM-exception", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Zlib",
    "0BSD", "Unlicense", "CC0-1.0", "BSL-1.0", "Unicode-3.0", "Unicode-DFS-2016", "MPL-2.0", "BlueOak-1.0.0",
    "NCSA",  # LLVM's University of Illinois/NCSA licence (libFuzzer, fuzz targets only)
}


def allowed(expr):
    """Whether an SPDX expression (OR / AND / parentheses, legacy `A/B`) is satisfied by ALLOWED."""
    tokens = re.findall(r"\(|\)|[^\s()]+(?:\s+WITH\s+[^\s()]+)?", expr.replace("/", " OR "))
    pos = 0

    def parse_or():
        nonlocal pos
        value = parse_and()
        while pos < len(tokens) and tokens[pos] == "OR":
            pos += 1
            value = parse_and() or value
        return value

    def parse_and():
        nonlocal pos
        value = parse_atom()
        while pos < len(tokens) and tokens[pos] == "AND":
            pos += 1
            value = parse_atom() and value
        return value

    def parse_atom():
        nonlocal pos
        token = tokens[pos]
        pos += 1
        if token == "(":
            value = parse_or()
            pos += 1  # ")"
            return value
        return token in ALLOWED

    try:
        value = parse_or()
        return value and pos == len(tokens)
    except IndexError:
        return False


def cargo_rows(manifest, tool=None):
    """Crates of one Cargo manifest; `tool` names the use of all of them (else app vs build/test)."""
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--offline", "--format-version", "1", "--manifest-path", str(manifest)],
        check=True, capture_output=True, text=True).stdout)
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    # Crates reached from the root through normal (not dev / build) dependencies ship in the app.
    shipped, stack = set(), [root]
    while stack:
        node = nodes[stack.pop()]
        for dep in node["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in shipped:
                shipped.add(dep["pkg"])
                stack.append(dep["pkg"])
    rows = []
    for pid, p in packages.items():
        if pid == root or p["source"] is None:  # the project's own crates
            continue
        licence = p.get("license") or (f"see {p['license_file']}" if p.get("license_file") else "NONE")
        rows.append(("crate", p["name"], p["version"], licence, tool or ("app" if pid in shipped else "build/test")))
    return rows


def npm_rows():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    rows = []
    for path, p in lock.get("packages", {}).items():
        if not path:
            continue
        name = path.split("node_modules/")[-1]
        licence = p.get("license") or "NONE"
        if isinstance(licence, dict):
            licence = licence.get("type", "NONE")
        rows.append(("npm", name, p.get("version", "?"), licence, "dev tool"))
    return rows


def main():
    main_rows = set(cargo_rows(ROOT / "Cargo.toml"))
    known = {(r[1], r[2]) for r in main_rows}
    fuzz_rows = {r for r in cargo_rows(ROOT / "fuzz" / "Cargo.toml", "fuzz (test)") if (r[1], r[2]) not in known}
    rows = sorted(main_rows | fuzz_rows | set(npm_rows()))
    bad = [r for r in rows if not allowed(r[3])]
    lines = [
        "# Third-party licences",
        "",
        "Every dependency of TripletLab with its licence, generated offline by",
        "`scripts/licences.py` (run by `scripts/test.sh` with `--check`, which also fails on",
        "any licence outside the allow-list below). Crates come from `cargo metadata --offline`",
        "(all targets, native and wasm32): **app** = a normal (non-dev) dependency on some target (the",
        "wasm app or the native library and its tools); **build/test** = only tests, benchmarks or build scripts.",
        "**fuzz (test)** = only the cargo-fuzz targets in fuzz/ (their own Cargo.lock).",
        "npm packages (package-lock.json) are development tools only (wasm-opt, Playwright, axe-core);",
        "nothing from npm is shipped.",
        "",
        "Allowed: " + ", ".join(sorted(ALLOWED)) + " (an `A OR B` choice needs one of them, `A AND B` both).",
        "",
        f"{sum(r[0] == 'crate' for r in rows)} crates "
        f"({sum(r[0] == 'crate' and r[4] == 'app' for r in rows)} in the app), "
        f"{sum(r[0] == 'npm' for r in rows)} npm packages; outside the allow-list: {len(bad)}.",
        "",
        "| kind | name | version | licence | used by |",
        "|------|------|---------|---------|---------|",
    ]
    lines += [f"| {k} | {n} | {v} | {lic} | {use} |" for k, n, v, lic, use in rows]
    text = "\n".join(lines) + "\n"
    for r in bad:
        print(f"licence not allowed: {r[0]} {r[1]} {r[2]}: {r[3]}", file=sys.stderr)
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"{OUT.name} is out of date: run scripts/licences.py", file=sys.stderr)
            return 1
    else:
        OUT.write_text(text)
    print(f"{len(rows)} dependencies, {len(bad)} outside the allow-list")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
