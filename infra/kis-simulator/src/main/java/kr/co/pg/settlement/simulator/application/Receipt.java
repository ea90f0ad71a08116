package kr.co.pg.settlement.simulator.application;

import java.util.concurrent.atomic.AtomicInteger;
import kr.co.pg.settlement.simulator.domain.FaultSettings;

/** A receipt and how far it got. Read by request threads, completed by the processing thread. */
public final class Receipt {

    public enum Status { RECEIVED, PROCESSING, DONE, FAILED }

    private final ReceiptInfo info;
    private final FaultSettings faults;
    private final AtomicInteger corruptedServed = new AtomicInteger();
    private volatile Outcome outcome;

    Receipt(ReceiptInfo info, FaultSettings faults) {
        this.info = info;
        this.faults = faults;
    }

    public ReceiptInfo info() {
        return info;
    }

    FaultSettings faults() {
        return faults;
    }

    public Outcome outcome() {
        return outcome;
    }

    void complete(Outcome outcome) {
        this.outcome = outcome;
    }

    AtomicInteger corruptedServed() {
        return corruptedServed;
    }

    public Status status(long nowMillis, long processingDelayMillis) {
        Outcome o = outcome;
        if (o != null && nowMillis >= o.dueAtMillis()) {
            return o.failed() ? Status.FAILED : Status.DONE;
        }
        return nowMillis >= info.acceptedAtMillis() + processingDelayMillis / 2 ? Status.PROCESSING : Status.RECEIVED;
    }
}
