// While the tab is in the background, a study, slice or audit that ends changes the document title
// (./finishedWork) and, if opted in, shows a notification; the title comes back when the tab does.
import { useEffect } from 'react';
import { labStore } from '../store/labStore';
import { finishedBetween, finishedTitle, type FinishedWork } from './finishedWork';
import { showFinishNotification } from './finishNotification';

export function useBackgroundNotice(): void {
  useEffect(() => {
    const base = document.title;
    let unseen: FinishedWork[] = [];
    const unsubscribe = labStore.subscribe((next, prev) => {
      if (!document.hidden) return;
      const ended = finishedBetween(prev, next);
      if (ended.length === 0) return;
      unseen = [...unseen, ...ended];
      document.title = finishedTitle(unseen, base);
      const name = next.study?.definition.name;
      showFinishNotification(
        finishedTitle(ended, base).replace(` · ${base}`, ''),
        name ? `${base}: study “${name}”.` : base,
      );
    });
    const onVisible = () => {
      if (document.hidden) return;
      unseen = [];
      document.title = base;
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
      document.title = base;
    };
  }, []);
}
