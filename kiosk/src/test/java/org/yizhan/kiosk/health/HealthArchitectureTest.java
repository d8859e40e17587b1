package org.yizhan.kiosk.health;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The health check's domain stands below the views and the flow that use it (docs/architecture.md). */
@AnalyzeClasses(packages = "org.yizhan.kiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class HealthArchitectureTest {

    @ArchTest
    static final ArchRule health_does_not_know_its_views_or_the_flow = noClasses()
            .that().resideInAPackage("org.yizhan.kiosk.health..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yizhan.kiosk.ui..", "org.yizhan.kiosk.headless..",
                    "org.yizhan.kiosk.cli..", "org.yizhan.kiosk.flow..", "org.yizhan.kiosk.telemetry..", "javafx..",
                    "picocli..")
            .because("the window, the headless mode and the flow all use one assessment; the domain must favour none");

    @ArchTest
    static final ArchRule only_the_sqlite_records_touch_the_database = noClasses()
            .that().resideInAPackage("org.yizhan.kiosk.health..").and().haveSimpleNameNotStartingWith("Sqlite")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.yizhan.kiosk.visitlog..")
            .because("the assessment is a pure function, tested and reasoned about without a database");
}
