package io.syncline.conflicts.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.api.conflicts.ConflictKind;
import io.syncline.api.conflicts.ConflictQueries.ConflictSummary;
import io.syncline.api.conflicts.ConflictQueries.ConflictView;
import io.syncline.api.conflicts.ConflictQueries.HistoryEntry;
import io.syncline.api.conflicts.ConflictStatus;
import io.syncline.api.conflicts.Resolution;
import io.syncline.api.conflicts.Severity;
import io.syncline.api.conflicts.Side;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tables of the conflict read model, {@code conflicts} and {@code conflict_history}. */
@Component
class ConflictViews {

    /** What the what-if needs of a conflict: its kind, difference and what happened at detection. */
    record Detected(String conflictId, ConflictKind kind, Integer firstDifference, String outcome) {}

    static final String OPENED = "OPEN";

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {};
    private static final String COLUMNS = "conflict_id, merchant_id, kind, status, severity, sku, order_id, channel,"
            + " ours, theirs, detected_at, resolution, resolved_by, resolved_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ConflictViews(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Long> lastSequence(String conflictId) {
        return jdbc
                .query(
                        "select last_sequence from conflicts where conflict_id = ?",
                        (rs, i) -> rs.getLong(1),
                        conflictId)
                .stream()
                .findFirst();
    }

    void insert(ConflictView v, Integer firstDifference, long sequence) {
        jdbc.update(
                "insert into conflicts (" + COLUMNS + ", first_difference, outcome_at_detection, last_sequence)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.conflictId(),
                v.merchantId(),
                v.kind().name(),
                v.status().name(),
                v.severity().name(),
                v.sku(),
                v.orderId(),
                v.channel(),
                write(v.ours()),
                write(v.theirs()),
                Timestamp.from(v.detectedAt()),
                null,
                null,
                null,
                firstDifference,
                OPENED,
                sequence);
    }

    void sides(String conflictId, Side ours, Side theirs, long sequence) {
        jdbc.update(
                "update conflicts set ours = ?, theirs = ?, last_sequence = ? where conflict_id = ?",
                write(ours),
                write(theirs),
                sequence,
                conflictId);
    }

    void severity(String conflictId, Severity severity, long sequence) {
        jdbc.update(
                "update conflicts set severity = ?, last_sequence = ? where conflict_id = ?",
                severity.name(),
                sequence,
                conflictId);
    }

    void touched(String conflictId, long sequence) {
        jdbc.update("update conflicts set last_sequence = ? where conflict_id = ?", sequence, conflictId);
    }

    void resolved(
            String conflictId, Resolution resolution, String by, Instant at, String outcomeAtDetection, long sequence) {
        jdbc.update(
                "update conflicts set status = ?, resolution = ?, resolved_by = ?, resolved_at = ?, last_sequence = ?,"
                        + " outcome_at_detection = coalesce(cast(? as varchar(32)), outcome_at_detection)"
                        + " where conflict_id = ?",
                ConflictStatus.RESOLVED.name(),
                resolution == null ? null : resolution.name(),
                by,
                Timestamp.from(at),
                sequence,
                outcomeAtDetection,
                conflictId);
    }

    void history(String conflictId, long seq, Instant at, String what, String by, Map<String, Object> detail) {
        jdbc.update(
                "insert into conflict_history (conflict_id, seq, happened_at, what, by_whom, detail)"
                        + " values (?, ?, ?, ?, ?, ?)",
                conflictId,
                seq,
                Timestamp.from(at),
                what,
                by,
                write(detail));
    }

    Optional<ConflictView> find(String merchantId, String conflictId) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from conflicts where conflict_id = ? and merchant_id = ?",
                        (rs, i) -> view(rs, history(rs.getString("conflict_id"))),
                        conflictId,
                        merchantId)
                .stream()
                .findFirst();
    }

    Optional<ConflictView> find(String conflictId) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from conflicts where conflict_id = ?",
                        (rs, i) -> view(rs, history(rs.getString("conflict_id"))),
                        conflictId)
                .stream()
                .findFirst();
    }

    /** One page, newest first, without history; null filters match everything. */
    List<ConflictView> page(String where, List<Object> args, int page, int size) {
        Object[] all = args.toArray(new Object[args.size() + 2]);
        all[args.size()] = size;
        all[args.size() + 1] = (long) page * size;
        return jdbc.query(
                "select " + COLUMNS + " from conflicts where " + where
                        + " order by detected_at desc, conflict_id limit ? offset ?",
                (rs, i) -> view(rs, List.of()),
                all);
    }

    long count(String where, List<Object> args) {
        Long n = jdbc.queryForObject("select count(*) from conflicts where " + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    List<Detected> detectedBetween(String merchantId, Instant from, Instant to) {
        return jdbc.query(
                "select conflict_id, kind, first_difference, outcome_at_detection from conflicts"
                        + " where merchant_id = ? and detected_at >= ? and detected_at < ? order by detected_at",
                (rs, i) -> new Detected(
                        rs.getString(1),
                        ConflictKind.valueOf(rs.getString(2)),
                        (Integer) rs.getObject(3, Integer.class),
                        rs.getString(4)),
                merchantId,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /** The merchant's open conflicts: how many, how many HIGH, the oldest, per kind. */
    ConflictSummary summary(String merchantId) {
        Map<ConflictKind, Long> byKind = new EnumMap<>(ConflictKind.class);
        long[] totals = new long[2];
        Timestamp[] oldest = new Timestamp[1];
        jdbc.query(
                "select kind, severity, count(*), min(detected_at) from conflicts"
                        + " where merchant_id = ? and status = ? group by kind, severity",
                rs -> {
                    long n = rs.getLong(3);
                    byKind.merge(ConflictKind.valueOf(rs.getString(1)), n, Long::sum);
                    totals[0] += n;
                    if (Severity.HIGH.name().equals(rs.getString(2))) {
                        totals[1] += n;
                    }
                    Timestamp min = rs.getTimestamp(4);
                    if (oldest[0] == null || min.before(oldest[0])) {
                        oldest[0] = min;
                    }
                },
                merchantId,
                ConflictStatus.OPEN.name());
        return new ConflictSummary(totals[0], totals[1], oldest[0] == null ? null : oldest[0].toInstant(), byKind);
    }

    void clear() {
        jdbc.update("delete from conflict_history");
        jdbc.update("delete from conflicts");
    }

    private List<HistoryEntry> history(String conflictId) {
        return jdbc.query(
                "select happened_at, what, by_whom, detail from conflict_history where conflict_id = ? order by seq",
                (rs, i) -> new HistoryEntry(
                        rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), detail(rs.getString(4))),
                conflictId);
    }

    private ConflictView view(ResultSet rs, List<HistoryEntry> history) throws SQLException {
        String resolution = rs.getString("resolution");
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new ConflictView(
                rs.getString("conflict_id"),
                rs.getString("merchant_id"),
                ConflictKind.valueOf(rs.getString("kind")),
                ConflictStatus.valueOf(rs.getString("status")),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("sku"),
                rs.getString("order_id"),
                rs.getString("channel"),
                side(rs.getString("ours")),
                side(rs.getString("theirs")),
                rs.getTimestamp("detected_at").toInstant(),
                resolution == null ? null : Resolution.valueOf(resolution),
                rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                history);
    }

    private Side side(String text) {
        try {
            return text == null ? null : json.readValue(text, Side.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable side", e);
        }
    }

    private Map<String, Object> detail(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, DETAIL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history detail", e);
        }
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot be written as JSON", e);
        }
    }
}
