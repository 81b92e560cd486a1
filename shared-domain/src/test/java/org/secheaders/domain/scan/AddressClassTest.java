package org.secheaders.domain.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1,        LOOPBACK",
        "127.255.255.254,  LOOPBACK",
        "::1,              LOOPBACK",
        "10.0.0.1,         PRIVATE",
        "172.16.0.1,       PRIVATE",
        "172.31.255.255,   PRIVATE",
        "192.168.0.1,      PRIVATE",
        "100.64.0.1,       PRIVATE",
        "100.127.255.255,  PRIVATE",
        "fd12:3456::1,     PRIVATE",
        "fc00::1,          PRIVATE",
        "169.254.169.254,  LINK_LOCAL",
        "fe80::1,          LINK_LOCAL",
        "0.0.0.0,          RESERVED",
        "0.1.2.3,          RESERVED",
        "::,               RESERVED",
        "224.0.0.1,        RESERVED",
        "ff02::1,          RESERVED",
        "240.0.0.1,        RESERVED",
        "255.255.255.255,  RESERVED",
        "::ffff:10.0.0.1,  PRIVATE",
        "::127.0.0.1,      LOOPBACK",
        "64:ff9b::a9fe:a9fe, LINK_LOCAL",
        "64:ff9b::808:808, PUBLIC",
        "8.8.8.8,          PUBLIC",
        "100.63.255.255,   PUBLIC",
        "100.128.0.0,      PUBLIC",
        "172.32.0.1,       PUBLIC",
        "2001:4860:4860::8888, PUBLIC",
    })
    void classifiesAddresses(String literal, AddressClass expected) throws UnknownHostException {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(literal)));
    }
}
