/*
 * Cultivate's header for Camunda's webapps. Camunda 7.24's community edition shows every page an
 * "it is time to migrate to Camunda 8" banner, with no setting to turn it off; Cultivate is
 * maintained on Camunda 7, and people who trust it with harassment reports must not read that
 * it is abandoned. This takes the banner, and Camunda's logo beside Cultivate's name, out of the
 * header's template before AngularJS first renders it.
 */
define(['angular'], function (angular) {
  'use strict';

  var BANNER = /<div[^>]*class="ce-eol-banner"[^>]*>\s*<\/div>/;
  var LOGO = /<span[^>]*class="brand-logo"[^>]*>\s*<\/span>/;

  return angular.module('cultivate.header', []).config(['$provide', function ($provide) {
    $provide.decorator('camWidgetHeaderDirective', ['$delegate', function ($delegate) {
      $delegate.forEach(function (header) {
        header.template = header.template.replace(BANNER, '').replace(LOGO, '');
      });
      return $delegate;
    }]);
  }]);
});
