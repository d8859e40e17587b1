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
    static final ArchRule only_the_mqtt_package_uses_paho = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.fleet.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
            .because("Paho's pitfalls are handled in one class, and its exceptions must not leak into the"
                    + " console or the command line");

    @ArchTest
    static final ArchRule features_do_not_choose_the_mqtt_client = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.fleet.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("org.yizhan.fleet.mqtt..")
            .because("features take a FleetConnection; only the wiring (the launcher) picks its implementation");
}
