package io.syncline.live.stream.ws;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Critical messages waiting for acknowledgements, per user and merchant. */
public interface PendingAckRepository extends JpaRepository<PendingAckRow, Long> {

    /** Starts waiting for the message's acknowledgement; answers 0 when it is waiting already. */
    @Transactional
    @Modifying
    @Query(
            value = "insert into stream_pending_acks (user_id, merchant_id, message_id, topic, type, data, first_sent,"
                    + " last_sent) values (:userId, :merchantId, :messageId, :topic, :type, :data, :now, :now)"
                    + " on conflict do nothing",
            nativeQuery = true)
    int insertIfAbsent(
            @Param("userId") String userId,
            @Param("merchantId") String merchantId,
            @Param("messageId") long messageId,
            @Param("topic") String topic,
            @Param("type") String type,
            @Param("data") String data,
            @Param("now") Instant now);

    /** The message was sent again now. */
    @Transactional
    @Modifying
    @Query("update PendingAckRow p set p.lastSent = :now"
            + " where p.userId = :userId and p.merchantId = :merchantId and p.messageId = :messageId")
    int markSent(
            @Param("userId") String userId,
            @Param("merchantId") String merchantId,
            @Param("messageId") long messageId,
            @Param("now") Instant now);

    @Transactional
    @Modifying
    @Query("update PendingAckRow p set p.lastSent = :now where p.pendingId in :pendingIds")
    int markSent(@Param("pendingIds") Collection<Long> pendingIds, @Param("now") Instant now);

    /**
     * The newest row of the user and merchant after its newest {@code keep}: it and every older row are over
     * the limit; null when there are no more than {@code keep}.
     */
    @Query(
            value = "select pending_id from stream_pending_acks where user_id = :userId and merchant_id = :merchantId"
                    + " order by pending_id desc offset :keep rows fetch first 1 rows only",
            nativeQuery = true)
    Long findNewestBeyond(
            @Param("userId") String userId, @Param("merchantId") String merchantId, @Param("keep") int keep);

    @Transactional
    @Modifying
    @Query("delete from PendingAckRow p where p.userId = :userId and p.merchantId = :merchantId"
            + " and p.pendingId <= :pendingId")
    int deleteUpTo(
            @Param("userId") String userId, @Param("merchantId") String merchantId, @Param("pendingId") long pendingId);

    /** The message has been acknowledged. */
    @Transactional
    @Modifying
    @Query("delete from PendingAckRow p where p.userId = :userId and p.merchantId = :merchantId"
            + " and p.messageId = :messageId")
    int acknowledge(
            @Param("userId") String userId, @Param("merchantId") String merchantId, @Param("messageId") long messageId);

    /** The user's and merchant's messages sent first after {@code expiredUpTo} and last at or before {@code before}. */
    @Query("select p from PendingAckRow p where p.userId = :userId and p.merchantId = :merchantId"
            + " and p.firstSent > :expiredUpTo and p.lastSent <= :before order by p.pendingId")
    List<PendingAckRow> findDue(
            @Param("userId") String userId,
            @Param("merchantId") String merchantId,
            @Param("expiredUpTo") Instant expiredUpTo,
            @Param("before") Instant before);

    /** Users and merchants ({@code [userId, merchantId]}) with a message {@link #findDue} would find. */
    @Query("select distinct p.userId, p.merchantId from PendingAckRow p"
            + " where p.firstSent > :expiredUpTo and p.lastSent <= :before")
    List<Object[]> findDueKeys(@Param("expiredUpTo") Instant expiredUpTo, @Param("before") Instant before);

    @Transactional
    @Modifying
    @Query("delete from PendingAckRow p where p.firstSent <= :expiredUpTo")
    int deleteExpired(@Param("expiredUpTo") Instant expiredUpTo);

    long countByUserIdAndMerchantId(String userId, String merchantId);
}
