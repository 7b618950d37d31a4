package io.syncline.gateway.channels;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The merchants' channels. */
public interface ChannelRepository extends JpaRepository<ChannelRow, ChannelRow.Key> {

    List<ChannelRow> findByIdMerchantIdOrderByIdChannelId(String merchantId);
}
