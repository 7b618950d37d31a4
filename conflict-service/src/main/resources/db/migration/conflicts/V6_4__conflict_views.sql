-- The conflict read model (processing group conflict-views). Sides and details are JSON.
create table conflicts (
    conflict_id          varchar(64)  not null,
    merchant_id          varchar(255) not null,
    kind                 varchar(32)  not null,
    status               varchar(16)  not null,
    severity             varchar(16)  not null,
    sku                  varchar(255),
    order_id             varchar(255),
    channel              varchar(255),
    ours                 text,
    theirs               text,
    detected_at          timestamp(6) with time zone not null,
    resolution           varchar(32),
    resolved_by          varchar(255),
    resolved_at          timestamp(6) with time zone,
    -- theirs − ours when detected (quantity kinds), and what happened then: OPEN, or the rule's resolution
    first_difference     integer,
    outcome_at_detection varchar(32)  not null,
    last_sequence        bigint       not null,
    constraint pk_conflicts primary key (conflict_id)
);
create index ix_conflicts_merchant_detected on conflicts (merchant_id, detected_at);
create index ix_conflicts_merchant_status on conflicts (merchant_id, status);

create table conflict_history (
    conflict_id varchar(64)  not null,
    seq         bigint       not null,
    happened_at timestamp(6) with time zone not null,
    what        varchar(32)  not null,
    by_whom     varchar(255) not null,
    detail      text,
    constraint pk_conflict_history primary key (conflict_id, seq)
);
