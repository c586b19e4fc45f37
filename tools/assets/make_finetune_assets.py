#!/usr/bin/python3
"""Builds the assets of jtorch's default fine-tuning job and the vision test fixtures.

Run from the repository root with Debian's PyTorch 1.13 and torchvision 0.14 (about 2 minutes
on 2 cores):

    /usr/bin/python3 tools/assets/make_finetune_assets.py /usr/share/datasets/fashion-mnist

The argument is a folder holding Fashion-MNIST's four IDX files (train-images-idx3-ubyte.gz,
train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz), as
published by Zalando Research under the MIT licence (https://github.com/zalandoresearch/fashion-mnist).

It writes, into cli/src/main/resources/io/jtorch/cli/default/:
  backbone.pt, backbone.json   a small CNN pretrained on six Fashion-MNIST classes (T-shirt/top,
                               trouser, dress, sandal, sneaker, bag), saved with
                               torch.jit.script, and what it is and how well it does;
  newtask-*-ubyte.gz,          the new task: four classes the backbone never saw (pullover, coat,
  newtask.json                 shirt, ankle boot), three of them garments that look alike: a pool of 300
                               training images per class and 250 held-out test images per class,
                               labels kept as Fashion-MNIST's own (2, 4, 6, 9);
  NOTICE                       where the data comes from and its licence.
and, into core/src/test/resources/fixtures/vision/, the small inputs and the values real
torchvision gives for them, which io.jtorch.vision's tests compare against.

Everything is seeded (0) and runs on one thread, so a rerun writes the same bytes; the script checks
that the saved TorchScript reproduces the accuracy.
"""
import copy
import gzip
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn as nn
import torchvision
from PIL import Image
from torch.utils.data import DataLoader, TensorDataset
from torchvision import datasets, transforms

COMMAND = "/usr/bin/python3 tools/assets/make_finetune_assets.py /usr/share/datasets/fashion-mnist"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ASSETS = os.path.join(ROOT, "cli/src/main/resources/io/jtorch/cli/default")
FIXTURES = os.path.join(ROOT, "core/src/test/resources/fixtures/vision")

# Mean and standard deviation of all 60,000 Fashion-MNIST training pixels after ToTensor(),
# rounded as they are usually quoted; main() checks them against the data.
MEAN, STD = 0.2860, 0.3530
PRETRAIN_LABELS = [0, 1, 3, 5, 7, 8]   # T-shirt/top, trouser, dress, sandal, sneaker, bag
NEW_TASK_LABELS = [2, 4, 6, 9]         # pullover, coat, shirt, ankle boot
POOL_PER_CLASS, VAL_PER_CLASS = 300, 250
EPOCHS, BATCH, LR = 3, 64, 1e-3


def backbone():
    return nn.Sequential(
        nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2)),   # 0: 16x14x14
        nn.Sequential(nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2)),  # 1: 32x7x7
        nn.Flatten(),                                                                                     # 2
        nn.Sequential(nn.Linear(32 * 7 * 7, 64), nn.ReLU()),                                              # 3: features
        nn.Linear(64, 6))                                                                                 # 4: head


def load_fashion_mnist(src, tmp):
    """torchvision's FashionMNIST over the IDX files in src (it wants them unpacked in root/FashionMNIST/raw)."""
    raw = os.path.join(tmp, "FashionMNIST", "raw")
    os.makedirs(raw)
    for name in ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]:
        with gzip.open(os.path.join(src, name + ".gz"), "rb") as f, open(os.path.join(raw, name), "wb") as out:
            shutil.copyfileobj(f, out)
    return datasets.FashionMNIST(tmp, train=True), datasets.FashionMNIST(tmp, train=False)


def to_inputs(images):
    """uint8 (N, 28, 28) -> normalised float32 (N, 1, 28, 28): ToTensor() then Normalize((MEAN,), (STD,))."""
    return images.unsqueeze(1).float().div(255).sub(MEAN).div(STD)


