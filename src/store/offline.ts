// Offline once visited: registers the lab's service worker (workers/sw.ts, built by vite-plugin-pwa),
// which precaches every file of the build — page, worker code, tfjs wasm — when it installs, so a
// classroom can open the lab and train with no network. It never reloads the page itself.
export async function enableOffline(baseUrl: string): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  await navigator.serviceWorker.register(`${baseUrl}sw.js`, { scope: baseUrl });
}
