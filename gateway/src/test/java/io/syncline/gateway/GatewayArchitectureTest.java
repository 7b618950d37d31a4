package io.syncline.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The gateway depends on the shared contract only, and reaches services only through Axon's gateways. The
 * live layer builds on the gateway, never the other way round.
 */
class GatewayArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.syncline.gateway");

    @Test
    void dependsOnNoOtherService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.syncline.inventory..",
                        "io.syncline.orders..",
                        "io.syncline.live..",
                        "io.syncline.standalone..")
                .check(GATEWAY);
    }

    @Test
    void sendsCommandsAndQueriesOnlyThroughTheGateways() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.axonframework.commandhandling.CommandBus")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.axonframework.queryhandling.QueryBus")
                .check(GATEWAY);
    }

    @Test
    void keepsTheEdgeOutOfTheServicesMessagingDetails() {
        noClasses()
                .that()
                .resideInAnyPackage("io.syncline.gateway.inventory..", "io.syncline.gateway.orders..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway")
                .because("controllers and their services go through ServiceCalls, which applies the timeouts")
                .check(GATEWAY);
    }
}
