package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncline.SynclineApplication;
import io.syncline.platform.test.ApiClient;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The webhook flows of ChannelWebhooksIT on the standalone's embedded default: no database configured, so an
 * H2 file in the data directory, whose locking and unique keys differ from PostgreSQL's. A Shopify order is
 * placed and shipped, three copies of one delivery at once have one effect, a cancellation before its creation
 * ends cancelled with nothing reserved, and a TikTok Shop order is read from its Order Detail API and placed.
 */
class ChannelWebhooksH2IT {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext app;
    private static int port;

    private ChannelWebhookFlows flows;

    @BeforeAll
    static void start() {
        // the it profile's users (root ADMIN, alice OPERATOR of m1), and nothing of its database
        app = new SpringApplicationBuilder(SynclineApplication.class)
                .profiles("it")
                .run(
                        "--server.port=0",
                        "--syncline.data-dir=" + dataDir,
                        "--syncline.channels.deliveries.retry.initial-interval=300ms");
        assertThat(app.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void flows() {
        ApiClient root = new ApiClient(port).login("root", "secret");
        ApiClient alice = new ApiClient(port).login("alice", "secret");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        flows = new ChannelWebhookFlows(new ChannelWebhooks(port), root, alice, "m1", tag);
    }

    @Test
    void aShopifyOrderIsPlacedWithItsIdKeptExactlyThenShippedAndAnOlderCancellationChangesNothing() {
        flows.aShopifyOrderIsPlacedWithItsIdKeptExactlyThenShippedAndAnOlderCancellationChangesNothing();
    }

    @Test
    void threeCopiesOfADeliveryAtOnceHaveOneEffect() throws Exception {
        flows.threeCopiesOfADeliveryAtOnceHaveOneEffect();
    }

    @Test
    void aCancellationBeforeItsCreationEndsCancelledWithNothingReserved() {
        flows.aCancellationBeforeItsCreationEndsCancelledWithNothingReserved();
    }

    @Test
    void aTikTokOrderIsReadFromTheOrderDetailApiAndPlaced() throws Exception {
        flows.aTikTokOrderIsReadFromTheOrderDetailApiRetriedWhileItFails();
    }
}
