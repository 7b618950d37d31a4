package io.syncline.platform.processors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Processing groups that share one event processor: one token, one read of each event and one commit per batch for
 * all of them, where each would otherwise have its own. Each group keeps its dead-letter queue and sequencing
 * policy; the processor's own settings (mode, batch size, segments) are those of the processor's name.
 *
 * @param byProcessor the groups of each shared processor, by the processor's name
 */
public record ProcessorGroups(Map<String, List<String>> byProcessor) {

    public static final ProcessorGroups NONE = new ProcessorGroups(Map.of());

    public ProcessorGroups {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        byProcessor.forEach((processor, groups) -> {
            if (processor == null || processor.isBlank()) {
                throw new IllegalArgumentException("syncline.processors.groups: a processor needs a name");
            }
            List<String> named = new ArrayList<>();
            for (String group : groups == null ? List.<String>of() : groups) {
                String trimmed = group == null ? "" : group.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String earlier = owner.putIfAbsent(trimmed, processor);
                if (earlier != null) {
                    throw new IllegalArgumentException("syncline.processors.groups: processing group " + trimmed
                            + " is given to both " + earlier + " and " + processor);
                }
                named.add(trimmed);
            }
            if (!named.isEmpty()) {
                copy.put(processor, List.copyOf(named));
            }
        });
        copy.keySet().forEach(processor -> {
            // a processor of a group's own name already has that group's token, so the others could not inherit theirs
            if (owner.containsKey(processor)) {
                throw new IllegalArgumentException("syncline.processors.groups: the shared processor " + processor
                        + " is named like a processing group; give it a name of its own");
            }
        });
        byProcessor = Map.copyOf(copy);
    }

    /** The groups a shared processor takes over from their own processors; none for any other processor. */
    public List<String> takenOverBy(String processor) {
        return byProcessor.getOrDefault(processor, List.of());
    }
}
