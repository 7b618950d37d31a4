package io.syncline.platform.processors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Processing groups sharing a processor: one processor handles both, starting where their own processors were. */
class ProcessorGroupsTest {

    static final List<String> seenByA = new CopyOnWriteArrayList<>();
    static final List<String> seenByB = new CopyOnWriteArrayList<>();

    @ProcessingGroup("a")
    static class A {
        @EventHandler
        void on(String event) {
            seenByA.add(event);
        }
    }

    @ProcessingGroup("b")
    static class B {
        @EventHandler
        void on(String event) {
            seenByB.add(event);
        }
    }

    private final InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
    private final TokenStore tokens = new InMemoryTokenStore();

    @BeforeEach
    void nothingSeen() {
        seenByA.clear();
        seenByB.clear();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theSharedProcessorGoesOnFromTheLowestTokenOfTheProcessorsItReplacesAndRemovesThem(boolean pooled) {
        Configuration before = start(ProcessorGroups.NONE, false);
        publish(before, "e0", "e1", "e2", "e3", "e4");
        await().atMost(Duration.ofSeconds(30)).until(() -> seenByA.size() == 5 && seenByB.size() == 5);
        before.shutdown();
        // as if a had gone further than b when the old layout stopped: b had handled e0 and e1 only
        tokens.storeToken(new GlobalSequenceTrackingToken(1), "b", 0);
        seenByA.clear();
        seenByB.clear();

        Configuration after = start(new ProcessorGroups(Map.of("shared", List.of("a", "b"))), pooled);
        publish(after, "e5");

        await().atMost(Duration.ofSeconds(30)).until(() -> seenByB.contains("e5"));
        assertThat(seenByB).containsExactlyInAnyOrder("e2", "e3", "e4", "e5");
        assertThat(seenByA)
                .as("a sees again what b had not seen, as after a crash")
                .containsExactlyInAnyOrder("e2", "e3", "e4", "e5");
        assertThat(after.eventProcessingConfiguration().eventProcessors()).containsOnlyKeys("shared");
        assertThat(tokens.fetchSegments("a")).isEmpty();
        assertThat(tokens.fetchSegments("b")).isEmpty();
        assertThat(tokens.fetchSegments("shared")).isNotEmpty();
        after.shutdown();
    }

    @Test
    void aSharedProcessorOnANewStoreStartsFromTheBeginningLikeAnyOther() {
        Configuration axon = start(new ProcessorGroups(Map.of("shared", List.of("a", "b"))), false);
        publish(axon, "e0", "e1");

        await().atMost(Duration.ofSeconds(30)).until(() -> seenByA.size() == 2 && seenByB.size() == 2);
        assertThat(axon.eventProcessingConfiguration().eventProcessor("shared", TrackingEventProcessor.class))
                .isPresent();
        axon.shutdown();
    }

    @Test
    void aGroupGivenToTwoProcessorsOrAProcessorNamedLikeAGroupIsRefused() {
        assertThatThrownBy(() -> new ProcessorGroups(Map.of("x", List.of("a"), "y", List.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("processing group a");
        assertThatThrownBy(() -> new ProcessorGroups(Map.of("a", List.of("a", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named like a processing group");
        assertThat(new ProcessorGroups(Map.of("x", List.of(" a ", ""))).takenOverBy("x"))
                .containsExactly("a");
    }

    private Configuration start(ProcessorGroups groups, boolean pooled) {
        PlatformEventProcessingModule module = new PlatformEventProcessingModule(Duration.ofMillis(200), groups);
        module.registerTokenStore(c -> tokens);
        if (pooled) {
            module.usingPooledStreamingEventProcessors();
        }
        Configuration axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> events)
                .registerModule(module)
                .eventProcessing(p -> p.registerEventHandler(c -> new A()).registerEventHandler(c -> new B()))
                .buildConfiguration();
        axon.start();
        return axon;
    }

    private static void publish(Configuration axon, String... payloads) {
        for (String payload : payloads) {
            axon.eventBus().publish(GenericEventMessage.asEventMessage(payload));
        }
    }
}
