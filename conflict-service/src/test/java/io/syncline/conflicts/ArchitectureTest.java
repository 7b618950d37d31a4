package io.syncline.conflicts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The conflict service talks to the others only through shared-api messages. */
@AnalyzeClasses(packages = "io.syncline.conflicts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule independentOfOtherServices = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.syncline.orders..",
                    "io.syncline.inventory..",
                    "io.syncline.gateway..",
                    "io.syncline.live..",
                    "io.syncline.channels..",
                    "io.syncline.standalone..");

    @ArchTest
    static final ArchRule aggregateDoesNotReadTheReadModel = noClasses()
            .that()
            .resideInAPackage("io.syncline.conflicts.conflict..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.syncline.conflicts.query..", "io.syncline.conflicts.detection..");
}
