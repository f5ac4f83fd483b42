package org.cultivate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package by feature: the process features (conduct, grant, taskforce, onboarding) do not know
 * each other, and the shared packages (system, identity, intake, notify, modeler, portal, tasklist) know no feature.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cultivate");
    private static final String[] FEATURES = {
            "org.cultivate.conduct..", "org.cultivate.grant..", "org.cultivate.taskforce..", "org.cultivate.onboarding.."};

    @Test
    void featuresAreIndependent() {
        slices().matching("org.cultivate.(conduct|grant|taskforce|onboarding)..").namingSlices("$1")
                .should().notDependOnEachOther()
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void sharedPackagesKnowNoFeature() {
        noClasses().that().resideInAnyPackage("org.cultivate.system..", "org.cultivate.identity..", "org.cultivate.intake..",
                        "org.cultivate.notify..", "org.cultivate.modeler..", "org.cultivate.portal..", "org.cultivate.tasklist..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(MAIN);
    }

    @Test
    void theSystemPackageKnowsNoOther() {
        noClasses().that().resideInAPackage("org.cultivate.system..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.cultivate.identity..", "org.cultivate.intake..", "org.cultivate.notify..", "org.cultivate.modeler..",
                        "org.cultivate.tasklist..")
                .check(MAIN);
    }

    @Test
    void nobodyWritesToStandardOut() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(MAIN);
    }
}
