-- Command-side lookup for set-based validation: which order a merchant's channel order became.
-- Written in the transaction that stores OrderPlaced; the unique key stops two racing placements
-- of the same channel order. Not a read model: it is never replayed or reset.
create table channel_order_keys (
    order_id         varchar(255)             not null,
    merchant_id      varchar(255)             not null,
    channel          varchar(255)             not null,
    channel_order_id varchar(255)             not null,
    created_at       timestamp with time zone not null,
    constraint pk_channel_order_keys primary key (order_id),
    constraint uk_channel_order_keys unique (merchant_id, channel, channel_order_id)
);
