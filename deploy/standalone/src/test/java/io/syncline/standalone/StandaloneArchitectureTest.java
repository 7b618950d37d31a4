package io.syncline.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The standalone assembles the services; its own code (start-up settings) reaches into none of them. */
@AnalyzeClasses(packages = "io.syncline.standalone", importOptions = ImportOption.DoNotIncludeTests.class)
class StandaloneArchitectureTest {

    @ArchTest
    static final ArchRule assemblesWithoutReachingIntoServices = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.syncline.orders..", "io.syncline.inventory..", "io.syncline.gateway..", "io.syncline.live..");
}
