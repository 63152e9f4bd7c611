// A preset's name on the page, without the fixed duration its label promises ("Tiny (about a
// minute)"): how long it takes depends on the device, so the page shows a measured range instead.
import { summarisePlan } from '../../core/schedulers/schedule';
import type { Preset } from '../../core/study/presets';

const TIME = /\b(seconds?|minutes?|min|hours?|h|days?)\b/i;

export function presetName(preset: Preset): string {
  const match = /^(.*?)\s*\((.*)\)\s*$/.exec(preset.label);
  if (!match) return preset.label;
  const [, name, inside] = match;
  const kept = inside
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part && !TIME.test(part));
  if (kept.length > 0) return `${name} (${kept.join(', ')})`;
  const { configurations } = summarisePlan(preset.study);
  return `${name} (${configurations} configuration${configurations === 1 ? '' : 's'})`;
}
