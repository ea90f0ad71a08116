package kr.co.pg.settlement.kit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The rules find each kind of violation (fixture packages under this one) and pass a clean service. */
class ServiceArchitectureTest {

    private static final String FIXTURE = "kr.co.pg.settlement.kit.architecture.fixture.";

    @Test
    void aCleanServicePasses() {
        String base = FIXTURE + "good";
        assertThatCode(() -> ServiceArchitecture.rules(base).check(classes(base))).doesNotThrowAnyException();
    }

    @Test
    void eachKindOfViolationIsReported() {
        String base = FIXTURE + "bad";
        EvaluationResult result = ServiceArchitecture.rules(base).evaluate(classes(base));

        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains("bad.domain.Money").contains("org.springframework.util.StopWatch")
                .contains("bad.application.Pay").contains("bad.adapter.in.web.PayController");
    }

    private static JavaClasses classes(String base) {
        return new ClassFileImporter().importPackages(base);
    }
}
