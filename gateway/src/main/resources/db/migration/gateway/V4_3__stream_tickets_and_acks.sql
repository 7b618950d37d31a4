-- Single-use stream tickets, shared by every gateway on the database: a ticket issued by one instance
-- opens a stream on any other, also after a restart. Only the SHA-256 of a ticket is kept, never the
-- ticket, with the authentication it stands for.
create table stream_tickets (
    -- lower-case hex SHA-256 of the ticket
    ticket_hash varchar(64)              primary key,
    user_id     varchar(255)             not null,
    merchant_id varchar(255)             not null,
    -- the token's roles, comma-separated
    roles       varchar(255)             not null,
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);

-- the cap counts one user's unexpired tickets
create index stream_tickets_user_idx on stream_tickets (user_id, expires_at);
-- the purge deletes expired tickets
create index stream_tickets_expires_idx on stream_tickets (expires_at);
