#!/bin/sh
# Runs once, on the first start of an empty data volume (docker-entrypoint-initdb.d). Passwords come from the
# environment (.env), never from this file.
set -eu
mariadb -uroot -p"$MARIADB_ROOT_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS settlement CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS kis_poller CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'settlement'@'%' IDENTIFIED BY '${SETTLEMENT_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON settlement.* TO 'settlement'@'%';
-- the collector's outbox relay reads the binlog (Debezium MariaDB connector)
GRANT REPLICATION SLAVE, REPLICATION CLIENT, RELOAD, SHOW DATABASES ON *.* TO 'settlement'@'%';
CREATE USER IF NOT EXISTS 'kis_poller'@'%' IDENTIFIED BY '${POLLER_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON kis_poller.* TO 'kis_poller'@'%';
FLUSH PRIVILEGES;
SQL
