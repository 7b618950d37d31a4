-- Stock-level read model: one row per merchant and SKU, rebuilt by replaying the stock events.
create table stock_levels (
    merchant_id         varchar(255)             not null,
    sku                 varchar(255)             not null,
    name                varchar(255),
    on_hand             integer                  not null,
    reserved            integer                  not null,
    low_stock_threshold integer                  not null,
    -- available <= threshold, kept by the projection so the low filter can use an index
    low                 boolean                  not null,
    -- sequence number of the last stock event applied; replays skip what is not newer
    version             bigint                   not null,
    updated_at          timestamp with time zone not null,
    primary key (merchant_id, sku)
);

-- pages of one merchant's low SKUs in SKU order; the primary key serves the unfiltered pages
create index stock_levels_low_idx on stock_levels (merchant_id, low, sku);
