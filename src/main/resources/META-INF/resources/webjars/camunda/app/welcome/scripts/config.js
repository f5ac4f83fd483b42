// Camunda's configuration file for Welcome: Cultivate's settings, shared by every webapp
export { default } from '../../cultivate/webapps.js';
