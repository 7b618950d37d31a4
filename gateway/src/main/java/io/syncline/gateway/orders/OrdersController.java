package io.syncline.gateway.orders;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.syncline.api.orders.OrderQueries.OrderPage;
import io.syncline.api.orders.OrderStatus;
import io.syncline.gateway.security.Caller;
import io.syncline.gateway.web.ApiException;
import io.syncline.gateway.web.GatewayProperties;
import io.syncline.gateway.web.Ids;
import io.syncline.gateway.web.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders of the caller's merchant: placing, reading, cancelling, shipping. */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "orders")
public class OrdersController {

    private final OrderService orders;
    private final Duration maxWait;

    public OrdersController(OrderService orders, GatewayProperties properties) {
        this.orders = orders;
        this.maxWait = properties.maxWait();
    }

    @PostMapping
    @Operation(summary = "Place an order; with Prefer: wait=N, answer once it is decided (or after N seconds)")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted, not decided yet",
            content = @Content(schema = @Schema(implementation = OrderAccepted.class)))
    @ApiResponse(
            responseCode = "201",
            description = "Decided while waiting (Prefer: wait)",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    @ApiResponse(
            responseCode = "200",
            description = "This channel order exists already: the existing order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    public ResponseEntity<Object> place(
            Caller caller,
            @Valid @RequestBody OrderRequests.Place request,
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = Prefer.HEADER,
                            example = "wait=10",
                            description = "RFC 7240; wait is capped by syncline.gateway.max-wait")
                    @RequestHeader(name = Prefer.HEADER, required = false)
                    List<String> prefer) {
        Optional<Duration> wait = Prefer.waitOf(prefer, maxWait);
        OrderService.Placement placement = orders.place(caller.merchantId(), request, wait);
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(status(placement)).header(HttpHeaders.LOCATION, location(placement.orderId()));
        if (wait.isPresent() && placement.outcome() != OrderService.Outcome.EXISTING) {
            response.header(Prefer.APPLIED, "wait=" + wait.get().toSeconds());
        }
        Object body = placement
                .view()
                .<Object>map(OrderResponse::of)
                .orElseGet(() -> new OrderAccepted(placement.orderId(), OrderStatus.PENDING));
        return response.body(body);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One order")
    @ApiResponse(
            responseCode = "200",
            description = "The order",
            content = @Content(schema = @Schema(implementation = OrderResponse.class)))
    public OrderResponse get(Caller caller, @PathVariable("orderId") String orderId) {
        return orders.find(caller.merchantId(), known(orderId))
                .map(OrderResponse::of)
                .orElseThrow(() -> ApiException.notFound("No such order"));
    }

    @GetMapping
    @Operation(summary = "The merchant's orders, newest first, optionally of one status")
    public PageResponse<OrderResponse> list(
            Caller caller,
            @Parameter(schema = @Schema(implementation = OrderStatus.class))
                    @RequestParam(name = "status", required = false)
                    String status,
            @Parameter(description = "only orders whose fulfilment is stalled")
                    @RequestParam(name = "stalled", defaultValue = "false")
                    boolean stalled,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(200) int size) {
        OrderPage result = orders.list(caller.merchantId(), status(status), stalled, page, size);
        return new PageResponse<>(result.items().stream().map(OrderResponse::of).toList(), page, size, result.total());
    }

    @PostMapping("/{orderId}/cancellation")
    @Operation(summary = "Cancel an order (releases its reserved stock); 409 once shipped")
    @ApiResponse(
            responseCode = "202",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = OrderAccepted.class)))
    public ResponseEntity<OrderAccepted> cancel(
            Caller caller,
            @PathVariable("orderId") String orderId,
            @Valid @RequestBody(required = false) OrderRequests.Cancellation request) {
        String reason =
                request != null && request.reason() != null && !request.reason().isBlank()
                        ? request.reason()
                        : "Cancelled by " + caller.userId();
        orders.cancel(caller.merchantId(), known(orderId), reason);
        return ResponseEntity.accepted()
                .header(HttpHeaders.LOCATION, location(orderId))
                .body(new OrderAccepted(orderId, OrderStatus.CANCELLED));
    }

    @PostMapping("/{orderId}/shipment")
    @Operation(summary = "Ship a confirmed order (its reservation becomes a deduction); 409 unless CONFIRMED")
    @ApiResponse(
            responseCode = "202",
            description = "Shipped",
            content = @Content(schema = @Schema(implementation = OrderAccepted.class)))
    public ResponseEntity<OrderAccepted> ship(Caller caller, @PathVariable("orderId") String orderId) {
        orders.ship(caller.merchantId(), known(orderId));
        return ResponseEntity.accepted()
                .header(HttpHeaders.LOCATION, location(orderId))
                .body(new OrderAccepted(orderId, OrderStatus.SHIPPED));
    }

    private static HttpStatus status(OrderService.Placement placement) {
        return switch (placement.outcome()) {
            case EXISTING -> HttpStatus.OK;
            case DECIDED -> HttpStatus.CREATED;
            case ACCEPTED -> HttpStatus.ACCEPTED;
        };
    }

    private static String location(String orderId) {
        return "/api/orders/" + orderId;
    }

    /** An id no order can have is simply unknown. */
    private static String known(String orderId) {
        if (!Ids.valid(orderId)) {
            throw ApiException.notFound("No such order");
        }
        return orderId;
    }

    private static OrderStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "must be one of " + Arrays.toString(OrderStatus.values()));
        }
    }
}
