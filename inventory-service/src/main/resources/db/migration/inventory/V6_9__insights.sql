-- Insights read model: what the sales of each SKU and the orders of each channel say. Rebuilt by replaying
-- the stock and order events.

-- one row per SKU: since when it is known, what is available, and whether its stock-out alert is raised
create table insight_sku (
    merchant_id   varchar(255)             not null,
    sku           varchar(255)             not null,
    known_since   timestamp with time zone not null,
    available     integer                  not null,
    cover_alerted boolean                  not null,
    primary key (merchant_id, sku)
);

-- orders placed and not yet settled (shipped, cancelled or rejected): their lines become sales when confirmed
create table insight_order (
    order_id    varchar(255)             not null primary key,
    merchant_id varchar(255)             not null,
    channel     varchar(255),
    placed_at   timestamp with time zone not null,
    lines       varchar(8000)            not null,
    confirmed   boolean                  not null
);

-- units sold per order and SKU at the time the customer ordered; kept for the velocity's week, then pruned
create table insight_sale (
    order_id    varchar(255)             not null,
    sku         varchar(255)             not null,
    merchant_id varchar(255)             not null,
    channel     varchar(255),
    units       integer                  not null,
    sold_at     timestamp with time zone not null,
    primary key (order_id, sku)
);
create index insight_sale_sku_idx on insight_sale (merchant_id, sku, sold_at);
create index insight_sale_sold_idx on insight_sale (sold_at);

-- units sold per SKU and UTC day, the forecast's history
create table insight_sku_day (
    merchant_id varchar(255) not null,
    sku         varchar(255) not null,
    sale_day    date         not null,
    units       integer      not null,
    primary key (merchant_id, sku, sale_day)
);

-- orders placed per channel and UTC hour, the anomalies' history
create table insight_channel_hour (
    merchant_id varchar(255)             not null,
    channel     varchar(255)             not null,
    hour_start  timestamp with time zone not null,
    orders      integer                  not null,
    primary key (merchant_id, channel, hour_start)
);
