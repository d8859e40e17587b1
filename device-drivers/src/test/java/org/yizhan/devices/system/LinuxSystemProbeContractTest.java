package org.yizhan.devices.system;

/** The real probe on fixture trees, with vcgencmd and the data volume faked. */
class LinuxSystemProbeContractTest extends SystemProbeContract {

    @Override
    protected SystemProbe healthyPi() {
        return Fixture.probe(Fixture.tree("pi5-healthy"), FakeCommandRunner.printing("throttled=0x0\n"),
                FakeDataVolume.healthy(), clock);
    }

    @Override
    protected SystemProbe underVoltedPi() {
        return Fixture.probe(Fixture.tree("pi4-under-voltage"), FakeCommandRunner.printing("throttled=0x50005\n"),
                FakeDataVolume.healthy(), clock);
    }

    @Override
    protected SystemProbe readOnlyDataPartition() {
        return Fixture.probe(Fixture.tree("read-only-data"), FakeCommandRunner.printing("throttled=0x0\n"),
                FakeDataVolume.readOnly(), clock);
    }

    @Override
    protected SystemProbe machineWithoutPiReadings() {
        return Fixture.probe(Fixture.tree("x86-dev"), FakeCommandRunner.missing(), FakeDataVolume.healthy(), clock);
    }
}
