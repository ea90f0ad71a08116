package kr.co.pg.settlement.collector.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Pages are written on threads of their own, in the trace of the slice that reads them. */
class PageWritersTest {

    @Test
    void aPageIsWrittenInTheCallersObservation() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        Observation slice = Observation.start("slice", registry);
        AtomicReference<Observation> seenByWriter = new AtomicReference<>();
        AtomicReference<String> writerThread = new AtomicReference<>();
        try (PageWriters writers = new PageWriters("page-writer-test", 1);
             Observation.Scope ignored = slice.openScope()) {
            writers.write(() -> {
                seenByWriter.set(registry.getCurrentObservation());
                writerThread.set(Thread.currentThread().getName());
                return JobCounts.NONE;
            });
            writers.finish();
        } finally {
            slice.stop();
        }
        assertThat(writerThread.get()).isEqualTo("page-writer-test");
        assertThat(seenByWriter.get()).isSameAs(slice);
    }
}
