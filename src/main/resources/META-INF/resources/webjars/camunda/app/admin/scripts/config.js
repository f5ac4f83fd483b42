// Camunda's configuration file for Admin: Cultivate's settings, shared by every webapp
export { default } from '../../cultivate/webapps.js';
