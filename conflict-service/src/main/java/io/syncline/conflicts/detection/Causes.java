package io.syncline.conflicts.detection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.Side;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The conflicts detection opened, by cause ({@code conflict_causes}). A cause has one open conflict at most: its
 * {@code open_key} is unique and cleared when the conflict is resolved.
 */
@Component
class Causes {

    /** A conflict detection opened for a cause, and what the channel last reported for it. */
    record Cause(String conflictId, boolean open, Side theirs) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Causes(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean known(String conflictId) {
        Integer n = jdbc.queryForObject(
                "select count(*) from conflict_causes where conflict_id = ?", Integer.class, conflictId);
        return n != null && n > 0;
    }

    Optional<Cause> open(String merchantId, String causeKey) {
        return jdbc
                .query(
                        "select conflict_id, theirs from conflict_causes where merchant_id = ? and open_key = ?",
                        (rs, i) -> new Cause(rs.getString(1), true, side(rs.getString(2))),
                        merchantId,
                        causeKey)
                .stream()
                .findFirst();
    }

    /** The newest conflict of the cause, open or resolved. */
    Optional<Cause> latest(String merchantId, String causeKey) {
        return jdbc
                .query(
                        "select conflict_id, open_key, theirs from conflict_causes where merchant_id = ?"
                                + " and cause_key = ? order by detected_at desc",
                        (rs, i) -> new Cause(rs.getString(1), rs.getString(2) != null, side(rs.getString(3))),
                        merchantId,
                        causeKey)
                .stream()
                .findFirst();
    }

    void add(Finding finding) {
        jdbc.update(
                "insert into conflict_causes (conflict_id, merchant_id, cause_key, open_key, kind, channel, sku,"
                        + " order_id, theirs, detected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                finding.conflictId(),
                finding.merchantId(),
                finding.causeKey(),
                finding.causeKey(),
                finding.kind().name(),
                finding.channel(),
                finding.sku(),
                finding.orderId(),
                write(finding.theirs()),
                Timestamp.from(finding.at()));
    }

    void reportedAgain(String conflictId, Side theirs) {
        jdbc.update("update conflict_causes set theirs = ? where conflict_id = ?", write(theirs), conflictId);
    }

    void resolved(String conflictId) {
        jdbc.update("update conflict_causes set open_key = null where conflict_id = ?", conflictId);
    }

    /** Whether an oversell of the channel's SKU was detected in [{@code from}, {@code to}]. */
    boolean oversoldBetween(String merchantId, String channel, String sku, Instant from, Instant to) {
        Integer n = jdbc.queryForObject(
                "select count(*) from conflict_causes where merchant_id = ? and kind = ? and channel = ? and sku = ?"
                        + " and detected_at >= ? and detected_at <= ?",
                Integer.class,
                merchantId,
                ConflictKind.OVERSOLD.name(),
                channel,
                sku,
                Timestamp.from(from),
                Timestamp.from(to));
        return n != null && n > 0;
    }

    private Side side(String text) {
        try {
            return text == null ? null : json.readValue(text, Side.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable side", e);
        }
    }

    private String write(Side side) {
        try {
            return json.writeValueAsString(side);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("side cannot be written", e);
        }
    }
}
