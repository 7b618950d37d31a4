-- Detection's own copies of what it needs from inventory and orders (services never read each other's tables).
create table conflict_stock (
    merchant_id varchar(255) not null,
    sku         varchar(255) not null,
    available   integer      not null,
    constraint pk_conflict_stock primary key (merchant_id, sku)
);

create table conflict_orders (
    order_id         varchar(255) not null,
    merchant_id      varchar(255) not null,
    channel          varchar(255),
    channel_order_id varchar(255),
    lines            text         not null,
    status           varchar(32)  not null,
    constraint pk_conflict_orders primary key (order_id)
);
