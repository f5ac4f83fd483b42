// The portal talks to this server only, and only to the public /api endpoints.
import { language } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

async function request(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': language() };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

export const getJson = path => request('GET', path);
export const postJson = (path, body) => request('POST', path, body);
