package io.syncline.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The standalone assembles the services; its own code (start-up settings) reaches into none of them. Demo mode
 * is the one exception, and only at the edge: it connects the simulated shops the way an ADMIN would, through
 * the gateway's channel registry and stock service, never into a service.
 */
@AnalyzeClasses(packages = "io.syncline.standalone", importOptions = ImportOption.DoNotIncludeTests.class)
class StandaloneArchitectureTest {

    @ArchTest
    static final ArchRule assemblesWithoutReachingIntoServices = noClasses()
            .that()
            .resideOutsideOfPackage("io.syncline.standalone.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.syncline.orders..",
                    "io.syncline.inventory..",
                    "io.syncline.conflicts..",
                    "io.syncline.gateway..",
                    "io.syncline.live..");

    @ArchTest
    static final ArchRule demoModeUsesOnlyTheEdge = noClasses()
            .that()
            .resideInAPackage("io.syncline.standalone.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.syncline.orders..", "io.syncline.inventory..", "io.syncline.conflicts..", "io.syncline.live..");
}
