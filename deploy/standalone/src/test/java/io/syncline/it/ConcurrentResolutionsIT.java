package io.syncline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Evidence;
import io.syncline.api.conflicts.Side;
import io.syncline.conflicts.conflict.ConflictWork.DetectConflict;
import io.syncline.platform.test.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * More operators deciding at once than the standalone has command threads, each decision adjusting stock through
 * the inventory's commands: every one takes effect once, and none waits for a thread another one holds.
 */
class ConcurrentResolutionsIT extends StandaloneIntegrationTest {

    @Autowired
    private CommandGateway commands;

    @Value("${syncline.command-threads}")
    private int commandThreads;

    @Test
    void moreDecisionsAtOnceThanCommandThreadsEachTakeEffectOnce() throws Exception {
        int n = commandThreads + 4;
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> skus = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sku = "CR-" + run + "-" + i;
            assertThat(alice.put("/api/inventory/" + sku, Map.of("onHand", 20, "lowStockThreshold", 0, "name", sku))
                            .status())
                    .isIn(200, 201);
            String id = "conflict-" + run + "-" + i;
            Instant now = Instant.now();
            // a channel that shows 8 where we want 5: beyond the default rule's 2 units, so it stays open
            commands.sendAndWait(new DetectConflict(
                    id,
                    "m1",
                    ConflictKind.STOCK_MISMATCH,
                    "shop-" + run,
                    sku,
                    null,
                    Side.quantity(5),
                    Side.quantity(8),
                    new Evidence("reconcile", null, now, 0, 5, "the shop shows 8"),
                    now));
            skus.add(sku);
            ids.add(id);
        }
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> alice.get("/api/conflicts/" + id).status() == 200);
        }

        ExecutorService operators = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        try {
            for (String id : ids) {
                ApiClient operator = client().login("alice", "secret");
                answers.add(operators.submit(() -> {
                    go.await();
                    return operator.post(
                            "/api/conflicts/" + id + "/resolution",
                            Map.of("action", "ACCEPT_THEIRS", "note", "the shelf agrees with the shop"));
                }));
            }
            go.countDown();
            for (Future<ApiClient.Response> answer : answers) {
                ApiClient.Response r = answer.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
            }
        } finally {
            operators.shutdownNow();
        }

        for (String id : ids) {
            await().atMost(Duration.ofSeconds(30)).until(() -> alice.get("/api/conflicts/" + id)
                    .json()
                    .path("status")
                    .asText()
                    .equals("RESOLVED"));
        }
        for (String sku : skus) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(alice.get("/api/inventory/" + sku)
                            .json()
                            .path("onHand")
                            .asInt())
                    .as("on-hand of %s, adjusted once by the 3 units the shop showed more", sku)
                    .isEqualTo(23));
        }
    }
}
