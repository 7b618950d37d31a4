package io.syncline.gateway.idempotency;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IdempotencyRecordRepository extends JpaRepository<IdempotencyRecord, IdempotencyRecord.Key> {

    @Modifying
    @Query("delete from IdempotencyRecord r where r.createdAt < :before")
    int deleteCreatedBefore(@Param("before") Instant before);

    @Modifying
    @Query("delete from IdempotencyRecord r where r.id.merchantId = :merchantId"
            + " and r.id.idempotencyKey = :key and r.state = :state")
    int deleteInState(
            @Param("merchantId") String merchantId,
            @Param("key") String key,
            @Param("state") IdempotencyRecord.State state);
}
