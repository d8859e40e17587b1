package org.yizhan.kiosk.ui;

/** Whether a window can be opened: an X11 or Wayland display, or JavaFX's headless Monocle platform. */
public final class Display {

    private Display() {
    }

    public static boolean available() {
        return present(System.getenv("DISPLAY")) || present(System.getenv("WAYLAND_DISPLAY"))
                || "Monocle".equals(System.getProperty("glass.platform"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
