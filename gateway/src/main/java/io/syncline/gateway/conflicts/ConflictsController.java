package io.syncline.gateway.conflicts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.api.common.ErrorCode;
import io.syncline.api.common.ErrorDetails;
import io.syncline.api.common.Refusals;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictQueries.ConflictPage;
import io.syncline.api.conflicts.ConflictQueries.ConflictRules;
import io.syncline.api.conflicts.ConflictQueries.ConflictSummary;
import io.syncline.api.conflicts.ConflictQueries.ConflictView;
import io.syncline.api.conflicts.ConflictQueries.WhatIf;
import io.syncline.api.conflicts.ConflictRule;
import io.syncline.api.conflicts.ConflictStatus;
import io.syncline.api.conflicts.Resolution;
import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.FieldMessage;
import io.syncline.gateway.web.Ids;
import io.syncline.gateway.web.PageResponse;
import io.syncline.gateway.web.ProblemType;
import io.syncline.gateway.web.Problems;
import io.syncline.gateway.web.ServiceFailures;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conflicts of the caller's merchant with its channels: reading and deciding them, and the rules that decide. */
@RestController
@RequestMapping("/api/conflicts")
@Tag(name = "conflicts")
public class ConflictsController {

    private static final String NO_SUCH = "No such conflict";

    private final ConflictService conflicts;

    public ConflictsController(ConflictService conflicts) {
        this.conflicts = conflicts;
    }

    @GetMapping
    @Operation(summary = "The merchant's conflicts, newest first, optionally of one status, kind or channel")
    public PageResponse<ConflictResponse> list(
            Caller caller,
            @Parameter(schema = @Schema(implementation = ConflictStatus.class))
                    @RequestParam(name = "status", required = false)
                    String status,
            @Parameter(schema = @Schema(implementation = ConflictKind.class))
                    @RequestParam(name = "kind", required = false)
                    String kind,
            @RequestParam(name = "channel", required = false) String channel,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size) {
        ConflictPage result = conflicts.list(
                caller.merchantId(),
                parse("status", status, ConflictStatus.class),
                parse("kind", kind, ConflictKind.class),
                channel(channel),
                page,
                size);
        List<ConflictResponse> items =
                result.items().stream().map(v -> ConflictResponse.of(v, false)).toList();
        return new PageResponse<>(items, page, size, result.total());
    }

    @GetMapping("/summary")
    @Operation(summary = "How many conflicts are open, how many of them HIGH, since when the oldest is, per kind")
    public ConflictSummary summary(Caller caller) {
        return conflicts.summary(caller.merchantId());
    }

    @GetMapping("/{conflictId}")
    @Operation(summary = "One conflict with its evidence and history")
    @ApiResponse(
            responseCode = "200",
            description = "The conflict",
            content = @Content(schema = @Schema(implementation = ConflictResponse.class)))
    public ConflictResponse get(Caller caller, @PathVariable("conflictId") String conflictId) {
        return conflicts
                .find(caller.merchantId(), known(conflictId))
                .map(v -> ConflictResponse.of(v, true))
                .orElseThrow(() -> ApiException.notFound(NO_SUCH));
    }

