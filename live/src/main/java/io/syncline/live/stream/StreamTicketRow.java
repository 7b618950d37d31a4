package io.syncline.live.stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Persistable;

/** A stored stream ticket: the SHA-256 of the ticket (never the ticket) and what it authenticates. */
@Entity
@Table(name = "stream_tickets")
public class StreamTicketRow implements Persistable<String> {

    @Id
    @Column(name = "ticket_hash")
    private String ticketHash;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "merchant_id", nullable = false)
    private String merchantId;

    @Column(nullable = false)
    private String roles;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    /** Tickets are inserted, read and deleted, never updated: only a ticket not yet saved is new. */
    @Transient
    private boolean unsaved = true;

    protected StreamTicketRow() {}

    StreamTicketRow(
            String ticketHash,
            String userId,
            String merchantId,
            List<String> roles,
            Instant issuedAt,
            Instant expiresAt) {
        this.ticketHash = ticketHash;
        this.userId = userId;
        this.merchantId = merchantId;
        this.roles = String.join(",", roles);
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    @Override
    public String getId() {
        return ticketHash;
    }

    /** Saving a new ticket is an insert, without a look for an existing row first. */
    @Override
    public boolean isNew() {
        return unsaved;
    }

    @PostLoad
    @PostPersist
    void saved() {
        unsaved = false;
    }

    String userId() {
        return userId;
    }

    String merchantId() {
        return merchantId;
    }

    List<String> roles() {
        return roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
