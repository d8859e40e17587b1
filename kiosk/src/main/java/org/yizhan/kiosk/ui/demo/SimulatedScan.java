package org.yizhan.kiosk.ui.demo;

/** A code the demo's simulated scanner can present, with the label of its button. */
public record SimulatedScan(String label, String text) {
}
