// Scale-out: a study as a runnable Optuna script (Akiba et al. 2019) with the same search space,
// sampler seed, pruner (successive halving / Hyperband; Optuna's successive-halving pruner is
// asynchronous, i.e. ASHA) and a PyTorch SimpleCNN of the same definition. The script writes its
// trials as JSON that ./importResults reads back into the lab.
import type { ParamSpec } from './searchSpace';
import type { StudyDefinition } from './studyDefinition';

const py = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v));

function suggest(p: ParamSpec): string {
  const name = JSON.stringify(p.name);
  switch (p.kind) {
    case 'float': return `trial.suggest_float(${name}, ${p.low}, ${p.high}, log=${p.log ? 'True' : 'False'})`;
    case 'int': return `trial.suggest_int(${name}, ${p.low}, ${p.high}, step=${p.step})`;
    case 'categorical': return `trial.suggest_categorical(${name}, [${p.choices.map(py).join(', ')}])`;
  }
}

function spaceLines(def: StudyDefinition): string[] {
  const lines = [`    params = dict(FIXED)`];
  for (const p of def.space) {
    const body = `params[${JSON.stringify(p.name)}] = ${suggest(p)}`;
    lines.push(p.condition ? `    if params[${JSON.stringify(p.condition.param)}] == ${py(p.condition.equals)}:\n        ${body}` : `    ${body}`);
  }
  return lines;
}

function pruner(def: StudyDefinition, epochs: number): string {
  const s = def.scheduler;
  const minEpochs = Math.max(1, Math.round(s.minResource * epochs));
  if (s.kind === 'hyperband') return `optuna.pruners.HyperbandPruner(min_resource=${minEpochs}, max_resource=${epochs}, reduction_factor=${s.reductionFactor})`;
  // Two-step search prunes nothing: all configurations train on the subset, then the top K are retrained.
  if (s.kind === 'twoStep') return 'optuna.pruners.NopPruner()';
  return `optuna.pruners.SuccessiveHalvingPruner(min_resource=${minEpochs}, reduction_factor=${s.reductionFactor})`;
}

function sampler(def: StudyDefinition): string {
  if (def.sampler === 'random') return `optuna.samplers.RandomSampler(seed=${def.seed})`;
  // Optuna's GridSampler needs the grid spelled out; a scrambled Halton sequence covers the space evenly too.
  return `optuna.samplers.QMCSampler(qmc_type="halton", scramble=True, seed=${def.seed})`;
}

