package io.syncline.conflicts.conflict;

import static io.syncline.conflicts.support.Conflicts.CHANNEL;
import static io.syncline.conflicts.support.Conflicts.MERCHANT;
import static io.syncline.conflicts.support.Conflicts.SKU;
import static io.syncline.conflicts.support.Conflicts.detected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictCommands.ResolveConflict;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionFailed;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolutionStarted;
import io.syncline.api.conflicts.ConflictEvents.ConflictResolved;
import io.syncline.api.conflicts.ConflictEvents.ConflictRuleFailed;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.RuleAction;
import io.syncline.api.conflicts.Side;
import io.syncline.api.inventory.StockCommands.AdjustStock;
import io.syncline.api.inventory.StockCommands.CountStock;
import io.syncline.api.orders.OrderCommands.CancelOrder;
import io.syncline.api.orders.OrderCommands.ShipOrder;
import io.syncline.api.orders.OrderStatus;
import io.syncline.conflicts.ConflictsProperties;
import io.syncline.conflicts.conflict.ConflictWork.ApplyRule;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.conflicts.conflict.ConflictWork.ReportConflictAgain;
import io.syncline.conflicts.support.Conflicts;
import io.syncline.conflicts.support.StandInServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resolutions on Axon's local buses, their effects applied by a tracking processor as in the service, with the other
 * services' commands and stock query answered by {@link StandInServices} as their contract says.
 */
class ConflictResolutionsTest {

    private static final String ID = "c-1";
    private static final String ORDER = "o-1";
    private static final String RESOLUTION = "r-1";
    private static final Instant NOW = Instant.parse("2026-03-01T10:30:00Z");
    private static final ConflictRule ACCEPT_STOCK =
            new ConflictRule(ConflictKind.STOCK_MISMATCH, 5, RuleAction.ACCEPT_THEIRS);
    private static final ConflictRule KEEP_STOCK = ConflictRule.DEFAULTS.get(0);

    private final StandInServices services = new StandInServices();
    private Configuration axon;
    private Clock clock;

