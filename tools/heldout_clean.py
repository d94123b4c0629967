"""Measure what putsa changes in clean Swedish text it has never seen.

Every edit the word stage makes in correctly written text is either a repair of the writer's
own typo or harm. The reference corpus (../shared/corpus, regeringen.se pages) is clean text,
but putsa's word statistics are derived from all of it; so this script holds out every fifth
page, derives the statistics again from the other four fifths into a copy of the project,
builds that copy, and cleans the held-out pages with the word stage alone
(--no-furniture --no-paragraphs --no-dedup --no-dashes). Pages mostly in English (more than
one "the"/"and" per hundred words) are left out: a Swedish cleaner is not asked to read them.

Prints the number of held-out words, the edits by kind, edits per 100,000 words, and the most
frequent edits (--show N; --context prints each edit in its place). Needs cargo and python3;
the copy is built under target/heldout (about two minutes the first time).

    python3 tools/heldout_clean.py [--show 60] [--context] [--corpus PATH]
"""

import argparse
import collections
import json
import lzma
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "sv-gov-to-2019.txt.xz")
HOLD_OUT_EVERY = 5
WORDS = ["--no-furniture", "--no-paragraphs", "--no-dedup", "--no-dashes"]


def english(body):
    words = len(body.split()) or 1
    return len(re.findall(r"\b(?:the|and)\b", body)) * 100 > words


def held_out_build(corpus):
    """Builds the copy of the project whose word statistics leave out every fifth page of
    `corpus`; returns the path of its binary and the held-out Swedish page bodies, by name."""
    with lzma.open(corpus, "rt", encoding="utf-8") as fh:
        pages = fh.read().split("\f")
    train = [p for i, p in enumerate(pages) if i % HOLD_OUT_EVERY != 0]
    held = [p for i, p in enumerate(pages) if i % HOLD_OUT_EVERY == 0]

    copy = os.path.join(ROOT, "target", "heldout", "project")
    os.makedirs(copy, exist_ok=True)
    for name in ["Cargo.toml", "Cargo.lock", "build.rs", "src", "dictionaries", "tools", "benches",
                 "examples", "tests"]:
        src, dst = os.path.join(ROOT, name), os.path.join(copy, name)
        if os.path.isdir(src):
            shutil.rmtree(dst, ignore_errors=True)
            shutil.copytree(src, dst)
        else:
            shutil.copy2(src, dst)
    work = tempfile.mkdtemp(prefix="putsa-heldout-")
    try:
        train_path = os.path.join(work, "train.txt.xz")
        with lzma.open(train_path, "wt", encoding="utf-8") as fh:
            fh.write("\f".join(train))
        subprocess.run([sys.executable, os.path.join(copy, "tools", "gen_ngrams.py"), train_path],
                       check=True)
        target = os.path.join(ROOT, "target", "heldout", "target")
        subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path",
                        os.path.join(copy, "Cargo.toml"), "--target-dir", target], check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bodies = {}
    for i, page in enumerate(held):
        body = page.split("\n", 1)[1] if page.startswith("# ") and "\n" in page else page
        if len(body) < 200 or english(body):
            continue
        bodies[f"{i:05}.txt"] = body
    return os.path.join(target, "release", "putsa"), bodies


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--show", type=int, default=40, help="most frequent edits to list")
    ap.add_argument("--context", action="store_true", help="print every edit in its place")
    args = ap.parse_args()

    binary, bodies = held_out_build(args.corpus)
    work = tempfile.mkdtemp(prefix="putsa-heldout-")
    try:
        pages_dir = os.path.join(work, "pages")
        os.makedirs(pages_dir)
        for name, body in bodies.items():
            with open(os.path.join(pages_dir, name), "w", encoding="utf-8") as fh:
                fh.write(body)
        out = subprocess.run([binary, "--format", "jsonl", "--quiet", "--jobs", "1", *WORDS,
                              pages_dir], check=True, capture_output=True, text=True).stdout
    finally:
        shutil.rmtree(work, ignore_errors=True)

    words = sum(len(b.split()) for b in bodies.values())
    kinds = collections.Counter()
    edits = collections.Counter()
    for line in out.splitlines():
        doc = json.loads(line)
        body = bodies[os.path.basename(doc["path"])]
        raw = body.encode("utf-8")
        for e in doc["edits"]:
            kinds[e["kind"]] += 1
            if e["kind"] == "typography":
                continue
            edits[(e["before"], e["after"], e["kind"])] += 1
            if args.context:
                a, z = e["span"]["start"], e["span"]["end"]
                left = raw[max(0, a - 40):a].decode("utf-8", "replace")
                right = raw[z:z + 40].decode("utf-8", "replace")
                print(f"{e['before']!r} -> {e['after']!r} [{e['kind']} {e['confidence']:.2f}]"
                      f"  …{left}[{e['before']}]{right}…".replace("\n", "⏎"))
    words_edits = sum(n for k, n in kinds.items() if k != "typography")
    print(f"{len(bodies)} held-out pages, {words} words; edits by kind: {dict(kinds)}")
    print(f"word edits: {words_edits}, {100_000 * words_edits / words:.1f} per 100,000 words")
    for (before, after, kind), n in edits.most_common(args.show):
        print(f"{n:5} {before!r} -> {after!r} [{kind}]")


if __name__ == "__main__":
    main()
