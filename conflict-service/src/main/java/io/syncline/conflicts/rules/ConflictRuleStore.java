package io.syncline.conflicts.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.conflicts.ConflictRule;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The merchants' conflict rules ({@code conflict_rules}), read by detection and the what-if. */
@Component
public class ConflictRuleStore {

    private static final TypeReference<List<ConflictRule>> RULES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ConflictRuleStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The merchant's own rules; empty while it has set none. */
    public Optional<List<ConflictRule>> stored(String merchantId) {
        return jdbc
                .query("select rules from conflict_rules where merchant_id = ?", (rs, i) -> rs.getString(1), merchantId)
                .stream()
                .findFirst()
                .map(this::parse);
    }

    /** The rules that apply to the merchant's conflicts: its own, else {@link ConflictRule#DEFAULTS}. */
    public List<ConflictRule> rulesOf(String merchantId) {
        return stored(merchantId).orElse(ConflictRule.DEFAULTS);
    }

    void save(String merchantId, List<ConflictRule> rules, String by, Instant at) {
        String text = write(rules);
        int updated = jdbc.update(
                "update conflict_rules set rules = ?, changed_by = ?, changed_at = ? where merchant_id = ?",
                text,
                by,
                Timestamp.from(at),
                merchantId);
        if (updated == 0) {
            jdbc.update(
                    "insert into conflict_rules (merchant_id, rules, changed_by, changed_at) values (?, ?, ?, ?)",
                    merchantId,
                    text,
                    by,
                    Timestamp.from(at));
        }
    }

    private List<ConflictRule> parse(String text) {
        try {
            return List.copyOf(json.readValue(text, RULES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable conflict rules", e);
        }
    }

    private String write(List<ConflictRule> rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conflict rules cannot be written", e);
        }
    }
}
