package io.syncline.simulator.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a GraphQL document to serve the two operations Syncline sends: which root field it selects and
 * the arguments it passes, as variables or literals. Not a GraphQL parser; comments are dropped first.
 */
final class GraphQlDocument {

    /** The two operations served. */
    enum Operation {
        INVENTORY_SET_QUANTITIES,
        INVENTORY_ITEM,
        UNKNOWN
    }

    private static final Pattern COMMENT = Pattern.compile("#[^\\n\\r]*");
    private static final Pattern SET = Pattern.compile("\\binventorySetQuantities\\s*\\(");
    private static final Pattern ITEM = Pattern.compile("\\binventoryItem\\s*\\(");
    private static final Pattern NAMES = Pattern.compile("\\bquantities\\s*\\(\\s*names\\s*:\\s*(\\[[^\\]]*]|\\$\\w+)");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;
    private final JsonNode variables;

    GraphQlDocument(String text, JsonNode variables) {
        this.text = COMMENT.matcher(text == null ? "" : text).replaceAll("");
        this.variables = variables;
    }

    Operation operation() {
        if (SET.matcher(text).find()) {
            return Operation.INVENTORY_SET_QUANTITIES;
        }
        if (ITEM.matcher(text).find()) {
            return Operation.INVENTORY_ITEM;
        }
        return Operation.UNKNOWN;
    }

    /** The first root field selected, for the error about an unknown one. */
    String firstField() {
        Matcher field = Pattern.compile("\\{\\s*(\\w+)").matcher(text);
        return field.find() ? field.group(1) : "(none)";
    }

    /**
     * The value of argument {@code name} of field {@code field}: a variable's value, a string literal, or empty when
     * absent. A variable named but not given is JSON null.
     */
    Optional<JsonNode> argument(String field, String name) {
        Matcher matcher = Pattern.compile("(?<!\\w)" + Pattern.quote(field) + "\\s*\\([^)]*?\\b" + name
                        + "\\s*:\\s*(\\$(\\w+)|\"((?:[^\"\\\\]|\\\\.)*)\"|(\\{))")
                .matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        if (matcher.group(2) != null) {
            JsonNode value = variables == null ? null : variables.get(matcher.group(2));
            return Optional.of(value != null ? value : NullNode.getInstance());
        }
        if (matcher.group(3) != null) {
            return Optional.of(TextNode.valueOf(matcher.group(3)));
        }
        throw new IllegalArgumentException("argument " + name + " of " + field
                + " is written inline; the simulator reads it only from a variable");
    }

    /** {@code @idempotent(key: ...)}'s key, if the document has the directive. */
    Optional<String> idempotencyKey() {
        Optional<JsonNode> key = argument("@idempotent", "key");
        return key.filter(JsonNode::isTextual).map(JsonNode::textValue);
    }

    boolean hasIdempotentDirective() {
        return text.contains("@idempotent");
    }

    /** The names asked of {@code quantities(names: [...])}; {@code ["available"]} when not given. */
    List<String> quantityNames() {
        Matcher matcher = NAMES.matcher(text);
        List<String> names = new ArrayList<>();
        if (matcher.find()) {
            String list = matcher.group(1);
            if (list.startsWith("$")) {
                JsonNode value = variables == null ? null : variables.get(list.substring(1));
                if (value != null && value.isArray()) {
                    value.forEach(name -> names.add(name.asText()));
                }
            } else {
                Matcher strings = STRING.matcher(list);
                while (strings.find()) {
                    names.add(strings.group(1));
                }
            }
        }
        return names.isEmpty() ? List.of("available") : names;
    }
}
