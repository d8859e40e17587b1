package org.yizhan.devices.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

class SimulatedQrScannerTest extends QrScannerContract {

    private SimulatedQrScanner simulated;

    @Override
    protected Rig rig(DeviceStatusBoard board, Clock scanClock) {
        simulated = new SimulatedQrScanner(SimulatedScannerConfig.defaults(NAME), board, scanClock);
        return new Rig() {
            @Override
            public QrScanner scanner() {
                return simulated;
            }

            @Override
            public void present(String code) {
                simulated.type(code);
            }

            @Override
            public void vanish() {
                simulated.unplug();
            }

            @Override
            public void reappear() {
                simulated.plug();
            }
        };
    }

    @Test
    void a_code_typed_while_unplugged_is_lost() throws Exception {
        // given an unplugged scanner
        simulated.unplug();

        // when a code is typed, then the scanner is plugged in and another typed
        simulated.type("LOST");
        simulated.plug();
        simulated.type("FOUND");

        // then only the second arrives
        assertEquals(new RecordingListener.Scanned("FOUND"), listener.next());
    }

    @Test
    void takes_its_name_from_the_config_and_reports_under_it() {
        // given a board and a scanner configured with another name
        DeviceStatusBoard otherBoard = new DeviceStatusBoard(Clock.systemUTC());
        List<DeviceStatus> reported = new ArrayList<>();
        otherBoard.subscribe(reported::add);
        SimulatedQrScanner door = new SimulatedQrScanner(
                new SimulatedScannerConfig("door-scanner", Duration.ofSeconds(1)), otherBoard);

        // when it starts and is unplugged
        door.start(new RecordingListener());
        door.unplug();

        // then the board heard of it by that name
        assertEquals("door-scanner", door.name());
        assertEquals(List.of("door-scanner/connected", "door-scanner/absent"),
                reported.stream().map(s -> s.device() + "/" + s.state().code()).toList());
    }

    @Test
    void a_scanner_unplugged_before_it_starts_is_reported_absent_at_start() {
        // given a scanner unplugged before the kiosk starts it
        DeviceStatusBoard otherBoard = new DeviceStatusBoard(Clock.systemUTC());
        SimulatedQrScanner early = new SimulatedQrScanner(SimulatedScannerConfig.defaults("early"), otherBoard);
        early.unplug();

        // when it starts
        early.start(new RecordingListener());

        // then it is still absent
        assertEquals(DeviceState.ABSENT, otherBoard.snapshot().get(0).state());
    }
}
