-- On Citus, distribute every table by store (co-located, so a batch and a store's report stay
-- on one worker). On plain PostgreSQL this does nothing. Partitions created later are
-- distributed with their parent by Citus itself.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    PERFORM create_distributed_table('stores', 'store_id');
    PERFORM create_distributed_table('stations', 'store_id', colocate_with => 'stores');
    PERFORM create_distributed_table('enrolment_codes', 'store_id', colocate_with => 'stores');
    PERFORM create_distributed_table('events', 'store_id', colocate_with => 'stores');
    PERFORM create_distributed_table('attempts', 'store_id', colocate_with => 'stores');
    PERFORM create_distributed_table('outcomes', 'store_id', colocate_with => 'stores');
    PERFORM create_distributed_table('refunds', 'store_id', colocate_with => 'stores');
    PERFORM create_distributed_table('refunds_settled', 'store_id', colocate_with => 'stores');
  END IF;
END $$;