def per_class(targets, labels, n, seed):
    """n indices of each label, chosen as jtorch's samplesPerClass(n, seed) chooses them.

    For each label in the order given, the indices of its samples in dataset order are permuted
    with torch.randperm(count, generator=g), one generator seeded once, and the first n kept;
    the result is in dataset order.
    """
    g = torch.Generator().manual_seed(seed)
    chosen = []
    for c in labels:
        idx = (targets == c).nonzero().flatten()
        chosen.append(idx[torch.randperm(len(idx), generator=g)[:n]])
    return torch.cat(chosen).sort().values


def held_out(targets, labels, fraction, seed):
    """The indices jtorch's split(fraction, seed) holds out: per label, the first round(count * fraction) of its randperm."""
    g = torch.Generator().manual_seed(seed)
    chosen = []
    for c in labels:
        idx = (targets == c).nonzero().flatten()
        k = min(int(len(idx) * fraction + 0.5), len(idx) - 1)
        chosen.append(idx[torch.randperm(len(idx), generator=g)[:k]])
    return torch.cat(chosen).sort().values


def idx_bytes(images, labels):
    """The IDX encodings of uint8 images (N, H, W) and labels (N)."""
    n, h, w = images.shape
    img = struct.pack(">IIII", 0x803, n, h, w) + images.numpy().astype(np.uint8).tobytes()
    lab = struct.pack(">II", 0x801, n) + labels.numpy().astype(np.uint8).tobytes()
    return img, lab


def write_gz(path, data):
    with open(path, "wb") as f, gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as gz:
        gz.write(data)


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
        f.write("\n")


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(x[i:i + 1000]).argmax(1) for i in range(0, len(x), 1000)])
    return (pred == y).float().mean().item()


def train(model, x, y, epochs, lr, batch, params=None):
    loader = DataLoader(TensorDataset(x, y), batch_size=batch, shuffle=True, generator=torch.Generator().manual_seed(0))
    optimizer = torch.optim.Adam(params if params is not None else model.parameters(), lr=lr)
    criterion = nn.CrossEntropyLoss()
    for epoch in range(epochs):
        model.train()
        for inputs, labels in loader:
            optimizer.zero_grad()
            criterion(model(inputs), labels).backward()
            optimizer.step()


