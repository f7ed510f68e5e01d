#!/bin/sh
# Runs once, when the official postgres image initialises an empty data volume: creates the
# platform's application role (not a superuser, not the owner of the tables). The migrate
# service then grants it what it may do (packages/db/sql/app-role-grants.sql).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE platform_app LOGIN PASSWORD :'app_password';
SQL
