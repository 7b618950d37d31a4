package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Clients connect and resume while messages are committed and polled: nothing lost, nothing twice. */
class StreamHubConcurrencyTest {

    private static final String[] MERCHANTS = {"m1", "m2", "m3"};
    private static final List<Set<StreamTopic>> TOPIC_CHOICES = List.of(
            EnumSet.allOf(StreamTopic.class), EnumSet.of(StreamTopic.ORDERS), EnumSet.of(StreamTopic.INVENTORY));

    private record Client(String merchantId, Set<StreamTopic> topics, Long lastEventId, RecordingSink sink) {}

    @Test
    void concurrentResumesNeitherLoseNorRepeatMessages() throws Exception {
        InMemoryStreamStore store = new InMemoryStreamStore();
        StreamHub hub = new StreamHub(
                store,
                new StreamProperties(Duration.ofHours(1), null, Duration.ofMillis(2), null, null, 40),
                new StreamAccessProperties(null, 10_000, null, null, null),
                StreamDeliveryProperties.defaults());
        hub.start();
        try {
            Random random = new Random(42);
            Thread writer = new Thread(() -> {
                Random writes = new Random(7);
                for (int i = 0; i < 3000; i++) {
                    StreamTopic topic = writes.nextBoolean() ? StreamTopic.ORDERS : StreamTopic.INVENTORY;
                    store.append(MERCHANTS[writes.nextInt(MERCHANTS.length)], topic, "t");
                    if (i % 5 == 0) {
                        hub.nudge();
                    }
                    if (i % 20 == 0) {
                        sleep(1);
                    }
                }
            });
            writer.start();
            List<Client> clients = new ArrayList<>();
            while (writer.isAlive()) {
                long newest = store.newestId().orElse(0L);
                Long lastEventId = random.nextInt(4) == 0 ? null : (long) random.nextInt((int) newest + 1);
                Client client = new Client(
                        MERCHANTS[random.nextInt(MERCHANTS.length)],
                        TOPIC_CHOICES.get(random.nextInt(TOPIC_CHOICES.size())),
                        lastEventId,
                        new RecordingSink());
                hub.subscribe(client.merchantId(), client.topics(), client.lastEventId(), client.sink());
                clients.add(client);
                sleep(random.nextInt(3));
            }
            writer.join();
            hub.nudge();

            assertThat(clients).hasSizeGreaterThan(20);
            for (Client client : clients) {
                List<Long> expected = store.idsFor(
                        client.merchantId(), client.topics(), client.lastEventId() == null ? 0 : client.lastEventId());
                awaitLast(client.sink(), expected.isEmpty() ? null : expected.get(expected.size() - 1));
                List<Long> received = client.sink().ids();
                if (client.lastEventId() == null) {
                    // live only: a gap-free tail of the merchant's messages, from whenever it connected
                    expected = received.isEmpty()
                            ? List.of()
                            : expected.subList(expected.indexOf(received.get(0)), expected.size());
                }
                assertThat(received).as("client %s", client).containsExactlyElementsOf(expected);
                assertThat(client.sink().closed).as("client %s cut off", client).isFalse();
            }
        } finally {
            hub.stop();
        }
    }

    private static void awaitLast(RecordingSink sink, Long lastId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (lastId != null && System.currentTimeMillis() < deadline) {
            List<Long> ids = sink.ids();
            if (!ids.isEmpty() && ids.get(ids.size() - 1) >= lastId) {
                return;
            }
            Thread.sleep(5);
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
