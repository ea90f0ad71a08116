package kr.co.pg.settlement.ops;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package by feature: each command's package (kickoff, replay, ...) uses only the shared root package, never another. */
@AnalyzeClasses(packages = "kr.co.pg.settlement.ops", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreIndependent = slices().matching("kr.co.pg.settlement.ops.(*)..")
            .should().notDependOnEachOther();
}
