// The page's meta-model advisor: one module Web Worker (workers/metaModel.worker.ts) started on
// first use, so fitting the model never freezes the charts. If the worker cannot start or
// crashes, the study still promotes: runStudy falls back to accuracy and says so.
import * as Comlink from 'comlink';
import type { MetaModelInputs } from '../core/metaModel/metaModelInputs';
import type { Recommendation } from '../core/metaModel/recommendation';
import type { AuditReport, AuditScoreInputs } from '../core/metaModel/auditScore';
import type { MetaModelApi } from '../../workers/protocol';
import type { PromotionAdvisor } from './runStudy';

let worker: { api: Comlink.Remote<MetaModelApi>; crashed: Promise<never> } | null = null;

function metaModelWorker(): { api: Comlink.Remote<MetaModelApi>; crashed: Promise<never> } {
  if (!worker) {
    const w = new Worker(new URL('../../workers/metaModel.worker.ts', import.meta.url), {
      type: 'module',
      name: 'meta-model',
    });
    const crashed = new Promise<never>((_, reject) => {
      w.addEventListener('error', (e) => {
        worker = null; // the next call starts a fresh one
        reject(new Error(`the meta-model worker failed: ${e.message || 'it could not load or crashed'}`));
      });
    });
    crashed.catch(() => {});
    worker = { api: Comlink.wrap<MetaModelApi>(w), crashed };
  }
  return worker;
}

/** One call on the worker, rejected if the worker crashes first (a pending comlink call would hang). */
function call<T>(f: (api: Comlink.Remote<MetaModelApi>) => Promise<T>): Promise<T> {
  const w = metaModelWorker();
  return Promise.race([f(w.api), w.crashed]);
}

export const workerAdvisor: PromotionAdvisor = (inputs, pending) => call((api) => api.scorePromotion(inputs, pending));

export const recommendInWorker = (inputs: MetaModelInputs): Promise<Recommendation | null> =>
  call((api) => api.recommend(inputs));

export const scoreAuditInWorker = (inputs: AuditScoreInputs): Promise<Omit<AuditReport, 'auditMs'>> =>
  call((api) => api.scoreAudit(inputs));

/** Loads the worker (its code then passes through the service worker's cache). */
export const warmMetaModelWorker = (): Promise<true> => call((api) => api.ping());
