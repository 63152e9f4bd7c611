#!/usr/bin/env python3
"""PyTorch reference for `npm run bench:train`: the seed project's SimpleCNN, same definition as
src/training/simpleCnn.ts, trained on random CIFAR-shaped data; prints one JSON line per
(channels, batch size) with steady-state training images per second.
Usage: python3 bench/pytorch_simplecnn.py [--threads N] [--device cpu|cuda] [--steps S] [--configs 32x64,64x128]"""
import argparse, json, time
import torch
import torch.nn as nn
import torch.nn.functional as F


class SimpleCNN(nn.Module):
    def __init__(self, c=32, num_classes=10, dropout=0.2):
        super().__init__()
        self.conv1 = nn.Conv2d(3, c, 3, padding=1)
        self.conv2 = nn.Conv2d(c, 2 * c, 3, padding=1)
        self.conv3 = nn.Conv2d(2 * c, 4 * c, 3, padding=1)
        self.fc1 = nn.Linear(4 * c * 4 * 4, 512)
        self.fc2 = nn.Linear(512, num_classes)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = F.max_pool2d(F.relu(self.conv3(x)), 2)
        x = self.dropout(F.relu(self.fc1(torch.flatten(x, 1))))
        return self.fc2(x)


def measure(c, batch, steps, warmup, device):
    torch.manual_seed(0)
    model = SimpleCNN(c).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=5e-4)
    x = torch.randn(batch, 3, 32, 32, device=device)
    y = torch.randint(0, 10, (batch,), device=device)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        return loss

    for _ in range(warmup):
        step().item()
    if device == 'cuda':
        torch.cuda.synchronize()
    t0 = time.perf_counter()
    for _ in range(steps):
        loss = step()
    loss.item()
    if device == 'cuda':
        torch.cuda.synchronize()
    return steps * batch / (time.perf_counter() - t0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--threads', type=int, default=2)
    p.add_argument('--device', default='cpu')
    p.add_argument('--steps', type=int, default=20)
    p.add_argument('--warmup', type=int, default=3)
    p.add_argument('--configs', default='32x64,32x128,64x64,64x128')
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    n_params = sum(p.numel() for p in SimpleCNN(32).parameters())
    assert n_params == 1147466, n_params  # the same model as the TypeScript SimpleCNN
    for cfg in a.configs.split(','):
        c, b = (int(v) for v in cfg.split('x'))
        ips = measure(c, b, a.steps, a.warmup, a.device)
        print(json.dumps({'runtime': 'pytorch', 'backend': f'torch-{a.device}', 'channels': c, 'batchSize': b,
                          'workers': 1, 'threads': a.threads, 'imagesPerSecond': round(ips, 1)}), flush=True)


if __name__ == '__main__':
    main()
