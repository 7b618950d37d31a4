-- Adaptive buffers (bufferMode AUTO): each listing's computed buffer and the figures it came from, and the
-- channels' recent push lags (from a wanted quantity's change to the channel's acknowledgement) they use.
alter table channel_listings add column auto_buffer integer;
alter table channel_listings add column buffer_reason varchar(1000);

create table channel_push_lags (
    merchant_id     varchar(64)              not null,
    channel_id      varchar(40)              not null,
    acknowledged_at timestamp with time zone not null,
    lag_ms          bigint                   not null
);
create index channel_push_lags_idx on channel_push_lags (merchant_id, channel_id, acknowledged_at);
