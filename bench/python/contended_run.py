#!/usr/bin/python3
"""The Python side of io.jtorch.bench.ContendedRun (see bench/run): the same rows, shapes,
warm-up and rounds, with PyTorch's own defaults.

    /usr/bin/python3 bench/python/contended_run.py [rounds [rows...]]

Rows: seed_python (the seed step on a DataLoader), seed_python_fixed (on one fixed batch),
matmul_gflops (2048x2048 float matmul), resnet18_step (torchvision ResNet-18, batch 16, 112x112,
SGD with momentum over every parameter), resnet18_infer (eval, batch 32, 112x112). Each line:
"name median min max unit".
"""
import sys
import time

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

STEPS = 100
BATCH = 64


def show(name, values, unit):
    v = sorted(values)
    print("%s %.4f %.4f %.4f %s" % (name, v[len(v) // 2], v[0], v[-1], unit), flush=True)


def seed(rounds):
    torch.manual_seed(0)
    inputs = torch.randn(STEPS * BATCH, 784)
    labels = torch.randint(0, 10, (STEPS * BATCH,))
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    loader = DataLoader(TensorDataset(inputs, labels), batch_size=BATCH)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    criterion = nn.CrossEntropyLoss()
    fixed_x, fixed_y = inputs[:BATCH].clone(), labels[:BATCH].clone()

    def step(x, y):
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()

    def on_loader():
        for x, y in loader:
            step(x, y)

    def on_fixed():
        for _ in range(STEPS):
            step(fixed_x, fixed_y)

    impls = [("seed_python", on_loader), ("seed_python_fixed", on_fixed)]
    for _ in range(3):
        for _, f in impls:
            f()
    ms = {name: [] for name, _ in impls}
    for _ in range(rounds):
        for name, f in impls:
            t = time.perf_counter()
            f()
            ms[name].append((time.perf_counter() - t) * 1000 / STEPS)
    for name, _ in impls:
        show(name, ms[name], "ms/step")


def matmul(rounds):
    a = torch.randn(2048, 2048)
    b = torch.randn(2048, 2048)
    rates = []
    for k in range(-2, rounds):
        t = time.perf_counter()
        torch.matmul(a, b)
        sec = time.perf_counter() - t
        if k >= 0:
            rates.append(2.0 * 2048 ** 3 / sec / 1e9)
    show("matmul_gflops", rates, "GFLOP/s")


def timed(rounds, call):
    call()
    call()
    ms = []
    for _ in range(rounds):
        t = time.perf_counter()
        call()
        ms.append((time.perf_counter() - t) * 1000)
    return ms


def resnet_step(rounds):
    import torchvision
    torch.manual_seed(0)
    model = torchvision.models.resnet18(num_classes=10).train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    criterion = nn.CrossEntropyLoss()
    x = torch.randn(16, 3, 112, 112)
    y = torch.randint(0, 10, (16,))

    def step():
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()

    show("resnet18_step", timed(rounds, step), "ms")


def resnet_infer(rounds):
    import torchvision
    torch.manual_seed(0)
    model = torchvision.models.resnet18(num_classes=10).eval()
    x = torch.randn(32, 3, 112, 112)

    def infer():
        with torch.no_grad():
            model(x).sum().item()

    show("resnet18_infer", timed(rounds, infer), "ms")


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rows = sys.argv[2:] or ["seed", "matmul", "resnet18_step", "resnet18_infer"]
    print("# threads %d torch %s" % (torch.get_num_threads(), torch.__version__), flush=True)
    table = {"seed": seed, "matmul": matmul, "resnet18_step": resnet_step, "resnet18_infer": resnet_infer}
    for row in rows:
        table[row](rounds)


if __name__ == "__main__":
    main()
