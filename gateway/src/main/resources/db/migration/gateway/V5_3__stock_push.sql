-- What each SKU has available, as the stock events last said: a listing or buffer change computes the
-- quantity a channel should show without asking the inventory service.
create table channel_stock_levels (
    merchant_id         varchar(64)              not null,
    sku                 varchar(64)              not null,
    available           integer                  not null,
    changed_at          timestamp with time zone not null,
    constraint pk_channel_stock_levels primary key (merchant_id, sku)
);

-- The push state of a listing: one row per (channel, SKU), never a queue. wanted_quantity is what the
-- channel should show; channel_quantity what we believe it shows. While they differ a push is due at
-- next_push_at; only the newest wanted quantity is ever sent.
alter table channel_listings add column wanted_changed_at timestamp with time zone;
alter table channel_listings add column next_push_at timestamp with time zone;
alter table channel_listings add column push_claimed_until timestamp with time zone;
alter table channel_listings add column push_attempts integer not null default 0;
alter table channel_listings add column push_error varchar(2000);
alter table channel_listings add column acknowledged_at timestamp with time zone;
alter table channel_listings add column push_lag_ms bigint;

create index ix_channel_listings_push on channel_listings (next_push_at);
create index ix_channel_listings_sku on channel_listings (merchant_id, sku);
