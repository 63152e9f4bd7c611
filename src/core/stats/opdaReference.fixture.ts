// Test fixture: the opda README example (Lourie et al. 2025, arXiv 2510.02721), 32 accuracies from
// random search with a = 0, b = 1, and its published curves at 80% confidence (notes/anchors.md).

export const OPDA_SCORES = [
  0.842, 0.9292, 0.8172, 0.8264, 0.8851, 0.8765, 0.8824, 0.9221, 0.9456, 0.7533, 0.8141, 0.9061, 0.8986, 0.8287, 0.8645,
  0.8495, 0.8134, 0.8456, 0.9034, 0.7861, 0.8336, 0.9036, 0.7796, 0.9449, 0.8216, 0.752, 0.9089, 0.789, 0.9198, 0.9428,
  0.814, 0.7734,
];

export const OPDA_CONFIDENCE = 0.8;

/** k = 1..5. */
export const OPDA_MEDIAN_CURVE = [0.8456, 0.9034, 0.9089, 0.9198, 0.9221];
export const OPDA_DKW_LOWER = [0.8172, 0.8495, 0.8824, 0.8851, 0.8986];
export const OPDA_DKW_UPPER = [0.9034, 0.9292, 0.9456, 1, 1];
export const OPDA_DKW_EPSILON = 0.18968;
