package io.syncline.gateway.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Jackson's path to a failing value, as a client names the field: {@code lines[0].quantity}. */
final class JsonPaths {

    private JsonPaths() {}

    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
