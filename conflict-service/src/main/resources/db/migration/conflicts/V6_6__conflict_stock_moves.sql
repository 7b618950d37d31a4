-- Detection: the SKU's recent stock moves, newest last, as a JSON array of [available after, channel whose own
-- order moved it or null, that channel's units, event time in epoch microseconds]. Bounded by time and count; a
-- channel's report is judged against the states in it (see Explanations).
alter table conflict_stock add column moves text;
