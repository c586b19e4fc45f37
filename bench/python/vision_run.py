#!/usr/bin/python3
"""ResNet-50 in torchvision, the counterpart of io.jtorch.bench.VisionRun (see bench/vision).

    /usr/bin/python3 bench/python/vision_run.py [runs]

Same rows, same shapes, same warm-up and median: eval inference at batch 1 and 32, the model
under torch.jit.script at batch 32, one fine-tuning step (SGD, momentum 0.9) at batch 8.
"""
import statistics
import sys
import time

import torch
import torchvision


def row(name, runs, call):
    call()
    call()
    ms = []
    for _ in range(runs):
        t = time.perf_counter()
        call()
        ms.append((time.perf_counter() - t) * 1000)
    print(f"{name} {statistics.median(ms):.1f} {runs}", flush=True)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    torch.manual_seed(0)
    model = torchvision.models.resnet50(num_classes=10).eval()
    one = torch.randn(1, 3, 224, 224)
    batch = torch.randn(32, 3, 224, 224)

    def infer(m, x):
        with torch.no_grad():
            return m(x).sum().item()

    row("resnet50_infer_b1", runs, lambda: infer(model, one))
    row("resnet50_infer_b32", runs, lambda: infer(model, batch))
    scripted = torch.jit.script(model).eval()
    row("resnet50_script_infer_b32", runs, lambda: infer(scripted, batch))

    model.train()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    criterion = torch.nn.CrossEntropyLoss()
    inputs = torch.randn(8, 3, 224, 224)
    labels = torch.randint(0, 10, (8,))

    def step():
        optimizer.zero_grad()
        loss = criterion(model(inputs), labels)
        loss.backward()
        optimizer.step()
        return loss.item()

    row("resnet50_step_b8", runs, step)


if __name__ == "__main__":
    main()
