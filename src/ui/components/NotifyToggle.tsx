// Opt-in to a notification when a long operation ends while the tab is in the background.
import { useState } from 'react';
import { notificationsOn, notificationsSupported, optInToNotifications } from '../finishNotification';

export function NotifyToggle() {
  const [on, setOn] = useState(notificationsOn);
  const [blocked, setBlocked] = useState(() => notificationsSupported() && Notification.permission === 'denied');
  if (!notificationsSupported()) return null;
  const change = async (want: boolean) => {
    const enabled = await optInToNotifications(want);
    setOn(enabled);
    setBlocked(want && !enabled);
  };
  return (
    <p className="muted" data-testid="notify-toggle">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => void change(e.target.checked)} /> Notify me when a study,
        slice or audit finishes in a background tab
      </label>
      {blocked && <span role="status"> — notifications are blocked for this site in the browser's settings.</span>}
    </p>
  );
}
