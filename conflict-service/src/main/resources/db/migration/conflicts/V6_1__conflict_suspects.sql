-- Detection: stock reports that disagree with what we wanted, waiting for the settle time (one per cause key;
-- a newer report replaces the older). A persistent db-scheduler task (conflict-settle) checks each when due.
create table conflict_suspects (
    suspect_id  varchar(64)  not null,
    merchant_id varchar(255) not null,
    cause_key   varchar(600) not null,
    channel     varchar(255) not null,
    sku         varchar(255) not null,
    report_id   varchar(255) not null,
    ours        integer      not null,
    theirs      integer      not null,
    buffer      integer,
    available   integer,
    source      varchar(32),
    delivery_id varchar(255),
    reported_at timestamp(6) with time zone,
    taken_at    timestamp(6) with time zone not null,
    due_at      timestamp(6) with time zone not null,
    constraint pk_conflict_suspects primary key (suspect_id),
    constraint uq_conflict_suspects_key unique (merchant_id, cause_key)
);
create index ix_conflict_suspects_sku on conflict_suspects (merchant_id, sku);
