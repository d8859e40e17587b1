package org.yizhan.fleet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The fleet's layering (docs/architecture.md): features see the broker only through FleetConnection. */
@AnalyzeClasses(packages = "org.yizhan.fleet", importOptions = ImportOption.DoNotIncludeTests.class)
class FleetArchitectureTest {

    @ArchTest
    static final ArchRule only_the_web_package_uses_javalin = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.fleet.web..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("the console's HTTP server is one feature: the read model, ingest and commands must stay"
                    + " usable without it, and Javalin's upgrades (routes, Jetty) touch only the web package");

    @ArchTest
    static final ArchRule only_the_mqtt_package_uses_paho = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.fleet.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
            .because("Paho's pitfalls are handled in one class, and its exceptions must not leak into the"
                    + " console or the command line");

    @ArchTest
    static final ArchRule features_do_not_choose_the_mqtt_client = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.fleet.mqtt..")
            .and().doNotHaveFullyQualifiedName("org.yizhan.fleet.FleetBackend")
            .should().dependOnClassesThat().resideInAPackage("org.yizhan.fleet.mqtt..")
            .because("features take a FleetConnection or a FleetConnector; only the wiring (the launcher, and the"
                    + " console's composition root FleetBackend) picks its implementation");

    @ArchTest
    static final ArchRule only_the_jdbc_store_uses_jdbc_and_flyway = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.fleet.store.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..",
                    "org.sqlite..", "org.postgresql..")
            .because("the console speaks to its store in domain terms (store.FleetStore), so SQL, its exceptions and"
                    + " the choice of database (SQLite or PostgreSQL) stay in one package");
}
