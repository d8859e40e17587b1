package org.yizhan.fleetsim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The simulator's layering: the simulation speaks of kiosks, and reaches the broker only through KioskConnector. */
@AnalyzeClasses(packages = "org.yizhan.fleetsim", importOptions = ImportOption.DoNotIncludeTests.class)
class FleetSimArchitectureTest {

    @ArchTest
    static final ArchRule only_the_mqtt_package_uses_the_mqtt_client = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.fleetsim.mqtt..")
            .should().dependOnClassesThat().resideInAnyPackage("com.hivemq.client..", "io.netty..", "io.reactivex..")
            .because("the client's internals (a crash closes its Netty channel) and its exceptions stay in one"
                    + " package, so a new client version or another client touches nothing else");

    @ArchTest
    static final ArchRule the_simulation_does_not_choose_its_mqtt_client = noClasses()
            .that().resideOutsideOfPackage("org.yizhan.fleetsim.mqtt..")
            .should().dependOnClassesThat().resideInAPackage("org.yizhan.fleetsim.mqtt..")
            .because("the simulation takes a KioskConnector; only the wiring (the launcher, the tests) picks one");
}
