package org.cultivate;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Package by feature: the process features (conduct, grant, taskforce, onboarding) do not know
 * each other, and the shared packages (system, identity, intake, notify, modeler) know no feature.
 */
@AnalyzeClasses(packages = "org.cultivate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {
            "org.cultivate.conduct..", "org.cultivate.grant..", "org.cultivate.taskforce..", "org.cultivate.onboarding.."};

    @ArchTest
    static final ArchRule featuresAreIndependent = slices()
            .matching("org.cultivate.(conduct|grant|taskforce|onboarding)..").namingSlices("$1")
            .should().notDependOnEachOther()
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule sharedPackagesKnowNoFeature = noClasses()
            .that().resideInAnyPackage("org.cultivate.system..", "org.cultivate.identity..", "org.cultivate.intake..",
                    "org.cultivate.notify..", "org.cultivate.modeler..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

    @ArchTest
    static final ArchRule theSystemPackageKnowsNoOther = noClasses()
            .that().resideInAPackage("org.cultivate.system..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.cultivate.identity..", "org.cultivate.intake..", "org.cultivate.notify..", "org.cultivate.modeler..");

    @ArchTest
    static final ArchRule nobodyWritesToStandardOut = noClasses()
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");
}
