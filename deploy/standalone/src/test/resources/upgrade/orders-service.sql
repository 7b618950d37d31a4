--
-- PostgreSQL database dump
--

\restrict fLqQxc8hshxUcBeFHKu2qjs8RghW3HTjUM4GSYn2dhcZfTSiQxpp6tWDVWA73sR

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
-- Name: channel_order_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.channel_order_keys (
    order_id character varying(255) NOT NULL,
    merchant_id character varying(255) NOT NULL,
    channel character varying(255) NOT NULL,
    channel_order_id character varying(255) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


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
-- Name: order_view_lines; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_view_lines (
    order_id character varying(255) NOT NULL,
    line_no integer NOT NULL,
    sku character varying(255) NOT NULL,
    quantity integer NOT NULL
);


--
-- Name: order_views; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.order_views (
    order_id character varying(255) NOT NULL,
    merchant_id character varying(255) NOT NULL,
    channel character varying(255) NOT NULL,
    channel_order_id character varying(255) NOT NULL,
    status character varying(32) NOT NULL,
    reason character varying(1024),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint NOT NULL
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
-- Name: scheduled_tasks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.scheduled_tasks (
    task_name character varying(255) NOT NULL,
    task_instance character varying(255) NOT NULL,
    task_data bytea,
    execution_time timestamp(6) with time zone NOT NULL,
    picked boolean NOT NULL,
    picked_by character varying(255),
    last_success timestamp(6) with time zone,
    last_failure timestamp(6) with time zone,
    consecutive_failures integer,
    last_heartbeat timestamp(6) with time zone,
    version bigint NOT NULL,
    priority smallint
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
-- Data for Name: channel_order_keys; Type: TABLE DATA; Schema: public; Owner: -
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

INSERT INTO public.flyway_schema_history VALUES (1, '1.0', 'axon infrastructure', 'SQL', 'V1_0__axon_infrastructure.sql', 806414562, 'postgres', '2026-12-01 22:42:41.288542', 150, true);
INSERT INTO public.flyway_schema_history VALUES (2, '1.1', 'deadline scheduler', 'SQL', 'V1_1__deadline_scheduler.sql', -2086458153, 'postgres', '2026-12-01 22:42:41.506612', 48, true);
INSERT INTO public.flyway_schema_history VALUES (3, '3.0', 'order views', 'SQL', 'V3_0__order_views.sql', -414498520, 'postgres', '2026-12-01 22:42:41.582246', 46, true);
INSERT INTO public.flyway_schema_history VALUES (4, '3.1', 'channel order keys', 'SQL', 'V3_1__channel_order_keys.sql', 1888678836, 'postgres', '2026-12-01 22:42:41.66045', 28, true);


--
-- Data for Name: order_view_lines; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: order_views; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: saga_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: scheduled_tasks; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: snapshot_event_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: token_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.token_entry VALUES (9, NULL, NULL, 'order-views', '2026-12-01T22:43:34.703Z', NULL);
INSERT INTO public.token_entry VALUES (10, NULL, NULL, 'order-views', '2026-12-01T22:43:34.716Z', NULL);
INSERT INTO public.token_entry VALUES (12, NULL, NULL, 'order-views', '2026-12-01T22:43:34.738Z', NULL);
INSERT INTO public.token_entry VALUES (13, NULL, NULL, 'order-views', '2026-12-01T22:43:34.745Z', NULL);
INSERT INTO public.token_entry VALUES (11, NULL, NULL, 'order-views', '2026-12-01T22:43:34.724Z', NULL);
INSERT INTO public.token_entry VALUES (15, NULL, NULL, 'order-views', '2026-12-01T22:43:34.769Z', NULL);
INSERT INTO public.token_entry VALUES (14, NULL, NULL, 'order-views', '2026-12-01T22:43:34.764Z', NULL);
INSERT INTO public.token_entry VALUES (1, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.567Z', NULL);
INSERT INTO public.token_entry VALUES (3, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.566Z', NULL);
INSERT INTO public.token_entry VALUES (2, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.565Z', NULL);
INSERT INTO public.token_entry VALUES (5, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.570Z', NULL);
INSERT INTO public.token_entry VALUES (0, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.563Z', NULL);
INSERT INTO public.token_entry VALUES (4, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.568Z', NULL);
INSERT INTO public.token_entry VALUES (6, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.570Z', NULL);
INSERT INTO public.token_entry VALUES (7, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.589Z', NULL);
INSERT INTO public.token_entry VALUES (8, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.591Z', NULL);
INSERT INTO public.token_entry VALUES (9, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.593Z', NULL);
INSERT INTO public.token_entry VALUES (10, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.594Z', NULL);
INSERT INTO public.token_entry VALUES (0, NULL, NULL, 'order-views', '2026-12-01T22:43:34.630Z', NULL);
INSERT INTO public.token_entry VALUES (1, NULL, NULL, 'order-views', '2026-12-01T22:43:34.631Z', NULL);
INSERT INTO public.token_entry VALUES (13, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.596Z', NULL);
INSERT INTO public.token_entry VALUES (12, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.596Z', NULL);
INSERT INTO public.token_entry VALUES (3, NULL, NULL, 'order-views', '2026-12-01T22:43:34.631Z', NULL);
INSERT INTO public.token_entry VALUES (15, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:35.064Z', NULL);
INSERT INTO public.token_entry VALUES (2, NULL, NULL, 'order-views', '2026-12-01T22:43:34.633Z', NULL);
INSERT INTO public.token_entry VALUES (4, NULL, NULL, 'order-views', '2026-12-01T22:43:34.693Z', NULL);
INSERT INTO public.token_entry VALUES (11, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:34.595Z', NULL);
INSERT INTO public.token_entry VALUES (14, NULL, NULL, 'OrderFulfilmentSagaProcessor', '2026-12-01T22:43:35.064Z', NULL);
INSERT INTO public.token_entry VALUES (6, NULL, NULL, 'order-views', '2026-12-01T22:43:34.674Z', NULL);
INSERT INTO public.token_entry VALUES (5, NULL, NULL, 'order-views', '2026-12-01T22:43:35.130Z', NULL);
INSERT INTO public.token_entry VALUES (7, NULL, NULL, 'order-views', '2026-12-01T22:43:34.686Z', NULL);
INSERT INTO public.token_entry VALUES (8, NULL, NULL, 'order-views', '2026-12-01T22:43:34.695Z', NULL);


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
-- Name: channel_order_keys pk_channel_order_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_order_keys
    ADD CONSTRAINT pk_channel_order_keys PRIMARY KEY (order_id);


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
-- Name: order_view_lines pk_order_view_lines; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_view_lines
    ADD CONSTRAINT pk_order_view_lines PRIMARY KEY (order_id, line_no);


--
-- Name: order_views pk_order_views; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_views
    ADD CONSTRAINT pk_order_views PRIMARY KEY (order_id);


--
-- Name: saga_entry pk_saga_entry; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saga_entry
    ADD CONSTRAINT pk_saga_entry PRIMARY KEY (saga_id);


--
-- Name: scheduled_tasks pk_scheduled_tasks; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.scheduled_tasks
    ADD CONSTRAINT pk_scheduled_tasks PRIMARY KEY (task_name, task_instance);


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
-- Name: channel_order_keys uk_channel_order_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_order_keys
    ADD CONSTRAINT uk_channel_order_keys UNIQUE (merchant_id, channel, channel_order_id);


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
-- Name: ix_order_views_channel_order; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_order_views_channel_order ON public.order_views USING btree (merchant_id, channel, channel_order_id);


--
-- Name: ix_order_views_merchant_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_order_views_merchant_created ON public.order_views USING btree (merchant_id, created_at);


--
-- Name: ix_order_views_merchant_status_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_order_views_merchant_status_created ON public.order_views USING btree (merchant_id, status, created_at);


--
-- Name: ix_scheduled_tasks_execution_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_scheduled_tasks_execution_time ON public.scheduled_tasks USING btree (execution_time);


--
-- Name: ix_scheduled_tasks_last_heartbeat; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_scheduled_tasks_last_heartbeat ON public.scheduled_tasks USING btree (last_heartbeat);


--
-- Name: ix_scheduled_tasks_priority; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_scheduled_tasks_priority ON public.scheduled_tasks USING btree (priority DESC, execution_time);


--
-- Name: ix_snapshot_event_entry_aggregate; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_snapshot_event_entry_aggregate ON public.snapshot_event_entry USING btree (aggregate_identifier, sequence_number);


--
-- Name: order_view_lines fk_order_view_lines_order; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.order_view_lines
    ADD CONSTRAINT fk_order_view_lines_order FOREIGN KEY (order_id) REFERENCES public.order_views(order_id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict fLqQxc8hshxUcBeFHKu2qjs8RghW3HTjUM4GSYn2dhcZfTSiQxpp6tWDVWA73sR

