package io.syncline.live;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The live layer follows the services' events through the shared contract and uses only the gateway's edge. */
class LiveArchitectureTest {

    private static final JavaClasses LIVE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.syncline.live");

    @Test
    void dependsOnNoOtherService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.syncline.inventory..", "io.syncline.orders..", "io.syncline.standalone..")
                .check(LIVE);
    }

    @Test
    void usesOnlyTheGatewaysSecurityProblemsAndChannelStatus() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("io.syncline.gateway..")
                        .and(not(resideInAnyPackage(
                                "io.syncline.gateway.security..",
                                "io.syncline.gateway.web..",
                                "io.syncline.gateway.auth..",
                                // channel.status streams what the channels' status route shows
                                "io.syncline.gateway.channels.push.."))))
                .check(LIVE);
    }
}
