package kr.co.pg.settlement.kis.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void s1RoundTrip() {
        byte[] bytes = KisFiles.renderS1(Samples.header(FileType.S1), Samples.s1Records());
        List<S1Record> got = new ArrayList<>();
        ReadResult<S1Record> r = KisFileReader.read(bytes, FileType.S1, got::add);
        assertThat(r.errors()).isEmpty();
        assertThat(got).isEqualTo(Samples.s1Records());
    }
}
