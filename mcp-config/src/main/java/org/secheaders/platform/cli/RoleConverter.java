package org.secheaders.platform.cli;

import org.secheaders.domain.model.Role;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --role} by its wire name, e.g. {@code security_analyst}. */
final class RoleConverter implements ITypeConverter<Role> {

    @Override
    public Role convert(String value) {
        try {
            return Role.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
