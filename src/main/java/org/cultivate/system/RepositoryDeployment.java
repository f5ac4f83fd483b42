package org.cultivate.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the repository's {@code processes/} (BPMN, DMN) and {@code forms/} at start-up as one
 * deployment, so that {@code formRefBinding="deployment"} finds every form beside its process.
 * Nothing is deployed when no file changed; when one did, all are deployed again together, because
 * a changed process must find its unchanged forms in its own deployment.
 */
@Component
public class RepositoryDeployment {

    public static final String DEPLOYMENT_NAME = "cultivate";
    static final List<String> PATTERNS = List.of(
            "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");

    private static final Logger log = LoggerFactory.getLogger(RepositoryDeployment.class);

    private final RepositoryService repositoryService;
    private final Deployment deployment;

    public RepositoryDeployment(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
        this.deployment = deploy();
    }

    /** The resource names (such as {@code processes/conduct-incident.bpmn}) that start-up deploys. */
    public static List<RepositoryResource> resources() {
        var resolver = new PathMatchingResourcePatternResolver();
        var found = new ArrayList<RepositoryResource>();
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources(pattern)) {
                    found.add(new RepositoryResource(nameOf(resource), resource));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list processes/ and forms/", e);
        }
        return found;
    }

    public Deployment deployment() {
        return deployment;
    }

    private Deployment deploy() {
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("cultivate repository")
                .enableDuplicateFiltering(false);
        for (RepositoryResource resource : resources()) {
            try (InputStream in = resource.resource().getInputStream()) {
                builder.addInputStream(resource.name(), new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource.name(), e);
            }
        }
        Deployment result = builder.deployWithResult();
        log.info("Processes and forms: deployment {} of {} resources", result.getId(), builder.getResourceNames().size());
        return result;
    }

    private static String nameOf(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int processes = url.lastIndexOf("/processes/");
            int forms = url.lastIndexOf("/forms/");
            return url.substring(Math.max(processes, forms) + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record RepositoryResource(String name, Resource resource) {
    }
}
