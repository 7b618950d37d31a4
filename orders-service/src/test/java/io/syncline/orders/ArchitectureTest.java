package io.syncline.orders;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The orders service talks to the others only through shared-api messages. */
@AnalyzeClasses(packages = "io.syncline.orders", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule independentOfOtherServices = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.syncline.inventory..",
                    "io.syncline.gateway..",
                    "io.syncline.live..",
                    "io.syncline.conflicts..",
                    "io.syncline.channels..");

    @ArchTest
    static final ArchRule commandSideDoesNotReadTheReadModel = noClasses()
            .that()
            .resideInAPackage("io.syncline.orders.command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.syncline.orders.query..");

    @ArchTest
    static final ArchRule sagaTalksOnlyThroughMessages = noClasses()
            .that()
            .resideInAPackage("io.syncline.orders.fulfilment..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.syncline.orders.command..", "io.syncline.orders.query..");
}
