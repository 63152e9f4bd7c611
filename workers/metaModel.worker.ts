// Browser Web Worker for the meta-model: fitting a GP with ARD by marginal likelihood plus
// cross-validation takes seconds on a slow machine, so the page fits it here, off the main thread
// that draws the charts. Pure core functions, exposed over comlink.
import * as Comlink from 'comlink';
import { scorePromotion } from '../src/core/metaModel/promotionScoring';
import { recommend } from '../src/core/metaModel/recommendation';
import { scoreAudit } from '../src/core/metaModel/auditScore';
import type { MetaModelApi } from './protocol';

const api: MetaModelApi = {
  ping: async () => true,
  scorePromotion: async (inputs, pending) => scorePromotion(inputs, pending),
  recommend: async (inputs) => recommend(inputs),
  scoreAudit: async (inputs) => scoreAudit(inputs),
};
Comlink.expose(api);
