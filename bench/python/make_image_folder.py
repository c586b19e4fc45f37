"""Writes a deterministic photo-like image folder for bench/images.

    /usr/bin/python3 bench/python/make_image_folder.py OUT [N]

N images (default 320) in 4 class folders, sizes drawn from 300..500 px on each side, about
80% JPEG (quality 75..95, a few grayscale) and 20% PNG. Each image is smooth colour gradients,
blurred blobs and sensor-like noise, so it compresses and decodes like a photograph rather than
like a flat synthetic pattern. The same N gives the same files byte for byte.
"""
import os
import sys

import numpy as np
from PIL import Image, ImageFilter

CLASSES = ["cat", "dog", "fox", "owl"]


def photo(rng, h, w):
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.zeros((h, w, 3), np.float32)
    for c in range(3):
        a, b, p = rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(0, 6.28)
        img[..., c] = 128 + 90 * np.sin(a * x / 60 + b * y / 70 + p)
    for _ in range(rng.integers(4, 10)):
        cy, cx, r = rng.uniform(0, h), rng.uniform(0, w), rng.uniform(15, 120)
        colour = rng.uniform(0, 255, 3)
        mask = np.exp(-((y - cy) ** 2 + (x - cx) ** 2) / (2 * r * r))[..., None]
        img = img * (1 - mask) + colour * mask
    img += rng.normal(0, 6, img.shape)
    out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB")
    return out.filter(ImageFilter.GaussianBlur(0.8))


def main():
    root = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 320
    rng = np.random.default_rng(20261202)
    for c in CLASSES:
        os.makedirs(os.path.join(root, c), exist_ok=True)
    for i in range(n):
        h, w = (int(v) for v in rng.integers(300, 501, 2))
        img = photo(rng, h, w)
        folder = os.path.join(root, CLASSES[i % len(CLASSES)])
        if rng.uniform() < 0.2:
            img.save(os.path.join(folder, "%04d.png" % i), optimize=False)
        else:
            if rng.uniform() < 0.1:
                img = img.convert("L")
            img.save(os.path.join(folder, "%04d.jpg" % i), quality=int(rng.integers(75, 96)))


if __name__ == "__main__":
    main()
