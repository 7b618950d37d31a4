package io.syncline.orders.command;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The channel-order lookup of the command side. */
public interface ChannelOrderKeyRepository extends JpaRepository<ChannelOrderKey, String> {

    /** The order a merchant's channel order became, if any. */
    @Query("select k.orderId from ChannelOrderKey k"
            + " where k.merchantId = :merchantId and k.channel = :channel and k.channelOrderId = :channelOrderId")
    Optional<String> findOrderId(
            @Param("merchantId") String merchantId,
            @Param("channel") String channel,
            @Param("channelOrderId") String channelOrderId);

    Optional<ChannelOrderKey> findByMerchantIdAndChannelAndChannelOrderId(
            String merchantId, String channel, String channelOrderId);
}