def pretrain(train_set, test_set, classes):
    keep = torch.tensor(PRETRAIN_LABELS)
    remap = torch.full((10,), -1, dtype=torch.long)
    remap[keep] = torch.arange(len(keep))
    tr = torch.isin(train_set.targets, keep)
    te = torch.isin(test_set.targets, keep)
    x, y = to_inputs(train_set.data[tr]), remap[train_set.targets[tr]]
    xt, yt = to_inputs(test_set.data[te]), remap[test_set.targets[te]]

    torch.manual_seed(0)
    model = backbone()
    start = time.time()
    train(model, x, y, EPOCHS, LR, BATCH)
    seconds = time.time() - start
    acc = accuracy(model, xt, yt)
    print(f"pretrained on {len(x)} images in {seconds:.0f} s: test accuracy {acc:.4f} on {len(xt)} images")

    path = os.path.join(ASSETS, "backbone.pt")
    torch.jit.script(model.eval()).save(path)
    reloaded = torch.jit.load(path)
    acc2 = accuracy(reloaded, xt, yt)
    assert acc2 == acc, f"the saved TorchScript gives {acc2}, the model gave {acc}"
    size = os.path.getsize(path)
    assert size < 1_000_000, f"backbone.pt is {size} bytes"
    print(f"backbone.pt: {size} bytes, reloaded accuracy {acc2:.4f}")

    with open(path, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    write_json(os.path.join(ASSETS, "backbone.json"), {
        "description": "Small CNN pretrained on six Fashion-MNIST classes; model[-1] is the head, model[-2] the 64-feature layer before it",
        "architecture": str(model),
        "classes": [classes[c] for c in PRETRAIN_LABELS],
        "fashion_mnist_labels": PRETRAIN_LABELS,
        "input_shape": [1, 28, 28],
        "normalize": {"mean": [MEAN], "std": [STD],
                      "note": "ToTensor() then Normalize: mean and std of all 60000 Fashion-MNIST training images"},
        "training": {"images": len(x), "epochs": EPOCHS, "batch_size": BATCH, "optimizer": f"Adam(lr={LR})",
                     "seed": 0},
        "test_accuracy": round(acc, 4),
        "test_images": len(xt),
        "file": "backbone.pt", "bytes": size, "sha256": sha,
        "torch_version": torch.__version__, "torchvision_version": torchvision.__version__,
        "command": COMMAND,
    })
    return model


def new_task(train_set, test_set, classes, model):
    parts = {}
    for part, source, n in [("train", train_set, POOL_PER_CLASS), ("val", test_set, VAL_PER_CLASS)]:
        idx = per_class(source.targets, NEW_TASK_LABELS, n, seed=0)
        images, labels = source.data[idx], source.targets[idx]
        img, lab = idx_bytes(images, labels)
        write_gz(os.path.join(ASSETS, f"newtask-{part}-images-idx3-ubyte.gz"), img)
        write_gz(os.path.join(ASSETS, f"newtask-{part}-labels-idx1-ubyte.gz"), lab)
        parts[part] = (idx, images, labels)

    reference = transfer_reference(model, parts)

    def describe(part, split, per):
        idx, images, labels = parts[part]
        return {"images": f"newtask-{part}-images-idx3-ubyte.gz", "labels": f"newtask-{part}-labels-idx1-ubyte.gz",
                "source": f"Fashion-MNIST {split} split", "per_class": per,
                "counts": {classes[c]: int((labels == c).sum()) for c in NEW_TASK_LABELS},
                "source_indices": idx.tolist()}

    write_json(os.path.join(ASSETS, "newtask.json"), {
        "description": "The default fine-tuning task: four classes the backbone never saw; pullover, coat and shirt look alike",
        "classes": [classes[c] for c in NEW_TASK_LABELS],
        "fashion_mnist_labels": NEW_TASK_LABELS,
        "labels_note": "labels in the IDX files are Fashion-MNIST's own; keep classes " + ", ".join(map(str, NEW_TASK_LABELS)) + " in that order to get 0..3",
        "selection": "for each class in label order, torch.randperm(count, generator=torch.Generator().manual_seed(0))[:per_class]"
                     " of that class's indices in dataset order; images kept in dataset order",
        "train": describe("train", "train", POOL_PER_CLASS),
        "val": describe("val", "test (t10k)", VAL_PER_CLASS),
        "reference": reference,
        "command": COMMAND,
    })
    return parts


def transfer_reference(model, parts):
    """Validation accuracy of the seed answer's two phases against training from scratch, for reference.

    With n images per class drawn from the pool (as samplesPerClass(n, 0) draws them): a new head
    trained on the frozen backbone (Adam, lr 1e-2), then the head and model[-2] (Adam, lr 1e-3),
    each phase max(10, 750 // n) epochs of batches of 16, in train mode as in the answer; and the
    same network with a new head trained from scratch for as many epochs (Adam, lr 1e-3).
    """
    remap = torch.full((10,), -1, dtype=torch.long)
    remap[torch.tensor(NEW_TASK_LABELS)] = torch.arange(len(NEW_TASK_LABELS))
    pool, pool_y = parts["train"][1], remap[parts["train"][2]]
    xv, yv = to_inputs(parts["val"][1]), remap[parts["val"][2]]
    rows = []
    for n in [10, 50, POOL_PER_CLASS]:
        idx = per_class(pool_y, range(len(NEW_TASK_LABELS)), n, seed=0)
        x, y = to_inputs(pool[idx]), pool_y[idx]
        epochs = max(10, 750 // n)
        torch.manual_seed(0)
        tuned = copy.deepcopy(model)
        for param in tuned.parameters():
            param.requires_grad = False
        tuned[-1] = nn.Linear(tuned[-1].in_features, len(NEW_TASK_LABELS))
        train(tuned, x, y, epochs, 1e-2, 16, tuned[-1].parameters())
        head = accuracy(tuned, xv, yv)
        for param in tuned[-2].parameters():
            param.requires_grad = True
        train(tuned, x, y, epochs, 1e-3, 16, [p for p in tuned.parameters() if p.requires_grad])
        both = accuracy(tuned, xv, yv)
        torch.manual_seed(0)
        scratch = backbone()
        scratch[-1] = nn.Linear(64, len(NEW_TASK_LABELS))
        train(scratch, x, y, epochs, 1e-3, 16)
        rows.append({"per_class": n, "epochs_per_phase": epochs, "new_head": round(head, 4),
                     "new_head_then_model[-2]": round(both, 4), "from_scratch": round(accuracy(scratch, xv, yv), 4)})
        print("new task, validation accuracy:", rows[-1])
    return {"how": " ".join(transfer_reference.__doc__.split("\n\n")[1].split()), "validation_accuracy": rows}


NOTICE = """The IDX files in this folder (newtask-*-ubyte.gz) are subsets of Fashion-MNIST:
Han Xiao, Kashif Rasul, Roland Vollgraf, "Fashion-MNIST: a Novel Image Dataset for
Benchmarking Machine Learning Algorithms", arXiv:1708.07747, 2017.
https://github.com/zalandoresearch/fashion-mnist

backbone.pt holds weights learned from Fashion-MNIST's training images.
Which images were taken, and how: newtask.json and backbone.json ("command").

The MIT License (MIT)

Copyright (c) 2017 Zalando SE

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""

# Pixel positions (row, column) whose values the tests check, besides each image's sum.
PROBES = [[0, 0], [14, 14], [10, 20], [20, 7], [27, 27]]


def tensor_json(x):
    return {"shape": list(x.shape), "dtype": "float32", "data": x.reshape(-1).tolist()}


def sample_json(dataset, i, normalize):
    """What torchvision gives for sample i: ToTensor() (and Normalize) values at the probes, the sum."""
    image, label = dataset[i]
    x = transforms.ToTensor()(image)
    z = normalize(x.clone())
    return {"index": i, "label": int(label), "sum": float(x.double().sum()), "uint8_sum": int(dataset.data[i].long().sum()),
            "probes": [{"row": r, "col": c, "uint8": int(dataset.data[i][r, c]), "value": float(x[0, r, c]),
                        "normalized": float(z[0, r, c])} for r, c in PROBES]}


def idx_fixtures(train_set, test_set, new_parts):
    """10 images of each split as tiny IDX files (t10k gzipped, train not) and the values torchvision reads."""
    folder = os.path.join(FIXTURES, "fashion-mnist")
    os.makedirs(folder, exist_ok=True)
    normalize = transforms.Normalize((MEAN,), (STD,))
    out = {"classes": train_set.classes, "mean": MEAN, "std": STD}
    for split, ds, gz in [("train", train_set, False), ("t10k", test_set, True)]:
        img, lab = idx_bytes(ds.data[:10], ds.targets[:10])
        for name, data in [(f"{split}-images-idx3-ubyte", img), (f"{split}-labels-idx1-ubyte", lab)]:
            if gz:
                write_gz(os.path.join(folder, name + ".gz"), data)
            else:
                with open(os.path.join(folder, name), "wb") as f:
                    f.write(data)
        out[split] = [sample_json(ds, i, normalize) for i in range(10)]

    # A few samples of the committed new-task files, read back the way torchvision reads IDX files.
    newtask = {}
    for part, (idx, images, labels) in new_parts.items():
        ds = datasets.FashionMNIST.__new__(datasets.FashionMNIST)
        ds.data, ds.targets, ds.transform, ds.target_transform = images, labels, None, None
        newtask[part] = {"size": len(labels), "counts": {str(c): int((labels == c).sum()) for c in NEW_TASK_LABELS},
                         "samples": [sample_json(ds, i, normalize) for i in [0, 1, len(labels) // 2, len(labels) - 1]],
                         "samples_per_class": {n: per_class(labels, NEW_TASK_LABELS, n, seed=0).tolist() for n in [10, 50]},
                         "held_out_0.2": held_out(labels, NEW_TASK_LABELS, 0.2, seed=0).tolist()}
    out["newtask"] = newtask
    write_json(os.path.join(FIXTURES, "fashion-mnist.json"), out)


def folder_fixtures():
    """A tiny ImageFolder (PNG: RGB, RGBA, grayscale) and what torchvision's ImageFolder makes of it."""
    root = os.path.join(FIXTURES, "folder")
    shutil.rmtree(root, ignore_errors=True)
    for d in ["stripes", "dots"]:
        os.makedirs(os.path.join(root, d))
    rng = np.random.RandomState(0)
    Image.fromarray(rng.randint(0, 256, (7, 9, 3), dtype=np.uint8), "RGB").save(os.path.join(root, "stripes", "rgb.png"))
    Image.fromarray(rng.randint(0, 256, (6, 5, 4), dtype=np.uint8), "RGBA").save(os.path.join(root, "stripes", "rgba.png"))
    Image.fromarray(rng.randint(0, 256, (8, 6), dtype=np.uint8), "L").save(os.path.join(root, "dots", "gray.png"))
    with open(os.path.join(root, "dots", "notes.txt"), "w") as f:
        f.write("not an image: ImageFolder skips this file\n")

    configs = {
        "rgb": transforms.ToTensor(),
        "gray": transforms.Compose([transforms.Grayscale(), transforms.ToTensor()]),
        "rgb_resize_4x3": transforms.Compose([transforms.Resize((4, 3)), transforms.ToTensor()]),
        "gray_resize_4x3": transforms.Compose([transforms.Grayscale(), transforms.Resize((4, 3)), transforms.ToTensor()]),
        "gray_resize_10x12": transforms.Compose([transforms.Grayscale(), transforms.Resize((10, 12)), transforms.ToTensor()]),
        "gray_resize_4x3_normalized": transforms.Compose([transforms.Grayscale(), transforms.Resize((4, 3)), transforms.ToTensor(),
                                                          transforms.Normalize((MEAN,), (STD,))]),
    }
    out = {"mean": MEAN, "std": STD}
    for name, transform in configs.items():
        ds = datasets.ImageFolder(root, transform=transform)
        out["classes"] = ds.classes
        out["files"] = [os.path.relpath(p, root) for p, _ in ds.samples]
        out["targets"] = ds.targets
        out[name] = [tensor_json(ds[i][0]) for i in range(len(ds))]
    write_json(os.path.join(FIXTURES, "folder.json"), out)


def main():
    if os.environ.get("PYTHONHASHSEED") != "0":
        # TorchScript writes some class constants in set order: a fixed hash seed keeps backbone.pt's bytes the same.
        os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))
    start = time.time()
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    torch.set_num_threads(1)  # one thread: the same bytes on every run
    os.makedirs(ASSETS, exist_ok=True)
    os.makedirs(FIXTURES, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        train_set, test_set = load_fashion_mnist(src, tmp)
    all_pixels = train_set.data.double().div(255)
    mean, std = all_pixels.mean().item(), all_pixels.std().item()
    assert (round(mean, 4), round(std, 4)) == (MEAN, STD), f"training pixels have mean {mean}, std {std}"
    print(f"Fashion-MNIST training pixels: mean {mean:.5f}, std {std:.5f}")

    classes = train_set.classes
    model = pretrain(train_set, test_set, classes)
    parts = new_task(train_set, test_set, classes, model)
    with open(os.path.join(ASSETS, "NOTICE"), "w") as f:
        f.write(NOTICE)
    idx_fixtures(train_set, test_set, parts)
    folder_fixtures()
    total = sum(os.path.getsize(os.path.join(ASSETS, f)) for f in os.listdir(ASSETS))
    print(f"{ASSETS}: {total} bytes in {len(os.listdir(ASSETS))} files")
    print(f"done in {time.time() - start:.0f} s")


if __name__ == "__main__":
    main()
