-- What a listing's channel was last known to show (channel_quantity, certainly since channel_quantity_at) it may
-- have shown since channel_quantity_since: when the push that set it was sent, or the report's own time. A stock
-- report carries both, so that the channel's own sales since can explain what it shows next.
alter table channel_listings add column pushing_since timestamp with time zone;
alter table channel_listings add column channel_quantity_since timestamp with time zone;