export function exportOptunaScript(def: StudyDefinition): string {
  const epochs = def.fixed.epochs ?? 1;
  const fixed = { channels: 32, dropout: 0.2, optimizer: 'adam', learningRate: 1e-3, momentum: 0, weightDecay: 5e-4, batchSize: 64, ...def.fixed, epochs };
  const topK = def.scheduler.topK ?? Math.max(1, Math.round(def.scheduler.numConfigs / def.scheduler.reductionFactor));
  return `#!/usr/bin/env python3
"""Loss Landscape Probe study "${def.name}", exported for Optuna (run it where you have more compute).
Search space, seed and pruner match the lab's study; the resource is epochs (rungs of the
lab's data fractions become epoch rungs here). Needs: torch, torchvision, optuna.
Writes results.json, which the lab imports ("Import results") for its charts and meta-model."""
import json, math, random
import optuna
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
import torchvision.transforms as T

SEED = ${def.seed}
N_TRIALS = ${def.scheduler.numConfigs}
EPOCHS = ${epochs}
TRAIN_IMAGES = ${def.data.maxTrainImages}
VALIDATION_SIZE = ${def.data.validationSize}
FIXED = ${JSON.stringify(fixed)}
DEVICE = "cuda" if torch.cuda.is_available() else "cpu"


class SimpleCNN(nn.Module):
    """Seed 001's SimpleCNN, as in the lab: conv3x3 c, 2c, 4c (ReLU, max-pool), FC 512, dropout, FC 10."""
    def __init__(self, c, dropout, num_classes=10):
        super().__init__()
        self.conv1, self.conv2, self.conv3 = nn.Conv2d(3, c, 3, padding=1), nn.Conv2d(c, 2 * c, 3, padding=1), nn.Conv2d(2 * c, 4 * c, 3, padding=1)
        self.fc1, self.fc2, self.dropout = nn.Linear(4 * c * 16, 512), nn.Linear(512, num_classes), nn.Dropout(dropout)

    def forward(self, x):
        for conv in (self.conv1, self.conv2, self.conv3):
            x = F.max_pool2d(F.relu(conv(x)), 2)
        return self.fc2(self.dropout(F.relu(self.fc1(torch.flatten(x, 1)))))


def splits():
    data = torchvision.datasets.CIFAR10("data", train=True, download=True, transform=T.Compose([
        T.ToTensor(), T.Normalize((0.4914, 0.4822, 0.4465), (0.247, 0.2435, 0.2616))]))
    order = list(range(len(data)))
    random.Random(SEED).shuffle(order)
    # Validation held out of the training images; the test set is never used for selection.
    val, train = order[:VALIDATION_SIZE], order[VALIDATION_SIZE:VALIDATION_SIZE + TRAIN_IMAGES]
    return torch.utils.data.Subset(data, train), torch.utils.data.Subset(data, val)


TRAIN, VAL = splits()


def evaluate(model):
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for x, y in torch.utils.data.DataLoader(VAL, batch_size=500):
            correct += (model(x.to(DEVICE)).argmax(1).cpu() == y).sum().item()
            total += len(y)
    return correct / total


def train(params, trial=None, epochs=EPOCHS, fraction=1.0):
    torch.manual_seed(SEED)
    model = SimpleCNN(params["channels"], params["dropout"]).to(DEVICE)
    if params["optimizer"] == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=params["learningRate"], momentum=params["momentum"], weight_decay=params["weightDecay"])
    elif params["optimizer"] == "adamw":
        opt = torch.optim.AdamW(model.parameters(), lr=params["learningRate"], weight_decay=params["weightDecay"])
    else:
        opt = torch.optim.Adam(model.parameters(), lr=params["learningRate"], weight_decay=params["weightDecay"])
    subset = torch.utils.data.Subset(TRAIN, range(max(1, int(fraction * len(TRAIN)))))
    loader = torch.utils.data.DataLoader(subset, batch_size=params["batchSize"], shuffle=True, drop_last=True)
    history = []
    for epoch in range(epochs):
        model.train()
        for x, y in loader:
            opt.zero_grad()
            F.cross_entropy(model(x.to(DEVICE)), y.to(DEVICE)).backward()
            opt.step()
        accuracy = evaluate(model)
        history.append(accuracy)
        if trial is not None:
            trial.report(accuracy, epoch + 1)
            if trial.should_prune():
                raise optuna.TrialPruned()
    return history[-1], history


def objective(trial):
${spaceLines(def).join('\n')}
    trial.set_user_attr("params", params)
    accuracy, history = train(params, trial, fraction=${def.scheduler.kind === 'twoStep' ? def.scheduler.minResource : 1.0})
    trial.set_user_attr("history", history)
    return accuracy


if __name__ == "__main__":
    study = optuna.create_study(direction="maximize", sampler=${sampler(def)}, pruner=${pruner(def, epochs)})
    study.optimize(objective, n_trials=N_TRIALS)
    results = [{"number": t.number, "state": t.state.name, "value": t.value, "params": t.user_attrs.get("params", t.params),
                "intermediate": {str(k): v for k, v in t.intermediate_values.items()}} for t in study.trials]
${def.scheduler.kind === 'twoStep' ? `    # Two-step search (seed 002): retrain the top ${topK} of the subset search on the full training split.
    done = sorted([r for r in results if r["value"] is not None], key=lambda r: -r["value"])[:${topK}]
    for r in done:
        r["fullValue"], _ = train(r["params"])
` : ''}    with open("results.json", "w") as f:
        json.dump({"format": "loss-landscape-probe/optuna-results", "version": 1, "study": ${JSON.stringify(def.name)}, "trials": results}, f, indent=1)
    print("best:", study.best_trial.value, study.best_trial.user_attrs.get("params"))
`;
}
