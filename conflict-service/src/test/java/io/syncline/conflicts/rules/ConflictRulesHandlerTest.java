package io.syncline.conflicts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictCommands.SetConflictRules;
import io.syncline.api.conflicts.ConflictEvents.ConflictRulesChanged;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictQueries.ConflictRules;
import io.syncline.api.conflicts.ConflictQueries.FindConflictRules;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.RuleAction;
import io.syncline.conflicts.support.ConflictsDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConflictRulesHandlerTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private ConflictsDatabase db;
    private ConflictRuleStore store;
    private ConflictRulesHandler handler;
    private final List<Object> published = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = ConflictsDatabase.create();
        store = new ConflictRuleStore(db.jdbc, db.json);
        SimpleEventBus bus = SimpleEventBus.builder().build();
        bus.subscribe(events -> events.forEach(e -> published.add(e.getPayload())));
        handler = new ConflictRulesHandler(
                store, DefaultEventGateway.builder().eventBus(bus).build(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void answersTheDefaultsUntilRulesAreSet() {
        assertThat(handler.handle(new FindConflictRules("acme")))
                .isEqualTo(new ConflictRules(ConflictRule.DEFAULTS, true));
    }

    @Test
    void setsTheRulesAndPublishesTheChange() {
        List<ConflictRule> rules = List.of(
                new ConflictRule(ConflictKind.OVERSOLD, null, RuleAction.ACCEPT_THEIRS),
                new ConflictRule(ConflictKind.STOCK_MISMATCH, 0, RuleAction.KEEP_OURS));

        db.inTransaction(() -> handler.handle(new SetConflictRules("acme", rules, "ann")));

        assertThat(handler.handle(new FindConflictRules("acme"))).isEqualTo(new ConflictRules(rules, false));
        assertThat(handler.handle(new FindConflictRules("globex")).defaults()).isTrue();
        assertThat(published).containsExactly(new ConflictRulesChanged("acme", rules, "ann", NOW));

        db.inTransaction(() -> handler.handle(new SetConflictRules("acme", List.of(), "bob")));
        assertThat(handler.handle(new FindConflictRules("acme"))).isEqualTo(new ConflictRules(List.of(), false));
        assertThat(store.rulesOf("acme")).isEmpty();
    }

    @Test
    void refusesARuleWithoutKind() {
        assertThat(refusal(
                        new ConflictRule(ConflictKind.OVERSOLD, null, RuleAction.OPEN),
                        new ConflictRule(null, 1, RuleAction.OPEN)))
                .isEqualTo(new ErrorDetails(ErrorCode.INVALID, "rules[1].kind must be given", null));
    }

    @Test
    void refusesANegativeMaxDifference() {
        assertThat(refusal(new ConflictRule(ConflictKind.STOCK_MISMATCH, -1, RuleAction.KEEP_OURS))
                        .message())
                .isEqualTo("rules[0].maxDifference must be 0 or more");
    }

    @Test
    void refusesARuleWithoutAction() {
        assertThat(refusal(new ConflictRule(ConflictKind.STOCK_MISMATCH, 2, null))
                        .message())
                .isEqualTo("rules[0].action must be given");
    }

    @Test
    void refusesMissingRulesAndKeepsTheOldOnes() {
        Throwable failure = catchThrowable(() -> handler.handle(new SetConflictRules("acme", null, "ann")));

        assertThat(Refusals.detailsOf(failure)).map(ErrorDetails::code).contains(ErrorCode.INVALID);
        assertThat(handler.handle(new FindConflictRules("acme")).defaults()).isTrue();
        assertThat(published).isEmpty();
    }

    private ErrorDetails refusal(ConflictRule... rules) {
        Throwable failure =
                catchThrowable(() -> handler.handle(new SetConflictRules("acme", Arrays.asList(rules), "ann")));
        assertThat(published).isEmpty();
        return Refusals.detailsOf(failure).orElseThrow();
    }
}
