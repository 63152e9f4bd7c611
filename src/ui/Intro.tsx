// The page's first words: what pressing Run study does, and what its accuracies mean.
import { Term } from './glossary/Term';

export function Intro() {
  return (
    <div className="intro" data-testid="intro">
      <p>
        Press <strong>Run study</strong>: your browser trains several small image classifiers on real CIFAR-10 photos,
        each with different settings, gives more training data only to those that do best (
        <Term id="successiveHalving" />
        ), and shows which settings win and why.
      </p>
      <p className="muted">
        Scores are <Term id="validationAccuracy" /> on held-out photos: guessing among the 10 classes gets 10%, and this
        network trained fully (30 epochs on 45,000 images) reaches about 85%. A study of a few minutes trains on far
        less, so expect well under that.
      </p>
    </div>
  );
}
