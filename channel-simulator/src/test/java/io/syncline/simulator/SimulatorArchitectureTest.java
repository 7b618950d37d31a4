package io.syncline.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The simulator is an outsider: it talks to Syncline only over the platforms' wire formats, so it knows no Syncline
 * module, and it runs without Spring so that a Spring application can embed it. Each platform's formats stay in its
 * own package.
 */
@AnalyzeClasses(packages = "io.syncline.simulator", importOptions = ImportOption.DoNotIncludeTests.class)
class SimulatorArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoSynclineModule = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.syncline.api..",
                    "io.syncline.platform..",
                    "io.syncline.orders..",
                    "io.syncline.inventory..",
                    "io.syncline.gateway..",
                    "io.syncline.live..",
                    "io.syncline.standalone..",
                    "io.syncline.benchmarks..");

    @ArchTest
    static final ArchRule runsWithoutSpring = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.axonframework..");

    @ArchTest
    static final ArchRule shopifyKnowsNothingOfTikTok = noClasses()
            .that()
            .resideInAPackage("io.syncline.simulator.shopify..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.syncline.simulator.tiktok..");

    @ArchTest
    static final ArchRule tiktokKnowsNothingOfShopify = noClasses()
            .that()
            .resideInAPackage("io.syncline.simulator.tiktok..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.syncline.simulator.shopify..");

    @ArchTest
    static final ArchRule onlyTheSimulatorWiresThePieces = noClasses()
            .that()
            .resideInAnyPackage(
                    "io.syncline.simulator.shops..",
                    "io.syncline.simulator.orders..",
                    "io.syncline.simulator.webhooks..",
                    "io.syncline.simulator.http..",
                    "io.syncline.simulator.shopify..",
                    "io.syncline.simulator.tiktok..",
                    "io.syncline.simulator.admin..")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameStartingWith("ChannelSimulator")
            .because("features take what they need from their constructors; ChannelSimulator only wires them");

    @ArchTest
    static final ArchRule platformsAndStockKnowNothingOfTheAdminApi = noClasses()
            .that()
            .resideOutsideOfPackages("io.syncline.simulator.admin..", "io.syncline.simulator")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.syncline.simulator.admin..");
}
