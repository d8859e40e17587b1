package org.yizhan.provisioning.cli;

import java.time.Duration;
import org.yizhan.protocol.ShortDuration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations the way all Yizhan configuration does ({@link ShortDuration}), keeping its message. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return ShortDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
