-- The passwords of the roles roles.sql creates, from psql variables (never written in a file):
--   psql -v owner_password="$REGISTRY_DB_OWNER_PASSWORD" -v app_password="$REGISTRY_DB_APP_PASSWORD" -f passwords.sql
ALTER ROLE registry_owner PASSWORD :'owner_password';
ALTER ROLE registry_app PASSWORD :'app_password';
