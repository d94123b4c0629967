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
  dictionaries/sv-capitals.tsv.gz   word <TAB> after <TAB> capitalised <TAB> before <TAB> capital next
      (words seen at least 20 times either way): how often the word follows a lower-case word
      and how often it is written with a capital there ("vid" never, "Sverige" always), and
      how often a word follows it (written in lower case) and how often that word has a
      capital ("rapporten Staten som inköpare": titles and names follow some words)

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
MIN_CASE = 20


def tokens(text):
    for t, _ in cased_tokens(text):
        yield t


def cased_tokens(text):
    """The tokens with the word as written (None for "<num>" and "<s>")."""
    for m in TOKEN.finditer(text):
        t = m.group()
        if t[0].isalpha():
            yield t.lower(), t
        elif t[0].isdigit():
            yield "<num>", None
        else:
            yield "<s>", None


def title_case(t):
    """A capital first letter, and not a word in capitals ("EU", "SKR")."""
    return t[0].isupper() and not (len(t) > 1 and t.isupper())


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
    # Case after a word written in lower case: [times, with a capital] for the word itself,
    # and for what follows a word.
    after = collections.defaultdict(lambda: [0, 0])
    before = collections.defaultdict(lambda: [0, 0])
    for page in text.split("\f"):
        body = page.split("\n", 1)[1] if page.startswith("#") else page
        prev2, prev = "<s>", "<s>"
        prev_lower = False
        for tok, written in cased_tokens(body):
            if prev == "<s>" and tok == "<s>":
                continue
            if written is not None and prev_lower and not written.isupper():
                capital = title_case(written)
                for table, key in ((after, tok), (before, prev)):
                    table[key][0] += 1
                    table[key][1] += capital
            prev_lower = written is not None and written[0].islower()
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
    case_rows = []
    for w in sorted(set(after) | set(before), key=lambda w: w.encode("utf-8")):
        a, b = after.get(w, [0, 0]), before.get(w, [0, 0])
        if a[0] >= MIN_CASE or b[0] >= MIN_CASE:
            case_rows.append(f"{w}\t{a[0]}\t{a[1]}\t{b[0]}\t{b[1]}")
    write_gz(os.path.join(OUT, "sv-capitals.tsv.gz"), case_rows)
    print(f"{total} tokens, {len(uni_rows)} unigrams, {len(bi_rows)} bigrams, {len(tri_rows)} trigrams, {len(case_rows)} case rows kept",
          file=sys.stderr)


if __name__ == "__main__":
    main()
