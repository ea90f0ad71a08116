package kr.co.pg.settlement.opsconsole.application;

import java.time.LocalDateTime;
import java.util.List;

/** Every operator action (previews too): who, when, what, with which parameters, and how it ended. */
public interface AuditLog {

    record Entry(long id, LocalDateTime at, String username, String action, String phase, String parameters,
                 String outcome, String result) {
    }

    void record(String username, OperatorAction action, String phase, String parameters, String outcome, String result);

    List<Entry> latest(int limit);
}
