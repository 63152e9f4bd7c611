// Imported first by main.tsx, so it runs before any library: tfjs decodes the query string when it
// loads and throws on a malformed percent-escape (?lock=%ED%A0%80), which left a blank page. Such
// escapes are made literal in the address bar (no reload), and the page gets a notice.
import { repairQuery, REPAIRED_QUERY_NOTICE } from '../core/link/launchParams';

const { search, repaired } = repairQuery(window.location.search);
if (repaired) history.replaceState(history.state, '', `${window.location.pathname}${search}${window.location.hash}`);

/** Notices for the launch link: one when the query had to be repaired. */
export const queryRepairNotices: string[] = repaired ? [REPAIRED_QUERY_NOTICE] : [];
