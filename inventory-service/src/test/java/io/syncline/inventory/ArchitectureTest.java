package io.syncline.inventory;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the inventory service independent of the other services and its command side off the read model. */
@AnalyzeClasses(packages = "io.syncline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule independentOfOtherServices = noClasses()
            .that()
            .resideInAPackage("io.syncline.inventory..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.syncline.orders..", "io.syncline.gateway..", "io.syncline.live..", "io.syncline.conflicts..");

    @ArchTest
    static final ArchRule onlySharedApiFromTheRestOfSyncline = noClasses()
            .that()
            .resideInAPackage("io.syncline.inventory..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.syncline..")
                    .and(not(resideInAnyPackage("io.syncline.inventory..", "io.syncline.api.."))));

    @ArchTest
    static final ArchRule commandSideDoesNotReadTheReadModel = noClasses()
            .that()
            .resideInAPackage("io.syncline.inventory.stock..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.syncline.inventory.levels..");

    @ArchTest
    static final ArchRule readModelDoesNotReachIntoTheAggregate = noClasses()
            .that()
            .resideInAPackage("io.syncline.inventory.levels..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.syncline.inventory.stock..");
}
