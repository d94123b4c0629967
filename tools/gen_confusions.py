#!/usr/bin/env python3
"""Learn OCR confusion costs from aligned OCR and ground truth text.

Input: every dev document of ../shared/eval/dev (or the set folder given as the first
argument), all three OCR variants (Tesseract English LSTM, English legacy engine, Swedish),
each aligned with its truth_full.txt.

Output: dictionaries/ocr-confusions.tsv — lines `truth <TAB> ocr <TAB> count <TAB> cost`:
how OCR wrote a truth segment (one or two characters, lower case) and the channel cost
-log10 P(ocr | truth), smoothed. Identity rows ("ä" read as "ä") are included, so the Rust
side knows how often a letter survives. A fixed list of priors for visually similar glyphs
(below) is added with small pseudo-counts, so that confusions one font or engine never made
here still cost less than arbitrary edits.

Method: words of OCR and truth are aligned in order (difflib on a folded form that ignores
diacritics and common glyph confusions), 1:1 pairs inside replaced blocks are kept, and each
pair is aligned character by character (Levenshtein with backtrace); runs of adjacent
non-matching operations become segment substitutions of at most two characters a side, or
three OCR characters where a mark is among them (the legacy engine's "é’l" for "å", "é’m"
for "ån", "’ai" for "ä": the ring or dots read as a mark beside two glyphs).
"""
import collections
import difflib
import math
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "dictionaries", "ocr-confusions.tsv")
DEV = os.path.join(HERE, "..", "..", "shared", "eval", "dev")
VARIANTS = ["ocr_eng.txt", "ocr_eng_legacy.txt", "ocr_swe.txt"]

# Visually similar glyphs (truth -> OCR), a prior beyond what the dev set shows.
PRIORS = {
    "ä": "a à á â ã ai ii i d é ä' a' a\" ë", "å": "a à á â ä é i ä °a a°", "ö": "o ò ó ô õ 6 0 é d ø G O 6' o' ©",
    "é": "e è ê ë", "i": "1 l | ! í j", "l": "1 i | I !", "m": "rn nn in", "rn": "m", "n": "ri", "tt": "n ll", "ti": "ﬁ",
    "fi": "ﬁ", "fl": "ﬂ", "h": "li b", "d": "cl", "c": "e", "e": "c", "o": "0 6", "s": "5", "g": "q y", "u": "ii", "f": "t", "t": "f",
}
PRIOR_COUNT = 0.5
# What a prior pair the dev set never shows costs, and the most one it shows costs: about what
# a pair seen twice costs, less than an arbitrary edit (4.0 in the Rust channel). The
# pseudo-count alone would price a prior for a common letter above an arbitrary edit ("g" read
# as "q": 4.15), and one for a rare letter below a common confusion ("é" read as "e": 1.4).
PRIOR_COST = 3.3
MAX_SEG = 2
# Apostrophe-like marks OCR writes for the dots and rings of "ä", "å", "ö" (as the Rust
# channel's `is_mark`).
MARKS = "'’‘`´"


def norm(s):
    return unicodedata.normalize("NFC", s)


FOLD = str.maketrans("äåàáâãöòóôõ6é0èêë1l|!íìîï", "aaaaaaooooooooeeeiiiiiiii")


def fold(w):
    return w.lower().translate(FOLD)


def strip_punct(w):
    i, j = 0, len(w)
    while i < j and not w[i].isalnum():
        i += 1
    while j > i and not w[j - 1].isalnum():
        j -= 1
    return w[i:j]


def char_align(t, o):
    """Levenshtein backtrace between truth t and OCR o: list of (t_char or '', o_char or '')."""
    n, m = len(t), len(o)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            same = t[i - 1] == o[j - 1].lower()
            d[i][j] = min(d[i - 1][j - 1] + (0 if same else 1), d[i - 1][j] + 1, d[i][j - 1] + 1)
    ops = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (0 if t[i - 1] == o[j - 1].lower() else 1):
            ops.append((t[i - 1], o[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            ops.append((t[i - 1], ""))
            i -= 1
        else:
            ops.append(("", o[j - 1]))
            j -= 1
    return ops[::-1]


def segments(ops):
    """Merge runs of non-matching ops into (truth segment, ocr segment); matches pass through."""
    out, run = [], []
    for a, b in ops + [(None, None)]:
        if a is not None and a and b and a == b.lower():
            if run:
                out.append(run)
                run = []
            out.append([(a, b)])
        elif a is None:
            if run:
                out.append(run)
        else:
            run.append((a, b))
    return ["".join(a for a, _ in r) and ("".join(a for a, _ in r), "".join(b for _, b in r))
            or ("", "".join(b for _, b in r)) for r in out]


def main():
    dev = sys.argv[1] if len(sys.argv) > 1 else DEV
    counts = collections.Counter()
    truth_counts = collections.Counter()
    for doc in sorted(os.listdir(dev)):
        truth = norm(open(os.path.join(dev, doc, "truth_full.txt"), encoding="utf-8").read())
        tw = [strip_punct(w) for w in truth.split()]
        tw = [w for w in tw if w]
        for v in VARIANTS:
            path = os.path.join(dev, doc, v)
            if not os.path.exists(path):
                continue
            ocr = norm(open(path, encoding="utf-8").read())
            ow = [strip_punct(w) for w in ocr.split()]
            ow = [w for w in ow if w]
            sm = difflib.SequenceMatcher(None, [fold(w) for w in tw], [fold(w) for w in ow], autojunk=False)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag not in ("equal", "replace") or i2 - i1 != j2 - j1:
                    continue
                for t, o in zip(tw[i1:i2], ow[j1:j2]):
                    tl = t.lower()
                    if abs(len(tl) - len(o)) > 3 or not any(c.isalpha() for c in tl):
                        continue
                    for ts, os_ in segments(char_align(tl, o)):
                        # (Three OCR characters only with a mark OCR made of a diacritic
                        # first or second, "é’l" for "å", "’ai" for "ä": the walk reads a
                        # third character only after a mark.)
                        marked = len(os_) == MAX_SEG + 1 and any(c in MARKS for c in os_[:2])
                        if len(ts) > MAX_SEG or (len(os_) > MAX_SEG and not marked) or not ts:
                            continue
                        # OCR case is kept only where it is a confusion (G for ö), not a capital.
                        if os_.lower() == ts:
                            os_ = ts
                        counts[(ts, os_)] += 1
                    for c in tl:
                        truth_counts[c] += 1
                    for k in range(len(tl) - 1):
                        truth_counts[tl[k:k + 2]] += 1
    priors = set()
    for t, alts in PRIORS.items():
        for o in alts.split():
            priors.add((t, o))
            counts[(t, o)] += PRIOR_COUNT
            if not truth_counts[t]:
                truth_counts[t] = 1
    rows = []
    for (t, o), c in counts.items():
        if t == o or c >= 1 or (t, o) in priors:
            total = max(truth_counts[t], c)
            p = (c + 0.1) / (total + 1.0)
            cost = -math.log10(min(p, 0.999))
            if (t, o) in priors:
                cost = PRIOR_COST if c < 1 else min(cost, PRIOR_COST)
            rows.append((t, o, c, round(cost, 3)))
    rows.sort(key=lambda r: (r[0].encode("utf-8"), r[1].encode("utf-8")))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# truth\tocr\tcount\tcost (-log10 P(ocr|truth)); generated by tools/gen_confusions.py\n")
        for t, o, c, cost in rows:
            fh.write(f"{t}\t{o}\t{c:g}\t{cost}\n")
    print(f"{len(rows)} confusion rows", file=sys.stderr)


if __name__ == "__main__":
    main()
