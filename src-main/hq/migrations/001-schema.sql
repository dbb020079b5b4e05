-- HQ schema. Every table is keyed by store first: on Citus the store is the distribution column
-- (002-citus.sql), so one station's batch is a single-shard transaction. The big tables are
-- partitioned by day; partitions are created on demand (partitions.ts). No foreign keys and no
-- sequences: neither survives distribution unchanged, and the station's order (seq) is the key.

CREATE TABLE stores (
  store_id text PRIMARY KEY,
  name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stations (
  store_id text NOT NULL,
  station_id text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'revoked')),
  credential_hash text,
  enrolled_at timestamptz,
  revoked_at timestamptz,
  -- The last journal entry applied and its hash: idempotency, order and the chain check.
  last_seq bigint NOT NULL DEFAULT 0,
  last_hash text,
  last_sync_at timestamptz,
  software_version text,
  health jsonb,
  chain_problem text,
  PRIMARY KEY (store_id, station_id)
);

CREATE TABLE enrolment_codes (
  store_id text NOT NULL,
  station_id text NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (store_id, code_hash)
);

-- Every ledger row as the station journaled it: the exact encoding that was hashed.
CREATE TABLE events (
  store_id text NOT NULL,
  station_id text NOT NULL,
  day date NOT NULL,
  seq bigint NOT NULL,
  tbl text NOT NULL,
  row_key text NOT NULL,
  payload text NOT NULL,
  hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, station_id, day, seq)
) PARTITION BY RANGE (day);

-- Attempts by the day in their id (P<yyyymmdd>…), so a lookup by id prunes to one partition.
CREATE TABLE attempts (
  store_id text NOT NULL,
  station_id text NOT NULL,
  day date NOT NULL,
  attempt_id text NOT NULL,
  order_id text NOT NULL,
  amount bigint NOT NULL,
  currency text NOT NULL,
  method text NOT NULL,
  platform text,
  provider text NOT NULL,
  shift text NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (store_id, station_id, day, attempt_id)
) PARTITION BY RANGE (day);

-- An attempt's final state (paid, failed, reversed) on the station's local day it happened.
CREATE TABLE outcomes (
  store_id text NOT NULL,
  station_id text NOT NULL,
  day date NOT NULL,
  attempt_id text NOT NULL,
  state text NOT NULL,
  amount bigint NOT NULL,
  currency text NOT NULL,
  method text NOT NULL,
  platform text,
  provider text NOT NULL,
  provider_ref text,
  at bigint NOT NULL,
  PRIMARY KEY (store_id, station_id, day, attempt_id)
) PARTITION BY RANGE (day);

CREATE TABLE refunds (
  store_id text NOT NULL,
  station_id text NOT NULL,
  day date NOT NULL,
  refund_id text NOT NULL,
  attempt_id text NOT NULL,
  amount bigint NOT NULL,
  reason text NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (store_id, station_id, day, refund_id)
) PARTITION BY RANGE (day);

-- A refund that succeeded, on the day it did, with its payment's method and provider.
CREATE TABLE refunds_settled (
  store_id text NOT NULL,
  station_id text NOT NULL,
  day date NOT NULL,
  refund_id text NOT NULL,
  attempt_id text NOT NULL,
  amount bigint NOT NULL,
  currency text NOT NULL,
  method text NOT NULL,
  platform text,
  provider text NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (store_id, station_id, day, refund_id)
) PARTITION BY RANGE (day);
