package kr.co.pg.settlement.ops;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import kr.co.pg.settlement.kit.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The service kit's rules (ops-cli has no adapters or domain of its own yet: they hold as soon as it gets some), and
 * package by feature: each command's package (kickoff, replay, ...) uses only the shared root package, never another.
 */
class ArchitectureTest {

    private static final String BASE = "kr.co.pg.settlement.ops";

    @Test
    void portsAndAdapters() {
        ServiceArchitecture.check(BASE);
    }

    @Test
    void featuresAreIndependent() {
        slices().matching(BASE + ".(*)..").should().notDependOnEachOther().check(ServiceArchitecture.mainClasses(BASE));
    }
}
