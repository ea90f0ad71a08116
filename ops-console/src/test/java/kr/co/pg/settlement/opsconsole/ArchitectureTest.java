package kr.co.pg.settlement.opsconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Ports and adapters: the application uses no adapter, JDBC or Kafka; adapters do not use each other. */
@AnalyzeClasses(packages = "kr.co.pg.settlement.opsconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ADAPTERS = {"..adapter.in.web..", "..adapter.out.persistence..", "..adapter.out.kafka..",
            "..adapter.out.opscli..", "..adapter.out.http.."};

    @ArchTest
    static final ArchRule applicationUsesNoAdapter = noClasses().that().resideInAPackage("..opsconsole.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..opsconsole.adapter..", "java.sql..", "javax.sql..",
                    "org.apache.kafka..", "org.springframework.jdbc..", "kr.co.pg.settlement.ops..", "java.net.http..");

    @ArchTest
    static final ArchRule webUsesNoOtherAdapter = only("..adapter.in.web..");

    @ArchTest
    static final ArchRule persistenceUsesNoOtherAdapter = only("..adapter.out.persistence..");

    @ArchTest
    static final ArchRule kafkaUsesNoOtherAdapter = only("..adapter.out.kafka..");

    @ArchTest
    static final ArchRule opsCliUsesNoOtherAdapter = only("..adapter.out.opscli..");

    @ArchTest
    static final ArchRule httpUsesNoOtherAdapter = only("..adapter.out.http..");

    private static ArchRule only(String adapter) {
        String[] others = java.util.Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(adapter).should().dependOnClassesThat().resideInAnyPackage(others);
    }
}
