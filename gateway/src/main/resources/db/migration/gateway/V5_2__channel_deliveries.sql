-- The webhook inbox: every correctly signed delivery is stored here before it is answered, then
-- processed from here, so an answer never waits for processing and a crash loses nothing.
create table channel_deliveries (
    delivery_id         varchar(36)              not null,
    merchant_id         varchar(64)              not null,
    channel_id          varchar(40)              not null,
    -- the platform's de-duplication key (Shopify: topic and event id; TikTok Shop: notification id)
    dedupe_key          varchar(300)             not null,
    topic               varchar(100)             not null,
    body                ${binaryType}            not null,
    -- the headers that matter besides the signature, as a JSON object; never the signature
    headers             varchar(4000)            not null,
    correlation_id      varchar(128),
    sent_at             timestamp with time zone,
    received_at         timestamp with time zone not null,
    status              varchar(12)              not null,
    attempts            integer                  not null,
    error               varchar(2000),
    order_id            varchar(64),
    next_attempt_at     timestamp with time zone,
    claimed_until       timestamp with time zone,
    updated_at          timestamp with time zone not null,
    constraint pk_channel_deliveries primary key (delivery_id),
    constraint uq_channel_deliveries_dedupe unique (merchant_id, channel_id, dedupe_key),
    constraint ck_channel_deliveries_status check (status in ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED'))
);

-- what the processor looks for: deliveries due now
create index ix_channel_deliveries_due on channel_deliveries (next_attempt_at);
-- what the deliveries page lists: a channel's newest first
create index ix_channel_deliveries_channel on channel_deliveries (merchant_id, channel_id, received_at);

-- A channel's order as its deliveries described it: the Syncline order it became, and a cancellation or
-- shipment that arrived before its creation (applied once the order exists). Its row is locked while a
-- delivery of that order is processed, so deliveries of one order never interleave.
create table channel_orders (
    merchant_id         varchar(64)              not null,
    channel_id          varchar(40)              not null,
    channel_order_id    varchar(64)              not null,
    order_id            varchar(64),
    wanted              varchar(12),
    wanted_reason       varchar(500),
    last_update_at      timestamp with time zone,
    updated_at          timestamp with time zone not null,
    constraint pk_channel_orders primary key (merchant_id, channel_id, channel_order_id),
    constraint ck_channel_orders_wanted check (wanted in ('CANCELLED', 'SHIPPED'))
);

-- when the channel's quantity was reported, so that an older report does not overwrite a newer one
alter table channel_listings add column channel_quantity_at timestamp with time zone;
