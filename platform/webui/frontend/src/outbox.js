// Entries typed where there is no network (a cadre's visit, a team's attendance in a village with poor coverage): kept
// on the device, in IndexedDB, until the platform can be reached, then sent by themselves. Each is sent with an
// Idempotency-Key, so an entry sent twice on a weak line (the answer lost, the request not) is stored once. What waits
// belongs to the user who typed it, and is sent only while that user is signed in; what the platform refuses once it
// is reached stays in the outbox with the platform's reason, to be corrected and sent again or dropped.
import { reactive } from 'vue';
import { createStore, del, entries, set } from 'idb-keyval';
import { ApiError, api, session } from './api.js';

const store = createStore('fupin-outbox', 'entries');

/** What waits for the signed-in user, for the screens to show: each item, and whether a sending is under way. */
export const outbox = reactive({ items: [], sending: false });

function mine(item) {
  return item.user === session.user()?.username;
}

async function refresh() {
  outbox.items = (await entries(store)).map(([, item]) => item).filter(mine)
    .sort((a, b) => a.typedAt.localeCompare(b.typedAt));
}

function newKey() {
  return `entry-${crypto.randomUUID()}`;
}

/**
 * Adds an entry to a record: sent at once when the platform answers, else kept for later. Answers the record as the
 * platform has it now ({ record }) or that it waits ({ queued: true }); a refusal from the platform is thrown as usual.
 */
export async function sendEntry(path, body, label) {
  const item = { key: newKey(), user: session.user()?.username, path, body, label, typedAt: new Date().toISOString(),
    error: '' };
  try {
    return { record: await api('POST', path, body, { 'Idempotency-Key': item.key }) };
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 0) throw e;
    await set(item.key, item, store);
    await refresh();
    return { queued: true };
  }
}

/** Sends what waits, oldest first; stops at the first that cannot reach the platform. */
export async function flush() {
  if (outbox.sending || !session.signedIn()) return;
  outbox.sending = true;
  try {
    await refresh();
    for (const item of [...outbox.items]) {
      try {
        await api('POST', item.path, item.body, { 'Idempotency-Key': item.key });
        await del(item.key, store);
      } catch (e) {
        // not reached, the session ended (sent again after signing in) or the platform failed: later, as it is
        if (!(e instanceof ApiError) || e.status === 0 || e.status === 401 || e.status >= 500) break;
        // refused (a wrong value, a record closed meanwhile): kept with the reason, for the user to decide
        await set(item.key, { ...item, error: e.message }, store);
      }
    }
  } finally {
    await refresh();
    outbox.sending = false;
  }
}

/** Drops an entry that waits (one the platform refused, or no longer wanted). */
export async function drop(key) {
  await del(key, store);
  await refresh();
}

