"""Decoding alone, the Python side of io.jtorch.bench.DecodeRun: every file of an image folder
opened with PIL and converted to RGB (as torchvision's default loader does), on one thread, in
four passes; prints the seconds of each pass, JPEG and PNG apart.

    /usr/bin/python3 bench/python/decode_run.py ROOT
"""
import os
import sys
import time

from PIL import Image


def main():
    root = sys.argv[1]
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(root) for f in names)
    for p in range(4):
        jpeg = png = 0.0
        for f in files:
            t0 = time.perf_counter()
            with open(f, "rb") as fh:
                Image.open(fh).convert("RGB")
            s = time.perf_counter() - t0
            if f.endswith(".png"):
                png += s
            else:
                jpeg += s
        print("PIL pass %d: %d files %.3f s (JPEG %.3f, PNG %.3f)" % (p, len(files), jpeg + png, jpeg, png), flush=True)


if __name__ == "__main__":
    main()
