-- Detection: the conflicts it opened, by cause. open_key is the cause key while the conflict is open and null
-- once resolved, so that a cause has at most one open conflict (nulls never collide in a unique constraint).
create table conflict_causes (
    conflict_id varchar(64)  not null,
    merchant_id varchar(255) not null,
    cause_key   varchar(600) not null,
    open_key    varchar(600),
    kind        varchar(32)  not null,
    channel     varchar(255),
    sku         varchar(255),
    order_id    varchar(255),
    theirs      text,
    detected_at timestamp(6) with time zone not null,
    constraint pk_conflict_causes primary key (conflict_id),
    constraint uq_conflict_causes_open unique (merchant_id, open_key)
);
create index ix_conflict_causes_key on conflict_causes (merchant_id, cause_key, detected_at);
