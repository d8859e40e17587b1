package org.yizhan.devices.system;

import java.util.Optional;

/**
 * The kernel's run-queue load averages, from {@code /proc/loadavg}. A Pi 4 or 5 has four cores, so a
 * load of 4 keeps every core busy.
 */
public record LoadAverage(double oneMinute, double fiveMinutes, double fifteenMinutes) {

    /** The averages in {@code /proc/loadavg} text ({@code 0.52 0.58 0.59 1/389 12345}); empty on garbage. */
    public static Optional<LoadAverage> parseProcLoadavg(String text) {
        String[] fields = text.strip().split("\\s+");
        if (fields.length < 3) {
            return Optional.empty();
        }
        try {
            double one = Double.parseDouble(fields[0]);
            double five = Double.parseDouble(fields[1]);
            double fifteen = Double.parseDouble(fields[2]);
            if (!(one >= 0 && five >= 0 && fifteen >= 0) || Double.isInfinite(one + five + fifteen)) {
                return Optional.empty();
            }
            return Optional.of(new LoadAverage(one, five, fifteen));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
