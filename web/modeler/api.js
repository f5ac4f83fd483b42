// The modeler's calls to the server. Every change carries the CSRF token from /api/session when the
// server has one; without that endpoint (404) the calls go out as they are.
let session;

export async function currentSession() {
  if (session === undefined) {
    session = await fetch('/api/session', { headers: { Accept: 'application/json' } })
      .then(response => (response.ok ? response.json() : null))
      .catch(() => null);
  }
  return session;
}

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `The server answered ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    const csrf = (await currentSession())?.csrf;
    if (csrf) {
      headers[csrf.headerName] = csrf.token;
    }
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(payload, response.status);
  }
  return payload;
}

export const definitions = () => call('GET', '/api/modeler/definitions');
export const diagram = id => call('GET', `/api/modeler/definitions/${encodeURIComponent(id)}`);
export const deploy = (xml, basedOn) => call('POST', '/api/modeler/deployments', { xml, basedOn });
export const migrate = (sourceDefinitionId, targetDefinitionId) =>
  call('POST', '/api/modeler/migrations', { sourceDefinitionId, targetDefinitionId });
