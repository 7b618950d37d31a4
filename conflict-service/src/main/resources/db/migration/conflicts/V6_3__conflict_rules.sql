-- A merchant's conflict rules, as the JSON list of ConflictRule in the order they are tried.
create table conflict_rules (
    merchant_id varchar(255) not null,
    rules       text         not null,
    changed_by  varchar(255),
    changed_at  timestamp(6) with time zone not null,
    constraint pk_conflict_rules primary key (merchant_id)
);
