// The platform's JSON API (/api/v1) as the pages use it: the bearer token of the sign-in kept for the tab, every
// error as { status, code, message, fields } from the API's error body, and the sign-in page when a session ends.
// Every request asks for the language in use, so the platform's messages come in it.
import { locale } from './i18n.js';

const TOKEN = 'fupin.token';
const USER = 'fupin.user';

export const session = {
  signedIn: () => sessionStorage.getItem(TOKEN) !== null,
  user: () => JSON.parse(sessionStorage.getItem(USER) || 'null'),
  start(token, user) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(USER, JSON.stringify(user));
  },
  end() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(USER);
  },
  /** Signing out on purpose forgets what was being typed too. */
  close() {
    Object.keys(sessionStorage).filter((k) => k.startsWith('fupin.')).forEach((k) => sessionStorage.removeItem(k));
  },
};

export class ApiError extends Error {
  constructor(status, code, message, fields) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields || [];
  }

  /** The message the API gave for one field, if any. */
  field(name) {
    const found = this.fields.find((f) => f.field === name);
    return found ? found.message : '';
  }
}

function language() {
  return locale() === 'en' ? 'en' : 'zh-CN';
}

/** Sends a request and answers the JSON the platform gives; `type` the body's Content-Type when it is no JSON. */
async function request(method, path, body, type, extra) {
  const headers = { Accept: 'application/json', 'Accept-Language': language(), ...(extra || {}) };
  const token = sessionStorage.getItem(TOKEN);
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = type || 'application/json';
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers,
      body: body === undefined || type ? body : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'network', locale() === 'en' ? 'The platform cannot be reached: check the network and try again'
      : '无法连接平台，请检查网络后重试', []);
  }
  if (response.status === 401 && path !== '/auth/login') {
    session.end();
    window.location.hash = `#/login?next=${encodeURIComponent(window.location.hash.slice(1))}`;
  }
  if (response.status === 204) {
    return null;
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (json && json.error) || {};
    throw new ApiError(response.status, error.code || 'error',
      error.message || (locale() === 'en' ? `The request failed (${response.status})` : `请求失败（${response.status}）`), error.fields);
  }
  return json;
}

/** Sends JSON and answers the platform's JSON; `headers` adds to the request's (an Idempotency-Key). */
export function api(method, path, body, headers) {
  return request(method, path, body, undefined, headers);
}

/** Sends a file as the request's whole body (a plugin jar, an import), answering as {@link api}. */
export function upload(path, file, type) {
  return request('POST', path, file, type);
}

/**
 * Downloads what the API answers at {@code path} (an export) as a file: the name the platform gives
 * (Content-Disposition's filename*, else its filename), else {@code fallbackName}.
 */
export async function download(path, fallbackName) {
  const token = sessionStorage.getItem(TOKEN);
  const response = await fetch(`/api/v1${path}`,
    { headers: { 'Accept-Language': language(), ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  if (!response.ok) {
    const json = await response.json().catch(() => null);
    const error = (json && json.error) || {};
    throw new ApiError(response.status, error.code || 'error', error.message || `下载失败（${response.status}）`,
      error.fields);
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1]) : (plain ? plain[1] : fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
