package io.syncline.live.stream;

import org.springframework.data.jpa.repository.JpaRepository;

/** The stream's view of each stock, by stock id. */
public interface StreamStockRepository extends JpaRepository<StreamStock, String> {}
