import { describe, expect, it } from 'vitest';
import { axisFeature, axisPosition, axisValue, formatAxisValue, paramAxes } from './hyperparameterAxes';
import { DEFAULT_FIXED, SEED001_SPACE, type TrialConfig } from '../searchSpace/searchSpace';

const config = (patch: Partial<TrialConfig>): TrialConfig => ({ ...DEFAULT_FIXED, ...patch });

describe('hyperparameter axes', () => {
  const axes = paramAxes(SEED001_SPACE);
  const axis = (name: string) => axes.find((a) => a.name === name)!;

  it('has one axis per parameter, log where the space is log', () => {
    expect(axes.map((a) => `${a.name}:${a.scale}`)).toEqual([
      'channels:linear',
      'dropout:linear',
      'optimizer:categorical',
      'learningRate:log',
      'momentum:linear',
      'weightDecay:log',
    ]);
  });

  it('places values in [0, 1], log10 on log axes', () => {
    const lr = axis('learningRate'); // [5e-4, 1e-2]
    const mid = Math.sqrt(5e-4 * 1e-2);
    expect(axisPosition(lr, config({ learningRate: mid }))).toBeCloseTo(0.5, 12);
    expect(axisPosition(lr, config({ learningRate: 1e-2 }))).toBe(1);
    expect(axisPosition(axis('channels'), config({ channels: 48 }))).toBe(0.5);
    expect(axisPosition(axis('optimizer'), config({ optimizer: 'sgd' }))).toBe(1);
    expect(axisFeature(lr, config({ learningRate: 1e-3 }))).toBeCloseTo(-3, 12);
  });

  it('marks a conditional parameter inactive where its condition is false', () => {
    const m = axis('momentum');
    expect(axisValue(m, config({ optimizer: 'adam', momentum: 0 }))).toBeNull();
    expect(axisPosition(m, config({ optimizer: 'sgd', momentum: 0.45 }))).toBeCloseTo(0.5, 12);
    expect(axisFeature(m, config({ optimizer: 'adam' }))).toBe(0);
    expect(formatAxisValue(m, config({ optimizer: 'adam' }))).toBe('inactive');
  });

  it('formats values for labels', () => {
    expect(formatAxisValue(axis('learningRate'), config({ learningRate: 0.00314 }))).toBe('3.1e-3');
    expect(formatAxisValue(axis('optimizer'), config({ optimizer: 'sgd' }))).toBe('sgd');
    expect(formatAxisValue(axis('channels'), config({ channels: 48 }))).toBe('48');
    expect(formatAxisValue(axis('dropout'), config({ dropout: 0.153 }))).toBe('0.15');
  });
});
