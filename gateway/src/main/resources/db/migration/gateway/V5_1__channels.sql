-- The merchant's channels (one shop on a sales platform each) and the listings that link our SKUs to
-- the channel's items. Secrets and tokens are stored only encrypted (AES-GCM, see SecretBox).
create table channels (
    merchant_id         varchar(64)              not null,
    channel_id          varchar(40)              not null,
    kind                varchar(16)              not null,
    name                varchar(255),
    api_base_url        varchar(2048)            not null,
    webhook_secret      ${binaryType}            not null,
    access_token        ${binaryType}            not null,
    app_key             varchar(255),
    shop_cipher         varchar(255),
    location_id         varchar(255),
    warehouse_id        varchar(255),
    api_version         varchar(32),
    buffer_stock        integer                  not null,
    buffer_mode         varchar(8)               not null,
    buffer_max          integer,
    enabled             boolean                  not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint pk_channels primary key (merchant_id, channel_id),
    constraint ck_channels_kind check (kind in ('SHOPIFY', 'TIKTOK_SHOP')),
    constraint ck_channels_buffer_mode check (buffer_mode in ('FIXED', 'AUTO'))
);

create table channel_listings (
    merchant_id         varchar(64)              not null,
    channel_id          varchar(40)              not null,
    sku                 varchar(64)              not null,
    inventory_item_id   varchar(255),
    product_id          varchar(64),
    sku_id              varchar(64),
    channel_quantity    integer,
    wanted_quantity     integer,
    pushed_at           timestamp with time zone,
    updated_at          timestamp with time zone not null,
    constraint pk_channel_listings primary key (merchant_id, channel_id, sku),
    constraint fk_channel_listings_channel foreign key (merchant_id, channel_id)
        references channels (merchant_id, channel_id) on delete cascade
);
