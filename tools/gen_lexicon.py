#!/usr/bin/env python3
"""Regenerate putsa's lexicon data in dictionaries/ from named open sources.

Sources (downloaded by this script through the ordinary package clients):
  * npm `dictionary-sv@4.0.0`: "Den stora svenska ordlistan" (Hunspell sv_SE), LGPL-3.0
  * PyPI `wordfreq==3.1.1`: Swedish "large" frequency list, CC BY-SA 4.0 (ranking only)

Outputs (gzip, deterministic: mtime 0, sorted by UTF-8 bytes):
  dictionaries/sv-forms.tsv.gz   form <TAB> roles   (every full form of the Hunspell list)
  dictionaries/sv-freq.tsv.gz    lower-case form <TAB> zipf*100, for forms the lexicon knows

roles: w = standalone word, b = may begin a compound, m = may sit in the middle,
       e = may end a compound, n = no-suggest (offensive, rare), f = forbidden.

The expander applies each suffix class's strip/add/condition rules to each stem (the
dictionary has no prefixes and single-character flags) and keeps each form's compound role
as Hunspell defines it: compound flags of the stem hold for the bare stem; a suffixed form
may end a compound when the stem may, and may begin or sit in the middle of one only when
the suffix carries COMPOUNDPERMITFLAG (W) or compound flags of its own.
"""
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "dictionaries")

NPM_PACKAGE = "dictionary-sv@4.0.0"
WORDFREQ = "wordfreq==3.1.1"

BEGIN, MIDDLE, END, ONLY_IN_COMPOUND = "X", "U", "Y", "Z"
PERMIT, NEEDAFFIX, NOSUGGEST, FORBIDDEN = "W", "¤", "!", "%"


def fetch_hunspell(tmp):
    subprocess.run(["npm", "pack", NPM_PACKAGE, "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        aff = t.extractfile("package/index.aff").read().decode("utf-8")
        dic = t.extractfile("package/index.dic").read().decode("utf-8")
    return aff, dic


def parse_aff(aff):
    """Suffix classes: flag -> list of (strip, add, continuation flags, compiled condition)."""
    classes = {}
    lines = aff.splitlines()
    i = 0
    while i < len(lines):
        parts = lines[i].split()
        if len(parts) == 4 and parts[0] == "SFX":
            flag, count = parts[1], int(parts[3])
            rules = []
            for line in lines[i + 1:i + 1 + count]:
                p = line.split()
                strip = "" if p[2] == "0" else p[2]
                add, _, cont = p[3].partition("/")
                add = "" if add == "0" else add
                cond = re.compile("(?:" + (p[4] if len(p) > 4 else ".") + ")$")
                rules.append((strip, add, cont, cond))
            classes[flag] = rules
            i += count
        elif parts and parts[0] == "PFX":
            raise SystemExit("prefix classes are not supported by this expander")
        i += 1
    return classes


def expand(dic, classes):
    """form -> set of role letters."""
    forms = {}

    def add(form, roles):
        if not any(c.isalpha() for c in form):
            return
        form = unicodedata.normalize("NFC", form)
        forms.setdefault(form, set()).update(roles)

    for line in dic.splitlines()[1:]:
        line = line.strip()
        if not line:
            continue
        stem, _, flags = line.partition("/")
        forbidden = FORBIDDEN in flags
        nosuggest = NOSUGGEST in flags
        base = set()
        if forbidden:
            base.add("f")
        if nosuggest:
            base.add("n")
        roles = set(base)
        if not (NEEDAFFIX in flags or ONLY_IN_COMPOUND in flags or forbidden):
            roles.add("w")
        if BEGIN in flags:
            roles.add("b")
        if MIDDLE in flags:
            roles.add("m")
        if END in flags:
            roles.add("e")
        if roles - base or forbidden:
            add(stem, roles)
        for flag in flags:
            for strip, affix, cont, cond in classes.get(flag, ()):
                if not stem.endswith(strip) or not cond.search(stem):
                    continue
                form = stem[:len(stem) - len(strip)] + affix
                r = set(base)
                if ONLY_IN_COMPOUND not in cont and not forbidden:
                    r.add("w")
                if BEGIN in cont or (BEGIN in flags and PERMIT in cont):
                    r.add("b")
                if MIDDLE in cont or (MIDDLE in flags and PERMIT in cont):
                    r.add("m")
                if END in flags or END in cont:
                    r.add("e")
                add(form, r)
    return forms


def wordfreq_list():
    """(word, zipf) of wordfreq's Swedish large list, installing wordfreq if needed."""
    try:
        import wordfreq  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", WORDFREQ], check=True)
    import wordfreq
    out = {}
    for word in wordfreq.iter_wordlist("sv", "large"):
        out[word] = wordfreq.zipf_frequency(word, "sv", "large")
    return out


def write_gz(path, lines):
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        aff, dic = fetch_hunspell(tmp)
    classes = parse_aff(aff)
    forms = expand(dic, classes)
    order = "wbmenf"
    rows = sorted(forms.items(), key=lambda kv: kv[0].encode("utf-8"))
    write_gz(os.path.join(OUT, "sv-forms.tsv.gz"),
             [f + "\t" + "".join(c for c in order if c in r) for f, r in rows])
    standalone = sum(1 for _, r in rows if "w" in r)
    print(f"forms: {len(rows)} entries, {standalone} standalone words", file=sys.stderr)

    known = {f.lower() for f, r in rows if "f" not in r}
    extras_path = os.path.join(OUT, "extras.txt")
    with open(extras_path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                known.add(line.lower())
    freq = wordfreq_list()
    kept = sorted(((w, z) for w, z in freq.items()
                   if unicodedata.normalize("NFC", w) == w and w in known),
                  key=lambda kv: kv[0].encode("utf-8"))
    write_gz(os.path.join(OUT, "sv-freq.tsv.gz"), [f"{w}\t{round(z * 100)}" for w, z in kept])
    print(f"frequencies: {len(kept)} of {len(freq)} wordfreq words are lexicon forms",
          file=sys.stderr)


if __name__ == "__main__":
    main()
