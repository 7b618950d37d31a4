-- Order read model: one row per order plus its lines, rebuilt by replaying the order events.
create table order_views (
    order_id         varchar(255)             not null,
    merchant_id      varchar(255)             not null,
    channel          varchar(255)             not null,
    channel_order_id varchar(255)             not null,
    status           varchar(32)              not null,
    reason           varchar(1024),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    -- sequence number of the last order event applied; redeliveries skip what is not newer
    version          bigint                   not null,
    constraint pk_order_views primary key (order_id)
);

-- a merchant's pages, newest first, with or without a status filter
create index ix_order_views_merchant_status_created on order_views (merchant_id, status, created_at);
create index ix_order_views_merchant_created on order_views (merchant_id, created_at);
-- lookup by channel order
create index ix_order_views_channel_order on order_views (merchant_id, channel, channel_order_id);

-- lines as placed (not merged by SKU), in their original order
create table order_view_lines (
    order_id varchar(255) not null,
    line_no  integer      not null,
    sku      varchar(255) not null,
    quantity integer      not null,
    constraint pk_order_view_lines primary key (order_id, line_no),
    constraint fk_order_view_lines_order foreign key (order_id) references order_views (order_id) on delete cascade
);
