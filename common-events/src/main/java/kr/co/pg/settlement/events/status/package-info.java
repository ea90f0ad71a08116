/**
 * The status values of the PG tables (pg-core-schema.md, the collector's own tables), one enum per column. The
 * database stores the enum's {@code name()}; set-based SQL may spell the values as literals, Java code compares
 * these enums. Every service, ops-cli and ops-console reads the same tables, so the values live here, in the
 * public contract module, next to the events.
 */
package kr.co.pg.settlement.events.status;
