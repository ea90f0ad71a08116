package kr.co.pg.settlement.simulator.application;

/**
 * A turn handed from ticket to ticket in the order the tickets were given out: lets files be processed on several
 * threads while the steps whose result depends on order (ledger decisions, outcome journal) run in acceptance order.
 * Tickets are taken in acceptance order and the pool runs its queue first in, first out, so the holder of an earlier
 * ticket is always running or done: waiting for it cannot deadlock.
 */
final class TicketTurn {

    private long current;

    /** Blocks until it is {@code ticket}'s turn. */
    synchronized void await(long ticket) throws InterruptedException {
        while (current != ticket) {
            if (current > ticket) {
                throw new IllegalStateException("ticket " + ticket + " already had its turn (now " + current + ")");
            }
            wait();
        }
    }

    /** Ends {@code ticket}'s turn: the next ticket may go. */
    synchronized void pass(long ticket) {
        if (current != ticket) {
            throw new IllegalStateException("ticket " + ticket + " does not hold the turn (held by " + current + ")");
        }
        current++;
        notifyAll();
    }
}
