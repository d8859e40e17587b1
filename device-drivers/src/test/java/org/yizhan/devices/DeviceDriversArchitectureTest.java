package org.yizhan.devices;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules that keep each device family small and its OS adapter thin; each states its reason. */
@AnalyzeClasses(packages = "org.yizhan.devices", importOptions = ImportOption.DoNotIncludeTests.class)
class DeviceDriversArchitectureTest {

    @ArchTest
    static final ArchRule device_families_do_not_depend_on_each_other_in_a_circle = slices()
            .matching("org.yizhan.devices.(*)..")
            .should().beFreeOfCycles()
            // The health family spans four packages: the characteristic parsers use its shared number and
            // frame readers, and its Characteristic routes to them. Within the family that is one design.
            .ignoreDependency(resideInAnyPackage("..devices.bloodpressure..", "..devices.scale..",
                    "..devices.thermometer.."), resideInAPackage("org.yizhan.devices.health"))
            .because("each device family is read, tested and replaced on its own; the factories that build "
                    + "several families live in wiring, above them");

    @ArchTest
    static final ArchRule only_gpio_adapters_use_pi4j = noClasses()
            .that().haveNameNotMatching(".*\\.Gpio\\w*(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("com.pi4j..")
            .because("the simulated twins share the drivers' logic and must run where no Pi4J provider loads");

    @ArchTest
    static final ArchRule only_the_serial_links_use_jserialcomm = noClasses()
            .that().haveNameNotMatching(".*\\.JSerialCommLink(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("com.fazecast..")
            .because("serial devices are tested through a SerialLink seam with fake bytes");

    @ArchTest
    static final ArchRule only_the_bluez_link_uses_d_bus = noClasses()
            .that().haveNameNotMatching(".*\\.BluezBleLink(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("org.freedesktop..", "com.github.hypfvieh..")
            .because("Bluetooth devices are tested through a BleLink seam; D-Bus needs a running bluetoothd");
}
