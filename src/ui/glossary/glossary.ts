// The technical words the page uses, each explained in a sentence a student can read: shown as a
// tooltip where the word appears (./Term) and listed at the foot of the page (./Glossary).

export const GLOSSARY = {
  validationAccuracy: {
    term: 'validation accuracy',
    text: 'The share of 5,000 held-out images the network labels correctly. Guessing among the 10 classes scores 10%; this network trained fully (30 epochs on 45,000 images) reaches about 85%.',
  },
  trial: {
    term: 'trial',
    text: 'One training run of one configuration (a set of hyperparameters such as learning rate and width) on a given budget of images and epochs.',
  },
  successiveHalving: {
    term: 'successive halving',
    text: 'Train many configurations briefly, keep the best share, train those on more data, and repeat, so most compute goes to the promising ones.',
  },
  rung: {
    term: 'rung',
    text: 'One step of successive halving: every surviving configuration trains on the same budget, and the best go up to the next rung with more data.',
  },
  reductionFactor: {
    term: 'reduction factor (η)',
    text: 'How sharply each rung cuts: with η = 3, one configuration in three goes on, with three times the data.',
  },
  fidelity: {
    term: 'fidelity',
    text: 'How much training a score comes from. Low fidelity is a few images or epochs (cheap, noisy); full fidelity is the whole budget.',
  },
  regret: {
    term: 'regret',
    text: 'How many accuracy points the chosen configuration falls short of the best one in the pool. 0 means the best was picked.',
  },
  ci: {
    term: 'CI (confidence interval)',
    text: 'A range that would contain the true value in 95% of repetitions (or the stated share). An interval that includes 0 means "no clear difference".',
  },
  pBest: {
    term: 'P(best)',
    text: 'The share of replayed studies whose pick was the best configuration of their pool.',
  },
  spearman: {
    term: 'Spearman ρ',
    text: 'How well two rankings agree: 1 is the same order, 0 unrelated, −1 reversed.',
  },
  kendall: {
    term: 'Kendall τ',
    text: 'Another rank agreement: the share of pairs put in the right order minus the share put in the wrong one.',
  },
  fanova: {
    term: 'fANOVA',
    text: 'Functional analysis of variance: splits the spread in accuracy into the part each hyperparameter explains on its own.',
  },
  tuningCurve: {
    term: 'tuning curve',
    text: 'The best accuracy to expect after k random trials: where it flattens, more trials buy little.',
  },
  metaModel: {
    term: 'meta-model',
    text: 'A model trained on earlier studies that predicts a configuration’s full-fidelity accuracy from its cheap trials.',
  },
} as const satisfies Record<string, { term: string; text: string }>;

export type TermId = keyof typeof GLOSSARY;

export const termAnchor = (id: TermId) => `term-${id}`;
