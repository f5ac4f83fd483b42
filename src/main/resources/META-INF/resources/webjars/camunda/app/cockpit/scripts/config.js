// Camunda's configuration file for Cockpit: Cultivate's settings, shared by every webapp
export { default } from '../../cultivate/webapps.js';
