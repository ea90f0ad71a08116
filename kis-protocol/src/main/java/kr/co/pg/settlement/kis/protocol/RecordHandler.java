package kr.co.pg.settlement.kis.protocol;

/** Receives the data records of a file that passed validation, in file order. */
@FunctionalInterface
public interface RecordHandler<R> {
    void accept(R record) throws Exception;
}
