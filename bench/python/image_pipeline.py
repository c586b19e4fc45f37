"""One ImageFolder epoch through torchvision's transforms and DataLoader, for bench/images.

    /usr/bin/python3 bench/python/image_pipeline.py ROOT [REPEATS] [BATCH]

Prints one line per row: name, then the seconds of each timed epoch (after one warm-up epoch),
for the training pipeline (RandomResizedCrop(224), RandomHorizontalFlip, ToTensor, Normalize,
shuffled) and the evaluation one (Resize(256), CenterCrop(224), ToTensor, Normalize), each with
num_workers 0 and 2. The Java counterpart is io.jtorch.bench.ImagePipelineRun.
"""
import sys
import time

import torch
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

MEAN = [0.485, 0.456, 0.406]
STD = [0.229, 0.224, 0.225]


def pipelines():
    train = transforms.Compose([transforms.RandomResizedCrop(224), transforms.RandomHorizontalFlip(),
                                transforms.ToTensor(), transforms.Normalize(MEAN, STD)])
    evaluation = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224),
                                     transforms.ToTensor(), transforms.Normalize(MEAN, STD)])
    return [("train", train, True), ("eval", evaluation, False)]


def epoch(loader):
    start = time.perf_counter()
    n = 0
    for x, y in loader:
        n += x.shape[0]
    return time.perf_counter() - start, n


def main():
    root = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 32
    torch.manual_seed(0)
    for name, transform, shuffle in pipelines():
        dataset = datasets.ImageFolder(root, transform=transform)
        for workers in (0, 2):
            loader = DataLoader(dataset, batch_size=batch, shuffle=shuffle, num_workers=workers)
            epoch(loader)
            times = []
            for _ in range(repeats):
                t, n = epoch(loader)
                assert n == len(dataset)
                times.append(t)
            print("%s-w%d %s" % (name, workers, " ".join("%.4f" % t for t in times)), flush=True)


if __name__ == "__main__":
    main()
