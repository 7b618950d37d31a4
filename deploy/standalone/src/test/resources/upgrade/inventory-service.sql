--
-- PostgreSQL database dump
--

\restrict ab3Nv5HunJQEILJ2o8aVX80F9z24rXTNtso3qKQ1dK1SsatddAG1YfJb9rmTDZP

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: association_value_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.association_value_entry (
    id bigint NOT NULL,
    association_key character varying(255) NOT NULL,
    association_value character varying(255),
    saga_id character varying(255) NOT NULL,
    saga_type character varying(255)
);


--
-- Name: association_value_entry_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.association_value_entry_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: dead_letter_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dead_letter_entry (
    enqueued_at timestamp(6) with time zone NOT NULL,
    last_touched timestamp(6) with time zone,
    processing_started timestamp(6) with time zone,
    sequence_index bigint NOT NULL,
    sequence_number bigint,
    cause_message character varying(1023),
    diagnostics bytea,
    meta_data bytea,
    payload bytea NOT NULL,
    token bytea,
    aggregate_identifier character varying(255),
    cause_type character varying(255),
    dead_letter_id character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    message_type character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    processing_group character varying(255) NOT NULL,
    sequence_identifier character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    token_type character varying(255),
    type character varying(255)
);


--
-- Name: domain_event_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.domain_event_entry (
    global_index bigint NOT NULL,
    sequence_number bigint NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    type character varying(255)
);


--
-- Name: domain_event_entry_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.domain_event_entry_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: saga_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.saga_entry (
    serialized_saga bytea,
    revision character varying(255),
    saga_id character varying(255) NOT NULL,
    saga_type character varying(255)
);


--
-- Name: snapshot_event_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.snapshot_event_entry (
    sequence_number bigint NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    type character varying(255) NOT NULL
);


