package kr.co.pg.settlement.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.InvalidFieldException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLetterErrorHandlerTest {

    @Test
    void theInvalidEventsReasonEvenWhenWrapped() {
        Headers headers = DeadLetterErrorHandler.reasonHeaders(new ListenerExecutionFailedException("listener failed",
                new InvalidEventException("kickoff: job is missing")));

        assertThat(text(headers.lastHeader("dltReason"))).isEqualTo("kickoff: job is missing");
        assertThat(headers.lastHeader("dltField")).isNull();
    }

    @Test
    void aFieldFaultNamesTheFieldAndValue() {
        InvalidFieldException fault = new InvalidFieldException("KickoffRequested", "job", "NOPE", "unknown job");
        Headers headers = DeadLetterErrorHandler.reasonHeaders(new ListenerExecutionFailedException("x", fault));

        assertThat(text(headers.lastHeader("dltReason"))).isEqualTo(fault.getMessage());
        assertThat(text(headers.lastHeader("dltField"))).isEqualTo("job");
        assertThat(text(headers.lastHeader("dltValue"))).isEqualTo("NOPE");
    }

    @Test
    void anyOtherFailureGivesItsMessage() {
        assertThat(text(DeadLetterErrorHandler.reasonHeaders(new IllegalStateException("db down"))
                .lastHeader("dltReason"))).isEqualTo("db down");
    }

    private static String text(Header header) {
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
