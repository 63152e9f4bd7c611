// Results links (../core/link/resultsLink): the finished study on screen, with its curves and
// probes, put in the URL as #r=…; and such a link opened as a saved study is opened: ranking,
// charts and recommendation, with no dataset download, no worker and no training.
import { decodeResults, resultsHash } from '../core/link/resultsLink';
import { labStore } from './labStore';
import { exportableRecord } from './persistence';
import { currentTrialSignals, showSavedRecord } from './trialFacts';

/** Puts a link that shows the current study's results on the clipboard, or says why there is none. */
export async function copyResultsLink(): Promise<void> {
  const record = await exportableRecord(null);
  if (!record) return;
  const made = await resultsHash(record);
  if (!made.ok) return labStore.setState({ shareNote: made.error });
  const url = `${location.origin}${location.pathname}${made.hash}`;
  history.replaceState(null, '', url);
  const size = `${made.hash.length.toLocaleString('en')} characters`;
  try {
    await navigator.clipboard.writeText(url);
    labStore.setState({
      shareNote: `Results link copied to the clipboard (${size}): it shows this study's ranking and charts without training it again.`,
    });
  } catch {
    // The link can be long: it waits in the address bar rather than in the page's text.
    labStore.setState({ shareNote: `The results link (${size}) is in the address bar: copy it from there.` });
  }
}

/** The note a study opened from a results link carries: where its numbers come from. */
export const RESULTS_LINK_NOTE =
  'Opened from a results link: these results were trained in another browser and are shown here without training. The trained networks are not in the link, so the landscape needs a run here; Run study trains the same study again.';

/**
 * Opens a results link (#r=…): the study it holds is shown as a reopened saved study is. The
 * recommendation is worked out here, from the study's own results (the link carries no memory of
 * earlier studies); its meta-model code is loaded only now. A bad link gets a message and shows nothing.
 */
export async function openResultsLink(hash: string): Promise<void> {
  const read = await decodeResults(hash);
  const { linkProblems, busy } = labStore.getState();
  if (!read.ok) return labStore.setState({ linkProblems: [...linkProblems, `${read.error} Nothing was run.`] });
  if (busy !== 'idle') return;
  showSavedRecord(read.record);
  labStore.setState({
    shareNote: RESULTS_LINK_NOTE,
    recommendation: { status: 'computing', value: null, error: null },
  });
  try {
    const { recommend } = await import('../core/metaModel/recommendation');
    const value = recommend({
      state: read.record.state,
      signals: currentTrialSignals(),
      examples: [],
      now: Date.now(),
    });
    labStore.setState({
      recommendation: {
        status: 'ready',
        value: value && { ...value, note: `${value.note}; from this study's results alone` },
        error: null,
      },
    });
  } catch (e) {
    labStore.setState({
      recommendation: {
        status: 'error',
        value: null,
        error: `No forecast for the recommendation: ${e instanceof Error ? e.message : String(e)}`,
      },
    });
  }
}
