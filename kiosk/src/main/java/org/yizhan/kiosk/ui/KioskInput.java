package org.yizhan.kiosk.ui;

import java.util.concurrent.CompletableFuture;
import org.yizhan.kiosk.KioskAssembly;

/**
 * What the window asks of the kiosk: a scanned text, a tapped button (ids as in
 * {@link org.yizhan.kiosk.flow.KioskFlow}), and for the maintenance screen today's visit count. The
 * futures complete on a thread of the kiosk's; the window never waits for them.
 */
public interface KioskInput {

    CompletableFuture<Void> scan(String text);

    CompletableFuture<Void> tap(String button);

    /** Visits since local midnight of kiosk time, read from the visit log off the caller's thread. */
    CompletableFuture<Long> visitsToday();

    static KioskInput of(KioskAssembly kiosk) {
        return new KioskInput() {
            @Override
            public CompletableFuture<Void> scan(String text) {
                return kiosk.scan(text);
            }

            @Override
            public CompletableFuture<Void> tap(String button) {
                return kiosk.tap(button);
            }

            @Override
            public CompletableFuture<Long> visitsToday() {
                // Not on the UI thread: the read waits for the visit log's lock, which a check-in holds until
                // its commit has reached the SD card.
                return CompletableFuture.supplyAsync(
                        () -> kiosk.visitLog().stats(kiosk.time().instant(), kiosk.time().getZone()).today());
            }
        };
    }
}
