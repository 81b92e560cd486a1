package org.secheaders.analytics.tool;

import org.secheaders.platform.tool.ToolArguments;
import org.secheaders.platform.tool.ToolInputException;

/** Integer arguments with bounds: the schemas state them, and the handlers hold to them on their own too. */
final class NumberArguments {

    private NumberArguments() {
    }

    static long between(ToolArguments arguments, String name, long defaultValue, long min, long max) {
        long value = arguments.optionalLong(name).orElse(defaultValue);
        if (value < min || value > max) {
            throw new ToolInputException(name, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    static int between(ToolArguments arguments, String name, int defaultValue, int min, int max) {
        return (int) between(arguments, name, (long) defaultValue, min, max);
    }
}
