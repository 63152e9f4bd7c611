// The study's trainer pool over the training images: the images shared once into a
// SharedArrayBuffer where the host allows it, then `size` workers that each receive them at init.
// The page, `npm run study` and bench:search start their pools here.
import type { BackendName } from '../../workers/protocol';
import { shareImages } from './sharedImages';
import { createPool, type PoolOptions, type TrainerPool, type WorkerFactory } from './workerPool';

export interface StudyPoolOptions extends PoolOptions {
  /** 'copies' where the host is not cross-origin isolated (each worker then gets its own copy). */
  sharing?: 'shared' | 'copies';
  forcedBackend?: BackendName;
}

export function createStudyPool(
  factory: WorkerFactory,
  size: number,
  train: { images: Uint8Array; labels: Uint8Array },
  options: StudyPoolOptions = {},
): Promise<TrainerPool> {
  const { sharing = 'shared', forcedBackend, ...poolOptions } = options;
  const dataset = { images: shareImages(train.images, sharing), labels: train.labels, numClasses: 10 };
  return createPool(factory, size, { dataset, forcedBackend }, poolOptions);
}
