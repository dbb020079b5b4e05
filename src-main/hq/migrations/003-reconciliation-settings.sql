-- Merchant-level reconciliation results and settings pushed to stations.

-- A provider's daily statement covers every store of the merchant: its result is chain-wide,
-- one row per provider and day, replaced when the statement is reconciled again. On Citus a
-- reference table (replicated to every worker), so it needs no distribution column.
CREATE TABLE reconciliations (
  provider text NOT NULL,
  day date NOT NULL,
  format text NOT NULL,
  balanced boolean NOT NULL,
  result jsonb NOT NULL,
  reconciled_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, day)
);

-- Settings HQ pushes to every station of a store: the raw config keys set (never defaults, so a
-- station keeps what HQ does not set). The revision grows by one per change.
CREATE TABLE store_settings (
  store_id text NOT NULL,
  revision integer NOT NULL,
  settings jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id)
);

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    PERFORM create_reference_table('reconciliations');
    PERFORM create_distributed_table('store_settings', 'store_id', colocate_with => 'stores');
  END IF;
END $$;
