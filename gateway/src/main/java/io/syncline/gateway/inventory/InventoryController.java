package io.syncline.gateway.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.api.inventory.StockQueries.StockPage;
import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.Ids;
import io.syncline.gateway.web.Instants;
import io.syncline.gateway.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
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

/** Stock levels of the caller's merchant, one SKU at a time. */
@RestController
@RequestMapping("/api/inventory")
@Tag(name = "inventory")
public class InventoryController {

    private final StockService stock;

    public InventoryController(StockService stock) {
        this.stock = stock;
    }

    @PutMapping("/{sku}")
    @Operation(summary = "Count a SKU: set its on-hand (defines the SKU the first time)")
    @ApiResponse(
            responseCode = "201",
            description = "SKU defined",
            content = @Content(schema = @Schema(implementation = StockResponse.class)))
    @ApiResponse(
            responseCode = "200",
            description = "SKU counted",
            content = @Content(schema = @Schema(implementation = StockResponse.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Counted; the view is not visible yet (see Location)",
            content = @Content)
    public ResponseEntity<StockResponse> count(
            Caller caller,
            @PathVariable("sku") @Pattern(regexp = Ids.PATTERN) String sku,
            @Valid @RequestBody StockRequests.Count request) {
        StockService.Counted counted = stock.count(caller.merchantId(), sku, request);
        String location = "/api/inventory/" + sku;
        if (counted.view().isEmpty()) {
            return ResponseEntity.accepted()
                    .header(HttpHeaders.LOCATION, location)
                    .build();
        }
        return ResponseEntity.status(counted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.LOCATION, location)
                .body(StockResponse.of(counted.view().get()));
    }

    @PostMapping("/{sku}/adjustments")
    @Operation(summary = "Change a SKU's on-hand by a delta, for a reason")
    @ApiResponse(
            responseCode = "200",
            description = "Adjusted",
            content = @Content(schema = @Schema(implementation = StockResponse.class)))
    public StockResponse adjust(
            Caller caller,
            @PathVariable("sku") @Pattern(regexp = Ids.PATTERN) String sku,
            @Valid @RequestBody StockRequests.Adjustment request) {
        return stock.adjust(caller.merchantId(), sku, request)
                .map(StockResponse::of)
                .orElseThrow(() -> ApiException.notFound("No SKU " + sku));
    }

    @GetMapping("/{sku}")
    @Operation(summary = "One SKU's levels")
    @ApiResponse(
            responseCode = "200",
            description = "The SKU",
            content = @Content(schema = @Schema(implementation = StockResponse.class)))
    public StockResponse get(Caller caller, @PathVariable("sku") @Pattern(regexp = Ids.PATTERN) String sku) {
        return stock.find(caller.merchantId(), sku)
                .map(StockResponse::of)
                .orElseThrow(() -> ApiException.notFound("No SKU " + sku));
    }

    @GetMapping("/{sku}/history")
    @Operation(
            summary = "A SKU's past from its events: the levels at a moment (at) and the changes that made them,"
                    + " or each change from..to with its cause")
    @ApiResponse(
            responseCode = "200",
            description = "With at: the levels then; with from (and to): the changes between",
            content =
                    @Content(
                            schema = @Schema(oneOf = {HistoryResponses.AtMoment.class, HistoryResponses.Window.class})))
    public Object history(
            Caller caller,
            @PathVariable("sku") @Pattern(regexp = Ids.PATTERN) String sku,
            @Parameter(description = "the moment, " + Instants.EXAMPLE) @RequestParam(name = "at", required = false)
                    String at,
            @Parameter(description = "the window's start, " + Instants.EXAMPLE)
                    @RequestParam(name = "from", required = false)
                    String from,
            @Parameter(description = "the window's end (default now)") @RequestParam(name = "to", required = false)
                    String to,
            @Parameter(description = "at most this many changes (default 20 with at, 1000 with from)")
                    @RequestParam(name = "limit", required = false)
                    @Min(1)
                    @Max(10_000)
                    Integer limit) {
        HistoryRequest request = HistoryRequest.of(at, from, to, Instant.now());
        String merchantId = caller.merchantId();
        Object answer = request.atMoment()
                ? stock.at(merchantId, sku, request.at(), limit == null ? 20 : limit)
                        .map(HistoryResponses.AtMoment::of)
                        .orElse(null)
                : stock.changes(merchantId, sku, request.from(), request.to(), limit == null ? 1000 : limit)
                        .map(HistoryResponses.Window::of)
                        .orElse(null);
        if (answer == null) {
            throw ApiException.notFound("No SKU " + sku);
        }
        return answer;
    }

    @GetMapping
    @Operation(summary = "The merchant's SKUs, ordered by SKU; low=true for those at or below their threshold")
    public PageResponse<StockResponse> list(
            Caller caller,
            @RequestParam(name = "low", defaultValue = "false") boolean low,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size) {
        StockPage result = stock.list(caller.merchantId(), low, page, size);
        return new PageResponse<>(result.items().stream().map(StockResponse::of).toList(), page, size, result.total());
    }
}
