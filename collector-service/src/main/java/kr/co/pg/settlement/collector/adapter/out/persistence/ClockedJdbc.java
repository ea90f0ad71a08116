package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The collector's database and the clock its rows are stamped by. */
@Component
record ClockedJdbc(JdbcTemplate jdbc, Clock clock) {

    /** KST wall clock (the Clock is in Asia/Seoul), at the DATETIME(3) precision of the tables. */
    LocalDateTime now() {
        return Times.now(clock);
    }
}
