package org.cultivate.modeler;

import java.util.List;

import org.cultivate.modeler.CaseMigration.Result;
import org.cultivate.modeler.DefinitionCatalogue.Definition;
import org.cultivate.modeler.DefinitionCatalogue.Diagram;
import org.cultivate.modeler.DiagramDeployer.Deployed;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser modeler's API. Only coordinators and administrators reach it, and the engine acts as
 * the signed-in user here (identity/SecurityConfiguration), so it checks their authorizations on
 * every deployment and migration.
 */
@RestController
@RequestMapping("/api/modeler")
class ModelerController {

    private final DefinitionCatalogue catalogue;
    private final DiagramDeployer deployer;
    private final CaseMigration migration;

    ModelerController(DefinitionCatalogue catalogue, DiagramDeployer deployer, CaseMigration migration) {
        this.catalogue = catalogue;
        this.deployer = deployer;
        this.migration = migration;
    }

    @GetMapping("/definitions")
    List<Definition> definitions() {
        return catalogue.definitions();
    }

    @GetMapping("/definitions/{definitionId}")
    Diagram diagram(@PathVariable String definitionId) {
        return catalogue.diagram(definitionId);
    }

    @GetMapping(value = "/definitions/{definitionId}/xml", produces = MediaType.APPLICATION_XML_VALUE)
    String xml(@PathVariable String definitionId) {
        return catalogue.diagram(definitionId).xml();
    }

    @PostMapping("/deployments")
    ResponseEntity<Deployed> deploy(@RequestBody DeployRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(deployer.deploy(body.xml(), body.basedOn()));
    }

    @PostMapping("/migrations")
    Result migrate(@RequestBody MigrationRequest body) {
        return migration.migrate(body.sourceDefinitionId(), body.targetDefinitionId());
    }

    /** A diagram to deploy; {@code basedOn} is the definition id it was opened from, whose forms it keeps (none for a new diagram). */
    record DeployRequest(String xml, String basedOn) {
    }

    record MigrationRequest(String sourceDefinitionId, String targetDefinitionId) {
    }
}
