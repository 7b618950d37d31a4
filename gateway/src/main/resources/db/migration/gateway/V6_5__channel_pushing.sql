-- The quantity of a push claimed or sent and not yet answered: a channel report that shows it is our own push
-- in flight, not a disagreement. Cleared when the push is acknowledged, fails, is postponed or dropped.
alter table channel_listings add column pushing_quantity integer;
