package io.syncline.live.stream;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stored stream messages. */
public interface StreamMessageRepository extends JpaRepository<StreamMessageRow, Long> {

    /** The next messages of every merchant after {@code afterId}, oldest first. */
    List<StreamMessageRow> findByIdGreaterThanOrderByIdAsc(long afterId, Pageable page);

    /** A page of one merchant's messages of the given topics in {@code (afterId, upToId]}, oldest first. */
    @Query("select m from StreamMessageRow m where m.merchantId = :merchantId and m.topic in :topics"
            + " and m.id > :afterId and m.id <= :upToId order by m.id")
    List<StreamMessageRow> findForMerchant(
            @Param("merchantId") String merchantId,
            @Param("topics") Collection<String> topics,
            @Param("afterId") long afterId,
            @Param("upToId") long upToId,
            Pageable page);

    @Query("select max(m.id) from StreamMessageRow m")
    Long findNewestId();

    @Query("select max(m.id) from StreamMessageRow m where m.createdAt < :cutoff")
    Long findNewestIdCreatedBefore(@Param("cutoff") Instant cutoff);

    @Transactional(propagation = Propagation.MANDATORY)
    @Modifying
    @Query("delete from StreamMessageRow m where m.id <= :id")
    int deleteUpTo(@Param("id") long id);

    /**
     * Takes the row lock that serialises writers of stream messages until the transaction ends, so that
     * ids are handed out in commit order even if the processor runs several segments or instances overlap.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Query(value = "select id from stream_log where id = 1 for update", nativeQuery = true)
    Integer lockForWrite();

    /** Every message up to this id has been deleted by the retention job (0 when none). */
    @Query(value = "select purged_up_to from stream_log where id = 1", nativeQuery = true)
    Long findPurgedUpTo();

    @Transactional(propagation = Propagation.MANDATORY)
    @Modifying
    @Query(value = "update stream_log set purged_up_to = :id where id = 1 and purged_up_to < :id", nativeQuery = true)
    int markPurgedUpTo(@Param("id") long id);
}
