package org.yizhan.provisioning.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.yizhan.provisioning.pass.VisitorCategory;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a category code, ignoring case; anything else is refused with the list of codes. */
public final class VisitorCategoryConverter implements ITypeConverter<VisitorCategory> {

    @Override
    public VisitorCategory convert(String value) {
        return VisitorCategory.fromCode(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a visitor category; use one of "
                        + Arrays.stream(VisitorCategory.values()).map(VisitorCategory::code)
                                .collect(Collectors.joining(", "))));
    }
}
