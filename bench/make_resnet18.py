#!/usr/bin/python3
"""Writes a TorchScript ResNet-18 with random weights, and a small image folder to fine-tune it on.

    /usr/bin/python3 bench/make_resnet18.py OUT_DIR

OUT_DIR/resnet18.pt is torchvision's resnet18 (weights=None: nothing is downloaded), scripted,
with jtorch's metadata (input shape and ImageNet normalisation) as an extra file, so that
`jtorch finetune --model OUT_DIR/resnet18.pt` knows its input. OUT_DIR/images/ holds one
folder of random 224x224 RGB images per class. Needs PyTorch and torchvision (Debian:
apt-get install python3-torch python3-torchvision); works offline.
"""
import json
import os
import sys

import torch
import torchvision

CLASSES = 4
PER_CLASS = 40


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    model = torchvision.models.resnet18(weights=None) if hasattr(torchvision.models, "ResNet18_Weights") \
        else torchvision.models.resnet18(pretrained=False)
    model.eval()
    info = {"input_shape": [3, 224, 224],
            "normalize": {"mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]}}
    torch.jit.save(torch.jit.script(model), os.path.join(out, "resnet18.pt"), _extra_files={"jtorch.json": json.dumps(info)})

    g = torch.Generator().manual_seed(1)
    for c in range(CLASSES):
        folder = os.path.join(out, "images", "class%d" % c)
        os.makedirs(folder, exist_ok=True)
        for i in range(PER_CLASS):
            # A class-dependent colour plus noise, so that there is something to learn.
            base = torch.tensor([(c * 53) % 256, (c * 101) % 256, (c * 197) % 256], dtype=torch.float32).view(3, 1, 1)
            img = (base + 60 * torch.randn(3, 224, 224, generator=g)).clamp(0, 255).to(torch.uint8)
            torchvision.io.write_png(img, os.path.join(folder, "%03d.png" % i))
    print("wrote %s and %d images in %s" % (os.path.join(out, "resnet18.pt"), CLASSES * PER_CLASS, os.path.join(out, "images")))


if __name__ == "__main__":
    main(sys.argv[1])
