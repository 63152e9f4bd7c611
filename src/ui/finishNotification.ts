// The optional notification when a long operation ends in a background tab. Opt-in only: permission
// is asked for on the user's click, and the choice is kept in localStorage (notify:v1).
const KEY = 'notify:v1';

export const notificationsSupported = (): boolean => typeof Notification !== 'undefined';

/** Opted in, and the browser still allows it. */
export function notificationsOn(): boolean {
  try {
    return notificationsSupported() && Notification.permission === 'granted' && localStorage.getItem(KEY) === '1';
  } catch {
    return false; // storage blocked: no opt-in could have been kept
  }
}

/** Called from a click: asks for permission if needed; returns whether notifications are now on. */
export async function optInToNotifications(on: boolean): Promise<boolean> {
  if (!notificationsSupported()) return false;
  const permission =
    on && Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  const enabled = on && permission === 'granted';
  try {
    localStorage.setItem(KEY, enabled ? '1' : '0');
  } catch {
    /* on for this page only */
  }
  return enabled;
}

export function showFinishNotification(title: string, body: string): void {
  if (!notificationsOn()) return;
  try {
    const n = new Notification(title, { body, tag: 'llp-finished' });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  } catch {
    /* some browsers allow notifications only from a service worker: the title still says it */
  }
}
