// trainingSummary against means worked out by hand.
import { describe, expect, it } from 'vitest';
import { trainingSummary } from './trainingSummary';

describe('trainingSummary', () => {
  it('compares the mean of the first epoch with the mean of the last', () => {
    const curve = [
      { step: 1, epoch: 0, loss: 2.4, accuracy: 0.1 },
      { step: 2, epoch: 0, loss: 2.2, accuracy: 0.2 },
      { step: 3, epoch: 1, loss: 1.5, accuracy: 0.5 },
      { step: 4, epoch: 2, loss: 0.5, accuracy: 0.9 },
      { step: 5, epoch: 2, loss: 0.3, accuracy: 1.0 },
    ];
    expect(trainingSummary(curve)).toBe('training loss 2.300 -> 0.400, batch accuracy 15% -> 95% (epoch 1 to 3)');
  });

  it('uses the first and last reads of a one-epoch trial, and says nothing without reads', () => {
    const curve = [
      { step: 1, epoch: 0, loss: 2.3, accuracy: 0.125 },
      { step: 2, epoch: 0, loss: 1.9, accuracy: 0.25 },
      { step: 3, epoch: 0, loss: 1.7, accuracy: 0.375 },
    ];
    expect(trainingSummary(curve)).toBe(
      'training loss 2.300 -> 1.700, batch accuracy 13% -> 38% (first to last batch)',
    );
    expect(trainingSummary([])).toBeNull();
  });
});
