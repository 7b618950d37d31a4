-- Versions are unique across every module (the standalone applies them all to one database): a new
-- migration takes the next version above the highest in the tree.
-- Orders whose fulfilment keeps failing (OrderFulfilmentStalled until OrderFulfilmentResumed).
alter table order_views add column stalled boolean default false not null;
alter table order_views add column stall_reason varchar(1024);

create index ix_order_views_merchant_stalled on order_views (merchant_id, stalled, created_at);
