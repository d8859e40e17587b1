package org.yizhan.kiosk.devices;

/** Whether a kiosk drives its real peripherals or their simulated twins ({@code --simulate}). */
public enum DeviceMode {
    REAL,
    SIMULATED
}
