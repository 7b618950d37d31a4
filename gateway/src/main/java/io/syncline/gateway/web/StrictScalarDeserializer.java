package io.syncline.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Set;

/** Deserializes a scalar only from the JSON token of its type; see {@link Strict}. */
class StrictScalarDeserializer extends StdDeserializer<Object> implements ContextualDeserializer {

    private final transient JsonDeserializer<Object> delegate;
    private final transient Set<JsonToken> accepted;

    StrictScalarDeserializer() {
        this(Object.class, null, Set.of());
    }

    private StrictScalarDeserializer(Class<?> type, JsonDeserializer<Object> delegate, Set<JsonToken> accepted) {
        super(type);
        this.delegate = delegate;
        this.accepted = accepted;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JavaType type = property != null ? property.getType() : ctxt.getContextualType();
        Class<?> raw = type.getRawClass();
        Set<JsonToken> tokens;
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            tokens = Set.of(JsonToken.VALUE_NUMBER_INT);
        } else if (raw == String.class) {
            tokens = Set.of(JsonToken.VALUE_STRING);
        } else if (raw == Boolean.class || raw == boolean.class) {
            tokens = Set.of(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE);
        } else {
            throw new IllegalStateException("@Strict supports integers, strings and booleans, not " + raw);
        }
        return new StrictScalarDeserializer(raw, ctxt.findContextualValueDeserializer(type, property), tokens);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!accepted.contains(p.currentToken())) {
            return ctxt.handleUnexpectedToken(handledType(), p);
        }
        return delegate.deserialize(p, ctxt);
    }
}