--
-- Name: stock_levels; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stock_levels (
    merchant_id character varying(255) NOT NULL,
    sku character varying(255) NOT NULL,
    name character varying(255),
    on_hand integer NOT NULL,
    reserved integer NOT NULL,
    low_stock_threshold integer NOT NULL,
    low boolean NOT NULL,
    version bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: token_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.token_entry (
    segment integer NOT NULL,
    token bytea,
    owner character varying(255),
    processor_name character varying(255) NOT NULL,
    "timestamp" character varying(255) NOT NULL,
    token_type character varying(255)
);


--
-- Data for Name: association_value_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: dead_letter_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: domain_event_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history VALUES (1, '1.0', 'axon infrastructure', 'SQL', 'V1_0__axon_infrastructure.sql', 806414562, 'postgres', '2026-12-01 22:42:37.822606', 128, true);
INSERT INTO public.flyway_schema_history VALUES (2, '2.0', 'stock levels', 'SQL', 'V2_0__stock_levels.sql', 1198908702, 'postgres', '2026-12-01 22:42:38.126571', 22, true);


--
-- Data for Name: saga_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: snapshot_event_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: stock_levels; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: token_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.token_entry VALUES (0, NULL, NULL, 'stock-levels', '2026-12-01T22:43:32.537Z', NULL);
INSERT INTO public.token_entry VALUES (4, NULL, NULL, 'stock-levels', '2026-12-01T22:43:32.529Z', NULL);
INSERT INTO public.token_entry VALUES (3, NULL, NULL, 'stock-levels', '2026-12-01T22:43:32.531Z', NULL);
INSERT INTO public.token_entry VALUES (5, NULL, NULL, 'stock-levels', '2026-12-01T22:43:32.540Z', NULL);
INSERT INTO public.token_entry VALUES (2, NULL, NULL, 'stock-levels', '2026-12-01T22:43:37.062Z', NULL);
INSERT INTO public.token_entry VALUES (6, NULL, NULL, 'stock-levels', '2026-12-01T22:43:33.531Z', NULL);
INSERT INTO public.token_entry VALUES (1, NULL, NULL, 'stock-levels', '2026-12-01T22:43:32.557Z', NULL);
INSERT INTO public.token_entry VALUES (7, NULL, NULL, 'stock-levels', '2026-12-01T22:43:33.030Z', NULL);
INSERT INTO public.token_entry VALUES (8, NULL, NULL, 'stock-levels', '2026-12-01T22:43:32.546Z', NULL);
INSERT INTO public.token_entry VALUES (10, NULL, NULL, 'stock-levels', '2026-12-01T22:43:33.530Z', NULL);
INSERT INTO public.token_entry VALUES (9, NULL, NULL, 'stock-levels', '2026-12-01T22:43:33.031Z', NULL);
INSERT INTO public.token_entry VALUES (11, NULL, NULL, 'stock-levels', '2026-12-01T22:43:33.032Z', NULL);
INSERT INTO public.token_entry VALUES (12, NULL, NULL, 'stock-levels', '2026-12-01T22:43:33.032Z', NULL);
INSERT INTO public.token_entry VALUES (13, NULL, NULL, 'stock-levels', '2026-12-01T22:43:32.545Z', NULL);
INSERT INTO public.token_entry VALUES (15, NULL, NULL, 'stock-levels', '2026-12-01T22:43:33.531Z', NULL);
INSERT INTO public.token_entry VALUES (14, NULL, NULL, 'stock-levels', '2026-12-01T22:43:32.551Z', NULL);


--
-- Name: association_value_entry_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.association_value_entry_seq', 1, false);


--
-- Name: domain_event_entry_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.domain_event_entry_seq', 1, false);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: association_value_entry pk_association_value_entry; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_value_entry
    ADD CONSTRAINT pk_association_value_entry PRIMARY KEY (id);


--
-- Name: dead_letter_entry pk_dead_letter_entry; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dead_letter_entry
    ADD CONSTRAINT pk_dead_letter_entry PRIMARY KEY (dead_letter_id);


--
-- Name: domain_event_entry pk_domain_event_entry; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domain_event_entry
    ADD CONSTRAINT pk_domain_event_entry PRIMARY KEY (global_index);


--
-- Name: saga_entry pk_saga_entry; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saga_entry
    ADD CONSTRAINT pk_saga_entry PRIMARY KEY (saga_id);


--
-- Name: snapshot_event_entry pk_snapshot_event_entry; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshot_event_entry
    ADD CONSTRAINT pk_snapshot_event_entry PRIMARY KEY (sequence_number, aggregate_identifier, type);


--
-- Name: token_entry pk_token_entry; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.token_entry
    ADD CONSTRAINT pk_token_entry PRIMARY KEY (segment, processor_name);


--
-- Name: stock_levels stock_levels_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stock_levels
    ADD CONSTRAINT stock_levels_pkey PRIMARY KEY (merchant_id, sku);


--
-- Name: dead_letter_entry uk_dead_letter_sequence; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dead_letter_entry
    ADD CONSTRAINT uk_dead_letter_sequence UNIQUE (processing_group, sequence_identifier, sequence_index);


--
-- Name: domain_event_entry uk_domain_event_entry_aggregate; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domain_event_entry
    ADD CONSTRAINT uk_domain_event_entry_aggregate UNIQUE (aggregate_identifier, sequence_number);


--
-- Name: domain_event_entry uk_domain_event_entry_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domain_event_entry
    ADD CONSTRAINT uk_domain_event_entry_id UNIQUE (event_identifier);


--
-- Name: snapshot_event_entry uk_snapshot_event_entry_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshot_event_entry
    ADD CONSTRAINT uk_snapshot_event_entry_id UNIQUE (event_identifier);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: ix_association_lookup; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_association_lookup ON public.association_value_entry USING btree (saga_type, association_key, association_value);


--
-- Name: ix_association_saga; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_association_saga ON public.association_value_entry USING btree (saga_id, saga_type);


--
-- Name: ix_dead_letter_group; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_dead_letter_group ON public.dead_letter_entry USING btree (processing_group);


--
-- Name: ix_dead_letter_group_sequence; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_dead_letter_group_sequence ON public.dead_letter_entry USING btree (processing_group, sequence_identifier);


--
-- Name: ix_snapshot_event_entry_aggregate; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_snapshot_event_entry_aggregate ON public.snapshot_event_entry USING btree (aggregate_identifier, sequence_number);


--
-- Name: stock_levels_low_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX stock_levels_low_idx ON public.stock_levels USING btree (merchant_id, low, sku);


--
-- PostgreSQL database dump complete
--

\unrestrict ab3Nv5HunJQEILJ2o8aVX80F9z24rXTNtso3qKQ1dK1SsatddAG1YfJb9rmTDZP

