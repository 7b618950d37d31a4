-- Responses remembered per (merchant, Idempotency-Key), so that a retried POST gets the first answer.
create table idempotency_records (
    merchant_id           varchar(64)      not null,
    idempotency_key       varchar(255)     not null,
    request_hash          varchar(64)      not null,
    state                 varchar(16)      not null,
    response_status       integer,
    response_location     varchar(2048),
    response_content_type varchar(255),
    response_body         varchar(1048576),
    created_at            timestamp with time zone not null,
    completed_at          timestamp with time zone,
    constraint pk_idempotency_records primary key (merchant_id, idempotency_key),
    constraint ck_idempotency_records_state check (state in ('IN_PROGRESS', 'COMPLETED'))
);

create index ix_idempotency_records_created_at on idempotency_records (created_at);
