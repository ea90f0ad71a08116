package kr.co.pg.settlement.collector.domain;

/** A local check that failed: the record is never sent; {@code code} is L10x (registration) or L201 (settlement). */
public record LocalRejection(String code, String message) {
}
