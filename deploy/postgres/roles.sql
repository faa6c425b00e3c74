-- Database roles of the full mode. Run as a superuser in the registry's database, once before the
-- migrations and again after each run of them (idempotent):
--   registry_owner  owns the schema: runs the migrations (`cli migrate`), nothing else.
--   registry_app    what the API and the workers connect as: rows only, and on audit_events only
--                   SELECT and INSERT. It owns no table, so it cannot disable the append-only trigger.
-- Passwords are set apart (ALTER ROLE ... PASSWORD), so this file holds none.
DO $roles$
DECLARE
  item record;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'registry_owner') THEN
    CREATE ROLE registry_owner LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'registry_app') THEN
    CREATE ROLE registry_app LOGIN;
  END IF;

  -- Only the owner creates objects (migrations add trusted extensions such as pg_trgm, which takes
  -- CREATE on the database); the app may only reach them.
  EXECUTE format('GRANT CREATE ON DATABASE %I TO registry_owner', current_database());
  EXECUTE 'REVOKE CREATE ON SCHEMA public FROM PUBLIC';
  EXECUTE 'GRANT USAGE, CREATE ON SCHEMA public TO registry_owner';
  EXECUTE 'GRANT USAGE ON SCHEMA public TO registry_app';

  -- An installation that ran its migrations as another user hands its objects to the owner.
  FOR item IN
    SELECT format('ALTER TABLE public.%I OWNER TO registry_owner', tablename) AS sql
    FROM pg_tables WHERE schemaname = 'public' AND tableowner <> 'registry_owner'
  LOOP
    EXECUTE item.sql;
  END LOOP;
  FOR item IN
    SELECT format('ALTER SEQUENCE public.%I OWNER TO registry_owner', sequencename) AS sql
    FROM pg_sequences WHERE schemaname = 'public' AND sequenceowner <> 'registry_owner'
  LOOP
    EXECUTE item.sql;
  END LOOP;
  FOR item IN
    SELECT format('ALTER FUNCTION %s OWNER TO registry_owner', p.oid::regprocedure) AS sql
    FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace
      AND p.proowner <> 'registry_owner'::regrole
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE item.sql;
  END LOOP;

  -- Rows of every table, today's and those later migrations add.
  EXECUTE 'ALTER DEFAULT PRIVILEGES FOR ROLE registry_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO registry_app';
  EXECUTE 'ALTER DEFAULT PRIVILEGES FOR ROLE registry_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO registry_app';
  EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO registry_app';
  EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO registry_app';
  -- The audit trail is append-only for the app, whatever the default above gave it, and which
  -- migrations ran is the owner's to say.
  IF to_regclass('public.audit_events') IS NOT NULL THEN
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_events FROM registry_app';
  END IF;
  IF to_regclass('public.migrations') IS NOT NULL THEN
    EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.migrations FROM registry_app';
  END IF;
END
$roles$;
