package org.cultivate.modeler;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The modeler's pages: the bundles of web/modeler/ served under /modeler. */
@Configuration
class ModelerPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/modeler").setViewName("forward:/modeler/index.html");
        registry.addViewController("/modeler/").setViewName("forward:/modeler/index.html");
        registry.addViewController("/modeler/edit").setViewName("forward:/modeler/edit.html");
    }
}
