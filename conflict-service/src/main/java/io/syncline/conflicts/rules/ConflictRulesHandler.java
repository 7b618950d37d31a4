package io.syncline.conflicts.rules;

import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictCommands.SetConflictRules;
import io.syncline.api.conflicts.ConflictEvents.ConflictRulesChanged;
import io.syncline.api.conflicts.ConflictQueries.ConflictRules;
import io.syncline.api.conflicts.ConflictQueries.FindConflictRules;
import io.syncline.api.conflicts.ConflictRule;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Sets and answers a merchant's conflict rules. */
@Component
public class ConflictRulesHandler {

    private final ConflictRuleStore store;
    private final EventGateway events;
    private final Clock clock;

    @Autowired
    public ConflictRulesHandler(ConflictRuleStore store, EventGateway events) {
        this(store, events, Clock.systemUTC());
    }

    ConflictRulesHandler(ConflictRuleStore store, EventGateway events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Replaces the rules; refuses naming the first invalid field, e.g. {@code rules[0].kind}. */
    @CommandHandler
    public void handle(SetConflictRules command) {
        List<ConflictRule> rules = validated(command.rules());
        var at = clock.instant();
        store.save(command.merchantId(), rules, command.user(), at);
        // published in the command's unit of work: it is stored only if the rules are
        events.publish(new ConflictRulesChanged(command.merchantId(), rules, command.user(), at));
    }

    @QueryHandler
    public ConflictRules handle(FindConflictRules query) {
        Optional<List<ConflictRule>> own = store.stored(query.merchantId());
        return own.map(rules -> new ConflictRules(rules, false))
                .orElseGet(() -> new ConflictRules(ConflictRule.DEFAULTS, true));
    }

    static List<ConflictRule> validated(List<ConflictRule> rules) {
        if (rules == null) {
            throw Refusals.invalid("rules must be given (an empty list opens every conflict)");
        }
        for (int i = 0; i < rules.size(); i++) {
            ConflictRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                throw Refusals.invalid(at + " must not be null");
            }
            if (rule.kind() == null) {
                throw Refusals.invalid(at + ".kind must be given");
            }
            if (rule.maxDifference() != null && rule.maxDifference() < 0) {
                throw Refusals.invalid(at + ".maxDifference must be 0 or more");
            }
            if (rule.action() == null) {
                throw Refusals.invalid(at + ".action must be given");
            }
        }
        return List.copyOf(rules);
    }
}