    @PostMapping("/{conflictId}/resolution")
    @Operation(
            summary = "Decide an open conflict (OPERATOR): keep ours, accept theirs, or count on-hand to a value;"
                    + " answers once the conflict shows resolved")
    @ApiResponse(
            responseCode = "200",
            description = "Resolved",
            content = @Content(schema = @Schema(implementation = ConflictResponse.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Resolved; the view did not show it in time (see Location)",
            content = @Content(schema = @Schema(implementation = ConflictResponse.class)))
    @ApiResponse(responseCode = "409", description = "The conflict is not open (or the effect was refused)")
    public ResponseEntity<ConflictResponse> resolve(
            Caller caller,
            @PathVariable("conflictId") String conflictId,
            @Valid @RequestBody ConflictRequests.Resolve request) {
        if (request.action() == Resolution.SET_VALUE && request.value() == null) {
            throw ApiException.invalid("value", "is required for SET_VALUE");
        }
        if (request.action() != Resolution.SET_VALUE && request.value() != null) {
            throw ApiException.invalid("value", "is only for SET_VALUE");
        }
        String merchantId = caller.merchantId();
        ConflictView before =
                conflicts.find(merchantId, known(conflictId)).orElseThrow(() -> ApiException.notFound(NO_SUCH));
        if (before.status() != ConflictStatus.OPEN) {
            throw new ApiException(ProblemType.CONFLICT, "The conflict is " + before.status() + " already");
        }
        if (request.action() == Resolution.SET_VALUE && !before.kind().hasQuantities()) {
            throw ApiException.invalid("action", "SET_VALUE needs a conflict about quantities, not " + before.kind());
        }
        String note = request.note().strip();
        Optional<ConflictView> after;
        try {
            after = conflicts.resolve(merchantId, conflictId, request.action(), request.value(), note, caller.userId());
        } catch (RuntimeException failure) {
            throw invalidAsBadRequest(failure, "action");
        }
        ConflictView view = after.orElseThrow(() -> ApiException.notFound(NO_SUCH));
        String location = "/api/conflicts/" + conflictId;
        HttpStatus status = view.status() == ConflictStatus.RESOLVED ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status)
                .header(HttpHeaders.LOCATION, location)
                .body(ConflictResponse.of(view, true));
    }

    @GetMapping("/rules")
    @Operation(summary = "The merchant's rules (ADMIN), in the order they are tried; the defaults until set")
    public ConflictRules rules(Caller caller) {
        return conflicts.rules(caller.merchantId());
    }

    @PutMapping("/rules")
    @Operation(summary = "Replace the merchant's rules (ADMIN); the first matching rule decides a new conflict")
    public ConflictRules setRules(Caller caller, @Valid @RequestBody ConflictRequests.Rules request) {
        List<ConflictRule> rules = rules(request.rules());
        try {
            return conflicts.setRules(caller.merchantId(), rules, caller.userId());
        } catch (RuntimeException failure) {
            throw invalidAsBadRequest(failure, "rules");
        }
    }

    @PostMapping("/rules/what-if")
    @Operation(
            summary = "What the given rules would have done with the conflicts detected in [from, to) (ADMIN);"
                    + " changes nothing")
    public WhatIf whatIf(Caller caller, @Valid @RequestBody ConflictRequests.WhatIf request) {
        List<ConflictRule> rules = rules(request.rules());
        if (!request.to().isAfter(request.from())) {
            throw ApiException.invalid("to", "must be after from");
        }
        try {
            return conflicts.whatIf(caller.merchantId(), rules, request.from(), request.to());
        } catch (RuntimeException failure) {
            throw invalidAsBadRequest(failure, "rules");
        }
    }

    /** A bound on a kind without quantities would never match: refused rather than kept silently useless. */
    private static List<ConflictRule> rules(List<ConflictRequests.Rule> requested) {
        List<FieldMessage> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ConflictRequests.Rule rule = requested.get(i);
            if (rule.maxDifference() != null && !rule.kind().hasQuantities()) {
                errors.add(new FieldMessage(
                        "rules[" + i + "].maxDifference", "applies only to kinds with quantities, not " + rule.kind()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Problems.validation(errors));
        }
        return requested.stream().map(ConflictRequests.Rule::toRule).toList();
    }

    /** The conflict service refuses what does not fit as INVALID; the contract answers that with 400. */
    private static RuntimeException invalidAsBadRequest(RuntimeException failure, String field) {
        Optional<ErrorDetails> refusal = Refusals.detailsOf(ServiceFailures.unwrap(failure));
        if (refusal.isPresent() && refusal.get().code() == ErrorCode.INVALID) {
            return ApiException.invalid(field, refusal.get().message());
        }
        return failure;
    }

    /** Blank is every channel. */
    private static String channel(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Ids.valid(value.trim())) {
            throw ApiException.invalid("channel", "must match " + Ids.PATTERN);
        }
        return value.trim();
    }

    /** An id no conflict can have is simply unknown. */
    private static String known(String conflictId) {
        if (!Ids.valid(conflictId)) {
            throw ApiException.notFound(NO_SUCH);
        }
        return conflictId;
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
