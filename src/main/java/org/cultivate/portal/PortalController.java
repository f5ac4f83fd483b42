package org.cultivate.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public portal's pages: one plain HTML shell from {@code web/portal/public/} with one script
 * bundle, which reads from the address which page it is (the catalogue, a form, a tracking code,
 * the transparency report, the open task-force calls) and talks to the public {@code /api} endpoints. Nothing here needs a login.
 */
@Controller
class PortalController {

    @GetMapping({"/portal", "/portal/", "/portal/forms/{formId}", "/portal/track", "/portal/track/",
            "/portal/track/{trackingCode}", "/portal/transparency", "/portal/grants", "/portal/task-force",
            "/portal/task-force/{callReference}"})
    String page() {
        return "forward:/portal/index.html";
    }

    /** The server's front door is the portal: most visitors come to report or to apply. */
    @GetMapping("/")
    String home() {
        return "redirect:/portal";
    }
}
