import { queryRepairNotices } from './repairLocation'; // first: before tfjs reads the query
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadDataset } from '../app/page';
import { openLaunchLink } from '../store/shareLink';
import { openResultsLink } from '../store/resultsLink';
import { isResultsLink } from '../core/link/resultsLink';
import { labStore } from '../store/labStore';
import { refreshSavedStudies } from '../store/persistence';
import { restoreMemory } from '../store/memory';
import { enableOffline } from '../store/offline';
import { App } from './App';
import './styles.css';

// What the link asks for: ?preset=, ?backend=, a whole study in #s=… (a share link) and lesson
// options. Parsing is pure and validated; a bad link gets one message each and the defaults, and runs nothing.
const classroom = openLaunchLink(window.location.search, window.location.hash, queryRepairNotices);
// A results link (#r=…) shows a finished study: nothing to train, so the images are not fetched for it.
const results = isResultsLink(window.location.hash);
if (results) void openResultsLink(window.location.hash);
// ?debug=1 exposes the store to tests and benchmarks (e2e/dashboard.spec.ts injects a 500-trial study)
// and the launch path (e2e/hostile-links.spec.ts opens its corpus in one page).
if (classroom.debug) Object.assign(window, { __llpStore: labStore, __llpOpenLink: openLaunchLink });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The training images start loading as soon as the page opens (progress shown in the dataset panel),
// saved studies are listed, with an offer to resume any that a closed tab interrupted, and the
// meta-model's memory is read (its panel and the Promote-by hint count the examples), with any
// examples of saved studies that the browser's storage lost rebuilt from their records.
if (!results)
  void loadDataset().catch(() => {
    /* shown in the dataset panel, with a retry */
  });
void refreshSavedStudies();
void restoreMemory();

// Offline once visited: a service worker keeps the app's files (production builds only; the dev
// server's modules change on every edit).
if (import.meta.env.PROD)
  void enableOffline(import.meta.env.BASE_URL).catch(() => {
    /* the lab works online without it */
  });
