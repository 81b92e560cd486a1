package org.secheaders.platform.cli;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.secheaders.platform.admin.McpClientKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --client}: one client by its wire name, or {@code all}. */
final class ClientKindConverter implements ITypeConverter<ClientKindConverter.Selection> {

    static final String ALL = "all";

    /** The clients to print configuration for. */
    record Selection(Set<McpClientKind> kinds) {
    }

    @Override
    public Selection convert(String value) {
        if (value.equals(ALL)) {
            return new Selection(EnumSet.allOf(McpClientKind.class));
        }
        return Arrays.stream(McpClientKind.values()).filter(kind -> kind.wireName().equals(value)).findFirst()
                .map(kind -> new Selection(EnumSet.of(kind)))
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not one of " + Arrays.stream(
                        McpClientKind.values()).map(McpClientKind::wireName).collect(Collectors.joining(", ")) + ", " + ALL));
    }
}
