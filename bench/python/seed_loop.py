#!/usr/bin/python3
"""The seed loop in PyTorch, as bench/run compares it with jtorch's.

    /usr/bin/python3 bench/python/seed_loop.py [threads]

One step = zero_grad, forward, cross-entropy, backward, step, for a 784-256-10 MLP on batches of
64 from a DataLoader over 6,400 samples (100 steps a pass), SGD lr 0.01. Prints two lines:
"ms_per_step <value> threads <n> torch <version>", then "ms_per_step_prebatched <value>" for the
same steps on batches sliced beforehand (no DataLoader). With no argument PyTorch keeps its own default
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

    # The same steps twice: on the DataLoader, and on batches sliced beforehand, which is what
    # the steps themselves cost without the DataLoader fetching and collating 64 samples one by one.
    batches = [(x.clone(), y.clone()) for x, y in zip(train_loader.dataset.tensors[0].split(64),
                                                      train_loader.dataset.tensors[1].split(64))]

    def one_pass(source):
        for inputs, labels in source:
            optimizer.zero_grad()
            outputs = model(inputs)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()

    print("ms_per_step %.4f threads %d torch %s" % (median_ms(lambda: one_pass(train_loader), len(train_loader)),
                                                    torch.get_num_threads(), torch.__version__))
    print("ms_per_step_prebatched %.4f" % median_ms(lambda: one_pass(batches), len(batches)))


def median_ms(one_pass, steps):
    """Median time per step of 5 measurements of 10 passes, after 5 passes of warm-up (as JMH)."""
    for _ in range(5):
        one_pass()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(10):
            one_pass()
        times.append((time.perf_counter() - start) / (10 * steps) * 1000)
    times.sort()
    return times[len(times) // 2]


if __name__ == "__main__":
    main()
