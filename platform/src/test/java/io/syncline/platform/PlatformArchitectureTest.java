package io.syncline.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The platform is what every deployable runs on; it knows none of them. */
@AnalyzeClasses(packages = "io.syncline.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoService = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.syncline.orders..",
                    "io.syncline.inventory..",
                    "io.syncline.gateway..",
                    "io.syncline.live..",
                    "io.syncline.conflicts..",
                    "io.syncline.channels..",
                    "io.syncline.standalone..");
}
