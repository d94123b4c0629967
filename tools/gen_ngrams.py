#!/usr/bin/env python3
"""Derive putsa's word statistics from the Swedish reference corpus.

Input: ../shared/corpus/sv-gov-to-2019.txt.xz (or the path given as the first argument):
17,183 pages of the Swedish Government Offices' web site, 2004-2019, as mirrored by
github.com/civictechsweden/g0vse (branch data, commit b9e34cec61a3). The corpus itself is
not shipped; only these counts are.

Outputs (gzip, deterministic, sorted by UTF-8 bytes):
  dictionaries/sv-unigrams.tsv.gz   word <TAB> count                     (count >= 2)
  dictionaries/sv-bigrams.tsv.gz    word1 <SPACE> word2 <TAB> count      (count >= 2)
  dictionaries/sv-trigrams.tsv.gz   word1 word2 word3 <TAB> count         (count >= 2)

Words are lower-cased letter runs (inner hyphens, colons and periods of abbreviations kept
as the Rust tokenizer keeps them); a number is "<num>"; "<s>" marks a sentence or block
boundary, so that the model knows which words start sentences.
"""
import collections
import gzip
import lzma
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "dictionaries")
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus", "sv-gov-to-2019.txt.xz")

# A word: letters, optionally joined by single inner hyphens; a number: digits with inner
# separators; a sentence end: . ! ? : ; or a blank line.
TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[ .,:/]\d+)*|[.!?;:]|\n\s*\n")
MIN_COUNT = 2
MIN_TRIGRAM = 2


def tokens(text):
    for m in TOKEN.finditer(text):
        t = m.group()
        if t[0].isalpha():
            yield t.lower()
        elif t[0].isdigit():
            yield "<num>"
        else:
            yield "<s>"


def write_gz(path, lines):
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else CORPUS
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        text = unicodedata.normalize("NFC", fh.read())
    uni = collections.Counter()
    bi = collections.Counter()
    tri = collections.Counter()
    for page in text.split("\f"):
        body = page.split("\n", 1)[1] if page.startswith("#") else page
        prev2, prev = "<s>", "<s>"
        for tok in tokens(body):
            if prev == "<s>" and tok == "<s>":
                continue
            uni[tok] += 1
            bi[(prev, tok)] += 1
            if prev != "<s>" and tok != "<s>":
                tri[(prev2, prev, tok)] += 1
            prev2, prev = prev, tok
    total = sum(uni.values())
    uni_rows = sorted((w, c) for w, c in uni.items() if c >= MIN_COUNT)
    uni_rows.sort(key=lambda kv: kv[0].encode("utf-8"))
    write_gz(os.path.join(OUT, "sv-unigrams.tsv.gz"),
             [f"# tokens {total}"] + [f"{w}\t{c}" for w, c in uni_rows])
    bi_rows = sorted(((f"{a} {b}", c) for (a, b), c in bi.items() if c >= MIN_COUNT),
                     key=lambda kv: kv[0].encode("utf-8"))
    write_gz(os.path.join(OUT, "sv-bigrams.tsv.gz"), [f"{k}\t{c}" for k, c in bi_rows])
    tri_rows = sorted(((f"{a} {b} {c}", n) for (a, b, c), n in tri.items() if n >= MIN_TRIGRAM),
                      key=lambda kv: kv[0].encode("utf-8"))
    write_gz(os.path.join(OUT, "sv-trigrams.tsv.gz"), [f"{k}\t{c}" for k, c in tri_rows])
    print(f"{total} tokens, {len(uni_rows)} unigrams, {len(bi_rows)} bigrams, {len(tri_rows)} trigrams kept",
          file=sys.stderr)


if __name__ == "__main__":
    main()
