package io.syncline.conflicts.detection;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stock reports waiting for the settle time ({@code conflict_suspects}), one per cause key. Each is found again by its
 * report's event id, which is also the id of its settle timer.
 */
@Component
class Suspects {

    /** A channel's quantity that disagreed with what we wanted when the report was taken. */
    record Suspect(
            String merchantId,
            String causeKey,
            String channel,
            String sku,
            String reportId,
            int ours,
            int theirs,
            Integer buffer,
            Integer available,
            String source,
            String deliveryId,
            Instant reportedAt,
            Instant takenAt,
            Instant dueAt,
            Belief belief) {}

    private static final String COLUMNS = "merchant_id, cause_key, channel, sku, report_id, ours, theirs, buffer,"
            + " available, source, delivery_id, reported_at, taken_at, due_at, believed, believed_from, believed_at";

    private final JdbcTemplate jdbc;

    Suspects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the suspect, replacing an older one of its cause key. */
    void put(Suspect s) {
        drop(s.merchantId(), s.causeKey());
        String id = UUID.nameUUIDFromBytes((s.merchantId() + "|" + s.causeKey()).getBytes(StandardCharsets.UTF_8))
                .toString();
        jdbc.update(
                "insert into conflict_suspects (suspect_id, " + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                s.merchantId(),
                s.causeKey(),
                s.channel(),
                s.sku(),
                s.reportId(),
                s.ours(),
                s.theirs(),
                s.buffer(),
                s.available(),
                s.source(),
                s.deliveryId(),
                s.reportedAt() == null ? null : Timestamp.from(s.reportedAt()),
                Timestamp.from(s.takenAt()),
                Timestamp.from(s.dueAt()),
                s.belief() == null ? null : s.belief().quantity(),
                s.belief() == null ? null : Timestamp.from(s.belief().from()),
                s.belief() == null ? null : Timestamp.from(s.belief().at()));
    }

    void drop(String merchantId, String causeKey) {
        jdbc.update("delete from conflict_suspects where merchant_id = ? and cause_key = ?", merchantId, causeKey);
    }

    boolean dropReport(String reportId) {
        return jdbc.update("delete from conflict_suspects where report_id = ?", reportId) > 0;
    }

    List<Suspect> ofSku(String merchantId, String sku) {
        return jdbc.query(
                "select " + COLUMNS + " from conflict_suspects where merchant_id = ? and sku = ?",
                Suspects::row,
                merchantId,
                sku);
    }

    /** The suspect of a report, as it stands. */
    Optional<Suspect> find(String reportId) {
        return jdbc
                .query("select " + COLUMNS + " from conflict_suspects where report_id = ?", Suspects::row, reportId)
                .stream()
                .findFirst();
    }

    /** The suspect of a report, locked until the transaction ends (its timer and the processor may meet here). */
    Optional<Suspect> lockReport(String reportId) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from conflict_suspects where report_id = ? for update",
                        Suspects::row,
                        reportId)
                .stream()
                .findFirst();
    }

    private static Suspect row(ResultSet rs, int i) throws SQLException {
        Timestamp reported = rs.getTimestamp("reported_at");
        return new Suspect(
                rs.getString("merchant_id"),
                rs.getString("cause_key"),
                rs.getString("channel"),
                rs.getString("sku"),
                rs.getString("report_id"),
                rs.getInt("ours"),
                rs.getInt("theirs"),
                (Integer) rs.getObject("buffer", Integer.class),
                (Integer) rs.getObject("available", Integer.class),
                rs.getString("source"),
                rs.getString("delivery_id"),
                reported == null ? null : reported.toInstant(),
                rs.getTimestamp("taken_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(),
                Belief.of(
                        rs.getObject("believed", Integer.class),
                        instant(rs.getTimestamp("believed_from")),
                        instant(rs.getTimestamp("believed_at"))));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
