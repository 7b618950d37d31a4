package io.syncline.gateway.conflicts;

import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.RuleAction;
import io.syncline.gateway.web.Strict;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Bodies of the conflict writes. */
public final class ConflictRequests {

    /** Largest value a count or a rule's bound may have: far from int overflow in on-hand arithmetic. */
    static final int MAX_UNITS = 1_000_000_000;

    private ConflictRequests() {}

    /** {@code POST /api/conflicts/{id}/resolution}: the decision, a value for {@code SET_VALUE}, why (required). */
    public record Resolve(
            @NotNull Resolution action,
            @Strict @Min(0) @Max(MAX_UNITS) Integer value,
            @Strict @NotBlank @Size(max = 500) String note) {}

    /** {@code PUT /api/conflicts/rules}: the merchant's rules, in the order they are tried. */
    public record Rules(@NotNull @Size(max = 50) List<@NotNull @Valid Rule> rules) {}

    /** {@code POST /api/conflicts/rules/what-if}: proposed rules and the detection window [from, to). */
    public record WhatIf(
            @NotNull @Size(max = 50) List<@NotNull @Valid Rule> rules, @NotNull Instant from, @NotNull Instant to) {}

    /** One rule: conflicts of {@code kind} differing by at most {@code maxDifference} units get {@code action}. */
    public record Rule(
            @NotNull ConflictKind kind,
            @Strict @Min(0) @Max(MAX_UNITS) Integer maxDifference,
            @NotNull RuleAction action) {

        ConflictRule toRule() {
            return new ConflictRule(kind, maxDifference, action);
        }
    }
}
