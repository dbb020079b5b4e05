-- Cashiers' shifts as the stations journal them (ledger migration 6): opened with a float,
-- closed once with a count and the person the drawer was handed to. Keyed by store first like
-- everything else; a few rows per station and day, so not partitioned. A close is its own row
-- (append-only, as at the station), on the station's local day it was made.
CREATE TABLE shifts (
  store_id text NOT NULL,
  station_id text NOT NULL,
  shift_id text NOT NULL,
  day date NOT NULL,
  cashier_id text NOT NULL,
  cashier_name text NOT NULL,
  opened_at bigint NOT NULL,
  float bigint NOT NULL,
  taken_from text,
  PRIMARY KEY (store_id, station_id, shift_id)
);
CREATE INDEX shifts_by_day ON shifts (store_id, day);

CREATE TABLE shift_closes (
  store_id text NOT NULL,
  station_id text NOT NULL,
  shift_id text NOT NULL,
  day date NOT NULL,
  closed_at bigint NOT NULL,
  counted bigint NOT NULL,
  handed_to text,
  note text NOT NULL,
  PRIMARY KEY (store_id, station_id, shift_id)
);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    PERFORM create_distributed_table('shifts', 'store_id', colocate_with => 'stores');
    PERFORM create_distributed_table('shift_closes', 'store_id', colocate_with => 'stores');
  END IF;
END $$;
