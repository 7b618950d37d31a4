package io.syncline.api.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.syncline.api.upcasting.EventUpcasters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * Events as the services store and read them: Axon's {@code JacksonSerializer} over the ObjectMapper Spring
 * Boot configures, and the project's upcasters in front of it.
 */
public final class EventJson {

    /** The event serializer of every deployable ({@code axon.serializer.events: jackson}). */
    public static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .revisionResolver(new AnnotationRevisionResolver())
            .converter(new ChainingConverter())
            .objectMapper(springBootObjectMapper())
            .build();

    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter PRETTY = new ObjectMapper()
            .writer(new DefaultPrettyPrinter()
                    .withSeparators(
                            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(INDENT)
                    .withArrayIndenter(INDENT));
    private static final ObjectMapper TREES = new ObjectMapper();

    private EventJson() {}

    /**
     * The mapper Spring Boot's {@code JacksonAutoConfiguration} builds with the services' settings; Axon's
     * auto-configuration hands that bean to the {@code JacksonSerializer}.
     */
    static ObjectMapper springBootObjectMapper() {
        return JsonMapper.builder()
                // Jackson2ObjectMapperBuilder registers the JDK 8 and java.time modules it finds, Spring Boot
                // adds parameter names (and modules of its own and Spring Data's that no event type meets)
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule(JsonCreator.Mode.DEFAULT))
                // Jackson2ObjectMapperBuilder's defaults
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Spring Boot's defaults, and spring.jackson.serialization.write-dates-as-timestamps: false
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    /** The payload as it is stored. */
    public static byte[] serialize(Object event) {
        return SERIALIZER.serialize(event, byte[].class).getData();
    }

    /** The payload stored as {@code type} read back, without upcasting. */
    public static Object deserialize(byte[] payload, SerializedType type) {
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type));
    }

    /**
     * A stored event of {@code type} with {@code payload}, as the upcaster chain hands it to the serializer;
     * an event store does the same with every event it reads.
     */
    public static List<IntermediateEventRepresentation> upcast(SerializedType type, byte[] payload) {
        var stored = new GenericDomainEventEntry<>(
                "Aggregate",
                "aggregate-1",
                0,
                "event-1",
                Instant.parse("2026-01-02T03:04:05Z"),
                type.getName(),
                type.getRevision(),
                payload,
                "{}".getBytes(StandardCharsets.UTF_8));
        return new EventUpcasterChain(EventUpcasters.all())
                .upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER)))
                .toList();
    }

    /** The payload of an upcast event, read as the event it now is. */
    public static Object deserialize(IntermediateEventRepresentation event) {
        return SERIALIZER.deserialize(event.getData());
    }

    /** The JSON tree of a payload, to compare without regard to key order or layout. */
    public static JsonNode tree(byte[] json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code json} laid out as fixtures are: two-space indents, one field a line. */
    public static String pretty(JsonNode json) {
        try {
            return PRETTY.writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
