/// <reference lib="webworker" />
// The lab's service worker (Workbox, built by vite-plugin-pwa): a precache of the build, so the lab
// opens offline, and the COOP/COEP headers a plain static host does not send (the coi-serviceworker
// approach), so from the second visit the page is cross-origin isolated and shares one copy of the
// dataset with every worker. The CIFAR-10 shards pass through: the page keeps them, verified, in IndexedDB.
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

/** The same body with the headers that make the page (and its workers) cross-origin isolated. */
function isolated(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

addPlugins([{ handlerWillRespond: async ({ response }) => isolated(response) }]);
// One entry per file of this build; when a new build's worker activates, files it no longer lists
// are deleted, so the cache is replaced rather than grown. No skipWaiting: a new build waits until
// every tab of the old one is closed, so a running study never loses the chunks it still loads.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Any link into the lab (?preset=…, #s=…) opens the precached page; the benchmark page and the data do not.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/\/bench\//, /\/data\//] }));
// The first visit's page is controlled at once, so it can go offline without a reload.
clientsClaim();
