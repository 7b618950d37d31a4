package io.syncline.live.stream;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Stored stream tickets, by the hash of the ticket. */
public interface StreamTicketRepository extends JpaRepository<StreamTicketRow, String> {

    /**
     * Uses up the ticket if it has not expired; answers 1 when this call did. Of concurrent calls for one
     * ticket only one deletes the row, so only one answers 1.
     */
    @Transactional
    @Modifying
    @Query("delete from StreamTicketRow t where t.ticketHash = :hash and t.expiresAt > :now")
    int redeem(@Param("hash") String hash, @Param("now") Instant now);

    /** The user's tickets that have not expired. */
    long countByUserIdAndExpiresAtAfter(String userId, Instant now);

    @Transactional
    @Modifying
    @Query("delete from StreamTicketRow t where t.expiresAt <= :now")
    int deleteExpired(@Param("now") Instant now);
}
