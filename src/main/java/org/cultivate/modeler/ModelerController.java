package org.cultivate.modeler;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.cultivate.identity.Groups;
import org.cultivate.identity.StaffCredentials;
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

/** The browser modeler's API, for coordinators and administrators. */
@RestController
@RequestMapping("/api/modeler")
class ModelerController {

    private final DefinitionCatalogue catalogue;
    private final DiagramDeployer deployer;
    private final CaseMigration migration;
    private final StaffCredentials staff;

    ModelerController(DefinitionCatalogue catalogue, DiagramDeployer deployer, CaseMigration migration, StaffCredentials staff) {
        this.catalogue = catalogue;
        this.deployer = deployer;
        this.migration = migration;
        this.staff = staff;
    }

    @GetMapping("/definitions")
    List<Definition> definitions(HttpServletRequest request) {
        coordinator(request);
        return catalogue.definitions();
    }

    @GetMapping("/definitions/{definitionId}")
    Diagram diagram(@PathVariable String definitionId, HttpServletRequest request) {
        coordinator(request);
        return catalogue.diagram(definitionId);
    }

    @GetMapping(value = "/definitions/{definitionId}/xml", produces = MediaType.APPLICATION_XML_VALUE)
    String xml(@PathVariable String definitionId, HttpServletRequest request) {
        coordinator(request);
        return catalogue.diagram(definitionId).xml();
    }

    @PostMapping("/deployments")
    ResponseEntity<Deployed> deploy(@RequestBody DeployRequest body, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(deployer.deploy(coordinator(request), body.xml(), body.basedOn()));
    }

    @PostMapping("/migrations")
    Result migrate(@RequestBody MigrationRequest body, HttpServletRequest request) {
        return migration.migrate(coordinator(request), body.sourceDefinitionId(), body.targetDefinitionId());
    }

    private String coordinator(HttpServletRequest request) {
        return staff.requireMemberOf(request, Groups.COORDINATORS, Groups.ADMINS);
    }

    /** A diagram to deploy; {@code basedOn} is the definition id it was opened from, whose forms it keeps (none for a new diagram). */
    record DeployRequest(String xml, String basedOn) {
    }

    record MigrationRequest(String sourceDefinitionId, String targetDefinitionId) {
    }
}
