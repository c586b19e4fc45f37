#!/usr/bin/python3
"""The seed loop in PyTorch, as bench/run compares it with jtorch's.

    /usr/bin/python3 bench/python/seed_loop.py [threads]

One step = zero_grad, forward, cross-entropy, backward, step, for a 784-256-10 MLP on batches of
64 from a DataLoader over 6,400 samples (100 steps a pass), SGD lr 0.01. Prints one line:
"ms_per_step <value> threads <n> torch <version>". With no argument PyTorch keeps its own default
thread count; with one it calls torch.set_num_threads.
"""
import sys
import time

import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


def main():
    if len(sys.argv) > 1:
        torch.set_num_threads(int(sys.argv[1]))
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    train_loader = DataLoader(TensorDataset(torch.randn(6400, 784), torch.randint(0, 10, (6400,))), batch_size=64)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    criterion = nn.CrossEntropyLoss()

    def one_pass():
        for inputs, labels in train_loader:
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()

    for _ in range(5):          # warm-up, as JMH's warm-up iterations
        one_pass()
    best = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(10):
            one_pass()
        best.append((time.perf_counter() - start) / (10 * len(train_loader)) * 1000)
    best.sort()
    print("ms_per_step %.4f threads %d torch %s" % (best[len(best) // 2], torch.get_num_threads(), torch.__version__))


if __name__ == "__main__":
    main()
