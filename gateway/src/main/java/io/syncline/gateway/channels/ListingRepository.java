package io.syncline.gateway.channels;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The channels' listings. */
public interface ListingRepository extends JpaRepository<ListingRow, ListingRow.Key> {

    List<ListingRow> findByIdMerchantIdAndIdChannelIdOrderByIdSku(String merchantId, String channelId);

    List<ListingRow> findByIdMerchantIdAndIdChannelIdAndInventoryItemId(
            String merchantId, String channelId, String inventoryItemId);

    List<ListingRow> findByIdMerchantIdAndIdChannelIdAndSkuId(String merchantId, String channelId, String skuId);

    long countByIdMerchantIdAndIdChannelId(String merchantId, String channelId);
}
