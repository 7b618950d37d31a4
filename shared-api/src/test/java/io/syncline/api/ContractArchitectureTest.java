package io.syncline.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** shared-api is only the contract: messages as records, no framework but Axon's annotations, no service. */
@AnalyzeClasses(packages = "io.syncline.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {

    @ArchTest
    static final ArchRule noSpringNoJpa = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule knowsNoServiceOrPlatform = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.syncline.orders..",
                    "io.syncline.inventory..",
                    "io.syncline.gateway..",
                    "io.syncline.live..",
                    "io.syncline.platform..",
                    "io.syncline.conflicts..",
                    "io.syncline.channels..");

    /** Commands, events, queries and views: the members of the *Commands, *Events and *Queries holders. */
    private static final DescribedPredicate<JavaClass> MESSAGE =
            DescribedPredicate.describe("messages (members of *Commands, *Events, *Queries)", c -> c.getEnclosingClass()
                    .map(outer -> outer.getSimpleName().matches(".*(Commands|Events|Queries)"))
                    .orElse(false));

    @ArchTest
    static final ArchRule messagesAreRecords = classes()
            .that(MESSAGE)
            .should(new ArchCondition<>("be records or enums") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    boolean ok = item.isRecord() || item.isEnum();
                    events.add(new SimpleConditionEvent(
                            item, ok, item.getName() + (ok ? " is" : " is not") + " a record or enum"));
                }
            });

    @ArchTest
    static final ArchRule messageHoldersAreNotInstantiable = classes()
            .that()
            .haveSimpleNameEndingWith("Events")
            .or()
            .haveSimpleNameEndingWith("Commands")
            .or()
            .haveSimpleNameEndingWith("Queries")
            .should()
            .haveOnlyPrivateConstructors()
            .andShould()
            .haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL);
}
