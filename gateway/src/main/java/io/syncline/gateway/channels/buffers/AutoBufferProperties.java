package io.syncline.gateway.channels.buffers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the buffers of {@code AUTO} channels are computed.
 *
 * @param interval     how often each AUTO channel's buffers are computed again
 * @param safetyFactor how many times the units expected to sell during a push's lag are held back
 * @param defaultLag   the push lag taken while a channel has none measured yet
 * @param lagSamples   the channel's most recent acknowledged pushes whose lags the p99 is taken over
 * @param lagWindow    lags older than this are not taken (and are deleted)
 */
@ConfigurationProperties("syncline.channels.auto-buffer")
public record AutoBufferProperties(
        @DefaultValue("1m") Duration interval,
        @DefaultValue("2") double safetyFactor,
        @DefaultValue("5s") Duration defaultLag,
        @DefaultValue("200") int lagSamples,
        @DefaultValue("24h") Duration lagWindow) {

    public AutoBufferProperties {
        if (safetyFactor <= 0) {
            throw new IllegalArgumentException("syncline.channels.auto-buffer.safety-factor must be above 0");
        }
        if (lagSamples < 1) {
            throw new IllegalArgumentException("syncline.channels.auto-buffer.lag-samples must be at least 1");
        }
    }
}
