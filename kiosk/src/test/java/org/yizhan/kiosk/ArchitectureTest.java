package org.yizhan.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The kiosk's layering (docs/architecture.md): UI → application → domain, hardware and I/O at the edges. */
@AnalyzeClasses(packages = "org.yizhan.kiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule only_the_ui_uses_javafx = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.kiosk.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the headless mode, the benchmarks and the tests run the same kiosk without a graphics toolkit");

    @ArchTest
    static final ArchRule domain_does_not_know_its_views = noClasses()
            .that().resideInAnyPackage("org.yizhan.kiosk.checkin..", "org.yizhan.kiosk.flow..",
                    "org.yizhan.kiosk.visitlog..", "org.yizhan.kiosk.time..", "org.yizhan.kiosk.config..",
                    "org.yizhan.kiosk.health..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yizhan.kiosk.ui..", "org.yizhan.kiosk.headless..",
                    "org.yizhan.kiosk.cli..", "picocli..")
            .because("the window and the headless mode are two views of one flow; the flow must not favour one");

    @ArchTest
    static final ArchRule only_the_sqlite_visit_log_touches_jdbc = noClasses()
            .that().haveSimpleNameNotStartingWith("Sqlite")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.flywaydb..")
            .because("storage is behind the VisitLog interface, so check-in logic is tested and reasoned about"
                    + " without a database schema in mind");

    @ArchTest
    static final ArchRule kiosk_drives_hardware_only_through_device_interfaces = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.pi4j..", "com.fazecast..",
                    "com.github.hypfvieh..", "org.freedesktop.dbus..")
            .because("peripherals are device-drivers interfaces with real and simulated twins; the kiosk"
                    + " must run unchanged on either");

    @ArchTest
    static final ArchRule only_the_systemd_notifier_calls_native_code = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.kiosk.systemd..")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
            .because("native calls can crash the JVM past any exception handler; one small class owns the only one");

    @ArchTest
    static final ArchRule only_the_mqtt_transport_uses_paho = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.kiosk.telemetry.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
            .because("Paho's pitfalls (reconnect, in-memory buffering) are handled in one class, and its"
                    + " exceptions must not leak into the kiosk");
}