    @BeforeEach
    void start() {
        clock = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // no auto-located modules: the Axon Server connector on the classpath would take the buses
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Conflict.class)
                .registerComponent(ConflictsProperties.class, c -> ConflictsProperties.DEFAULTS)
                .registerCommandHandler(c -> new ConflictResolutions(c.repository(Conflict.class)))
                .eventProcessing(processing -> processing.registerEventHandler(c -> new ResolutionEffects(
                        new ConflictEffects(c.commandGateway(), c.queryGateway()), c.commandGateway())))
                .registerCommandHandler(c -> services)
                .registerQueryHandler(c -> services)
                .buildConfiguration();
        axon.start();
        services.stock(SKU, "Mug", 20, 4, 3);
    }

    @AfterEach
    void stop() {
        axon.shutdown();
        GenericEventMessage.clock = clock;
    }

    @Test
    void acceptTheirsAdjustsOnHandByTheDifference() {
        DetectConflict detect = Conflicts.stockMismatch(ID, 5, 8);
        detect(detect);

        resolve(Resolution.ACCEPT_THEIRS, null);

        assertThat(services.received())
                .containsExactly(new AdjustStock(MERCHANT + "/" + SKU, MERCHANT, SKU, 3, "conflict:" + ID, RESOLUTION));
        assertThat(events())
                .containsExactly(
                        detected(detect),
                        started(Resolution.ACCEPT_THEIRS, null, Side.quantity(5), Side.quantity(8)),
                        stockResolved(Resolution.ACCEPT_THEIRS, null, 20, 23, "on-hand adjusted by +3"));
    }

    @Test
    void acceptTheirsFollowsTheLatestReport() {
        detect(Conflicts.stockMismatch(ID, 5, 8));
        send(new ReportConflictAgain(
                ID, MERCHANT, Side.quantity(5), Side.quantity(9), null, Instant.parse("2026-03-01T10:05:00Z"), "r-1"));

        resolve(Resolution.ACCEPT_THEIRS, null);

        assertThat(services.received())
                .containsExactly(new AdjustStock(MERCHANT + "/" + SKU, MERCHANT, SKU, 4, "conflict:" + ID, RESOLUTION));
    }

    @Test
    void keepOursCommandsNothing() {
        detect(Conflicts.stockMismatch(ID, 5, 8));

        resolve(Resolution.KEEP_OURS, 99);

        assertThat(services.received()).isEmpty();
        assertThat(events())
                .last()
                .isEqualTo(stockResolved(
                        Resolution.KEEP_OURS, null, null, null, "ours kept; every listing of MUG is pushed again"));
    }

    @Test
    void setValueCountsOnHandKeepingNameAndThreshold() {
        detect(Conflicts.stockMismatch(ID, 5, 8));

        resolve(Resolution.SET_VALUE, 12);

        assertThat(services.received())
                .containsExactly(new CountStock(MERCHANT + "/" + SKU, MERCHANT, SKU, "Mug", 12, 3));
        assertThat(events()).last().isEqualTo(stockResolved(Resolution.SET_VALUE, 12, 20, 12, "on-hand counted to 12"));
    }

    @Test
    void setValueWithoutAValueIsInvalid() {
        detect(Conflicts.stockMismatch(ID, 5, 8));

        assertThat(refusal(resolveCommand(Resolution.SET_VALUE, null))).isEqualTo(ErrorCode.INVALID);
        assertThat(refusal(resolveCommand(Resolution.SET_VALUE, -1))).isEqualTo(ErrorCode.INVALID);
        assertThat(services.received()).isEmpty();
        assertThat(events()).hasSize(1);
    }

    @Test
    void setValueOnAKindWithoutQuantitiesIsInvalid() {
        detect(Conflicts.statusMismatch(ID, ORDER, "SHIPPED", "CANCELLED"));

        assertThat(refusal(resolveCommand(Resolution.SET_VALUE, 3))).isEqualTo(ErrorCode.INVALID);
        assertThat(services.received()).isEmpty();
    }

    @Test
    void aResolvedConflictIsRefusedAsConflictAndNothingIsAppliedAgain() {
        detect(Conflicts.stockMismatch(ID, 5, 8));
        resolve(Resolution.ACCEPT_THEIRS, null);

        assertThat(refusal(resolveCommand(Resolution.ACCEPT_THEIRS, null))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(services.received()).hasSize(1);
        assertThat(events()).hasSize(3);
    }

    @Test
    void aRefusedAdjustmentFailsWithTheInventorysProblemAndLeavesItOpen() {
        services.stock(SKU, "Mug", 10, 10, 3);
        detect(Conflicts.stockMismatch(ID, 5, 2));

        resolve(Resolution.ACCEPT_THEIRS, null);

        assertThat(events())
                .last()
                .isEqualTo(new ConflictResolutionFailed(
                        ID,
                        MERCHANT,
                        RESOLUTION,
                        Resolution.ACCEPT_THEIRS,
                        "alice",
                        "CONFLICT",
                        "on-hand would be 7, below the 10 reserved",
                        NOW));
        resolve(Resolution.KEEP_OURS, null);
        assertThat(events()).last().isInstanceOf(ConflictResolved.class);
    }

    @Test
    void aRefusedCountFailsWithItsCode() {
        detect(Conflicts.oversold(ID, ORDER, 0, 2));

        resolve(Resolution.SET_VALUE, 1);

        assertThat(events()).last().isInstanceOfSatisfying(ConflictResolutionFailed.class, failed -> assertThat(
                        failed.code())
                .isEqualTo("CONFLICT"));
    }

    @Test
    void aSecondDecisionWhileOneTakesEffectIsAConflict() {
        services.holdCommands();
        detect(Conflicts.stockMismatch(ID, 5, 8));
        send(resolveCommand(Resolution.ACCEPT_THEIRS, null));

        assertThat(refusal(new ResolveConflict(ID, MERCHANT, "r-2", Resolution.KEEP_OURS, null, null, "bob")))
                .isEqualTo(ErrorCode.CONFLICT);
        services.releaseCommands();
        settle();
        assertThat(events()).last().isInstanceOf(ConflictResolved.class);
        assertThat(((ConflictResolved) events().get(2)).resolvedBy()).isEqualTo("alice");
    }

    @Test
    void aDecisionNeverReportedStopsBlockingOthersOnceStale() {
        services.holdCommands();
        detect(Conflicts.stockMismatch(ID, 5, 8));
        send(resolveCommand(Resolution.ACCEPT_THEIRS, null));
        GenericEventMessage.clock = Clock.fixed(NOW.plus(Conflict.STALE), ZoneOffset.UTC);

        send(new ResolveConflict(ID, MERCHANT, "r-2", Resolution.KEEP_OURS, null, null, "bob"));
        // the first decision's report comes late and finds another one pending: only that one counts
        services.releaseCommands();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(events()).last().isInstanceOf(ConflictResolved.class));
        ConflictResolved resolved = (ConflictResolved) events().get(events().size() - 1);
        assertThat(resolved.resolvedBy()).isEqualTo("bob");
        assertThat(events()).filteredOn(ConflictResolved.class::isInstance).hasSize(1);
    }

    @Test
    void aRuleResolvesAsTheRule() {
        detect(Conflicts.stockMismatch(ID, 5, 7));

        send(new ApplyRule(ID, MERCHANT, KEEP_STOCK));
        settle();

        assertThat(services.received()).isEmpty();
        ConflictResolved resolved = (ConflictResolved) events().get(2);
        assertThat(resolved.resolvedBy()).isEqualTo("rule:STOCK_MISMATCH");
        assertThat(resolved.rule()).isEqualTo("STOCK_MISMATCH up to 2 units → KEEP_OURS");
        assertThat(resolved.resolution()).isEqualTo(Resolution.KEEP_OURS);
    }

    @Test
    void aRuleWhoseEffectIsRefusedFailsAndLeavesTheConflictOpen() {
        services.stock(SKU, "Mug", 10, 10, 3);
        detect(Conflicts.stockMismatch(ID, 5, 2));

        send(new ApplyRule(ID, MERCHANT, ACCEPT_STOCK));
        settle();

        assertThat(events())
                .last()
                .isEqualTo(new ConflictRuleFailed(
                        ID, MERCHANT, ACCEPT_STOCK.text(), "on-hand would be 7, below the 10 reserved", NOW));
        resolve(Resolution.KEEP_OURS, null);
        assertThat(events()).last().isInstanceOf(ConflictResolved.class);
    }

    @Test
    void aRuleThatLeavesItOpenOrComesAfterTheDecisionDoesNothing() {
        detect(Conflicts.stockMismatch(ID, 5, 8));
        send(new ApplyRule(ID, MERCHANT, new ConflictRule(ConflictKind.STOCK_MISMATCH, null, RuleAction.OPEN)));
        resolve(Resolution.KEEP_OURS, null);

        send(new ApplyRule(ID, MERCHANT, ACCEPT_STOCK));
        settle();

        assertThat(services.received()).isEmpty();
        assertThat(events()).hasSize(3);
    }

    @Test
    void acceptTheirsStatusCancelsTheOrderWhereItsLifecycleAllows() {
        services.order(ORDER, OrderStatus.CONFIRMED);
        detect(Conflicts.statusMismatch(ID, ORDER, "CONFIRMED", "CANCELLED"));

        resolve(Resolution.ACCEPT_THEIRS, null);

        assertThat(services.received()).containsExactly(new CancelOrder(ORDER, MERCHANT, "conflict:" + ID));
        assertThat(services.status(ORDER)).contains(OrderStatus.CANCELLED);
        assertThat(((ConflictResolved) events().get(2)).effect()).isEqualTo("order o-1 is CANCELLED now");
    }

    @Test
    void aRefusedStatusIsRecordedAsNotApplied() {
        services.order(ORDER, OrderStatus.REJECTED);
        detect(Conflicts.statusMismatch(ID, ORDER, "REJECTED", "SHIPPED"));

        resolve(Resolution.ACCEPT_THEIRS, null);

        assertThat(services.received()).containsExactly(new ShipOrder(ORDER, MERCHANT));
        ConflictResolved resolved = (ConflictResolved) events().get(2);
        assertThat(resolved.effect())
                .isEqualTo("SHIPPED not applied: Order o-1 is REJECTED; only a CONFIRMED order can be shipped");
        assertThat(resolved.onHandBefore()).isNull();
    }

    @Test
    void orderConflictsOtherwiseRecordTheDecisionOnly() {
        detect(Conflicts.oversold(ID, ORDER, 1, 3));
        detect(Conflicts.duplicateOrder("c-2", ORDER));

        resolve(Resolution.ACCEPT_THEIRS, null);
        send(new ResolveConflict("c-2", MERCHANT, "r-2", Resolution.KEEP_OURS, null, null, "bob"));
        settle();

        assertThat(services.received()).isEmpty();
        assertThat(((ConflictResolved) events().get(2)).effect())
                .isEqualTo("the channel's sale accepted; nothing to change in our books");
    }

    @Test
    void anotherMerchantsOrAnUnknownConflictIsNotFound() {
        detect(Conflicts.stockMismatch(ID, 5, 8));

        assertThat(refusal(new ResolveConflict(ID, "m2", "r-2", Resolution.KEEP_OURS, null, null, "eve")))
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refusal(new ResolveConflict("nope", MERCHANT, "r-2", Resolution.KEEP_OURS, null, null, "eve")))
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(events()).hasSize(1);
    }

    private void detect(DetectConflict command) {
        send(command);
    }

    /** Decides and waits until the decision took effect or did not. */
    private void resolve(Resolution resolution, Integer value) {
        send(resolveCommand(resolution, value));
        settle();
    }

    /** Waits until every decision started has taken effect or failed. */
    private void settle() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Object> events = events();
            long started = events.stream()
                    .filter(ConflictResolutionStarted.class::isInstance)
                    .count();
            long ended = events.stream()
                    .filter(e -> e instanceof ConflictResolved
                            || e instanceof ConflictResolutionFailed
                            || e instanceof ConflictRuleFailed)
                    .count();
            return started == ended;
        });
    }

    private static ResolveConflict resolveCommand(Resolution resolution, Integer value) {
        return new ResolveConflict(ID, MERCHANT, RESOLUTION, resolution, value, "checked the shelf", "alice");
    }

    private static ConflictResolutionStarted started(Resolution resolution, Integer value, Side ours, Side theirs) {
        return new ConflictResolutionStarted(
                ID,
                MERCHANT,
                RESOLUTION,
                ConflictKind.STOCK_MISMATCH,
                CHANNEL,
                SKU,
                null,
                ours,
                theirs,
                resolution,
                value,
                "alice",
                null,
                "checked the shelf",
                NOW);
    }

    private void send(Object command) {
        axon.commandGateway().sendAndWait(command, 10, TimeUnit.SECONDS);
    }

    private ErrorCode refusal(Object command) {
        Throwable failure = catchThrowable(() -> send(command));
        return Refusals.detailsOf(failure).map(ErrorDetails::code).orElse(null);
    }

    private List<Object> events() {
        return axon.eventStore()
                .readEvents(ID)
                .asStream()
                .<Object>map(EventMessage::getPayload)
                .toList();
    }

    private static ConflictResolved stockResolved(
            Resolution resolution, Integer value, Integer before, Integer after, String effect) {
        return new ConflictResolved(
                ID,
                MERCHANT,
                ConflictKind.STOCK_MISMATCH,
                CHANNEL,
                SKU,
                null,
                resolution,
                value,
                "alice",
                null,
                "checked the shelf",
                before,
                after,
                effect,
                NOW);
    }
}
