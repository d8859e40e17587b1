package org.yizhan.kiosk.ui;

import java.util.concurrent.CompletableFuture;
import org.yizhan.kiosk.KioskAssembly;

/**
 * What the window asks of the kiosk: a scanned text, a tapped button (ids as in
 * {@link org.yizhan.kiosk.flow.KioskFlow}). The futures complete on the kiosk thread once the input is
 * handled; the window never waits for them.
 */
public interface KioskInput {

    CompletableFuture<Void> scan(String text);

    CompletableFuture<Void> tap(String button);

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
        };
    }
}
