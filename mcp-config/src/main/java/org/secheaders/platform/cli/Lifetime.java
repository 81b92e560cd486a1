package org.secheaders.platform.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --expires-in}: a count and a unit, {@code 90m}, {@code 12h}, {@code 30d} or {@code 2w}. */
final class Lifetime implements ITypeConverter<Duration> {

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,5})([mhdw])");

    @Override
    public Duration convert(String value) {
        Matcher matcher = FORMAT.matcher(value.trim());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a lifetime: a number and a unit m, h, d or w, "
                    + "e.g. 90m, 12h, 30d or 2w");
        }
        long count = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(count);
            case "h" -> Duration.ofHours(count);
            case "d" -> Duration.ofDays(count);
            default -> Duration.ofDays(7 * count);
        };
    }
}
