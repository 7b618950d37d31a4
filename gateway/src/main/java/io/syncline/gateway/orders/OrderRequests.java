package io.syncline.gateway.orders;

import io.syncline.gateway.web.Ids;
import io.syncline.gateway.web.Strict;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies of the order writes. */
public final class OrderRequests {

    private OrderRequests() {}

    /** {@code POST /api/orders}: a channel's order; (channel, channelOrderId) names it. */
    public record Place(
            @Strict @NotNull @Pattern(regexp = Ids.PATTERN) String channel,
            @Strict @NotBlank @Size(max = 128) String channelOrderId,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Line> lines) {}

    /** One line: a SKU and a positive quantity. */
    public record Line(
            @Strict @NotNull @Pattern(regexp = Ids.PATTERN) String sku,
            @Strict @NotNull @Min(1) @Max(1_000_000) Integer quantity) {}

    /** {@code POST /api/orders/{id}/cancellation}: an optional reason. */
    public record Cancellation(@Strict @Size(max = 500) String reason) {}
}
