package io.syncline.inventory.levels;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Stock levels by merchant and SKU. */
public interface StockLevelRepository extends JpaRepository<StockLevel, StockLevel.Key> {

    Page<StockLevel> findByMerchantIdOrderBySku(String merchantId, Pageable pageable);

    Page<StockLevel> findByMerchantIdAndLowTrueOrderBySku(String merchantId, Pageable pageable);
}
