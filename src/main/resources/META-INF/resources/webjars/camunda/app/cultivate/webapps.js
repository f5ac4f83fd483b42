/*
 * Cultivate's settings for Camunda's webapps, shared by the config.js of Tasklist, Cockpit, Admin
 * and Welcome (Camunda's documented customisation: app/<app>/scripts/config.js).
 */
export default {
  // the header and the page title read "Cultivate Tasklist", "Cultivate Cockpit", ...
  app: {
    vendor: 'Cultivate'
  },
  // an AngularJS module of Cultivate's, loaded by RequireJS from this server; paths are relative
  // to app/<app>/
  requireJsConfig: {
    ngDeps: ['cultivate.header'],
    deps: ['cultivate-header'],
    paths: {
      'cultivate-header': '../cultivate/header'
    }
  }
};
