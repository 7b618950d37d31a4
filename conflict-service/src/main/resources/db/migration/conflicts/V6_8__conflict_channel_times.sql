-- When each channel order was placed on its channel and here, and when its status last changed here, so that a channel's own
-- orders since we last knew what it showed can explain what it shows next; the suspects keep what we knew then.
alter table conflict_orders add column placed_at timestamp(6) with time zone;
alter table conflict_orders add column channel_placed_at timestamp(6) with time zone;
alter table conflict_orders add column status_at timestamp(6) with time zone;
-- when the channel cancelled an order we had shipped (its stock may be back on the channel, ours stays shipped)
alter table conflict_orders add column channel_cancelled_at timestamp(6) with time zone;
create index ix_conflict_orders_placed on conflict_orders (merchant_id, channel, channel_placed_at);
create index ix_conflict_orders_status on conflict_orders (merchant_id, channel, status_at);
create index ix_conflict_orders_ours on conflict_orders (merchant_id, channel, placed_at);
alter table conflict_suspects add column believed integer;
alter table conflict_suspects add column believed_from timestamp(6) with time zone;
alter table conflict_suspects add column believed_at timestamp(6) with time zone;
