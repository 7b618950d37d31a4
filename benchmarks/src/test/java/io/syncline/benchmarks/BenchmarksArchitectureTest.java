package io.syncline.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The benchmarks measure Syncline from outside, over HTTP and SQL, as a client would. */
@AnalyzeClasses(packages = "io.syncline.benchmarks", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchmarksArchitectureTest {

    @ArchTest
    static final ArchRule onlyFromOutside = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.syncline.api..",
                    "io.syncline.platform..",
                    "io.syncline.orders..",
                    "io.syncline.inventory..",
                    "io.syncline.gateway..",
                    "io.syncline.live..");
}
