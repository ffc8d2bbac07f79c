package it.io.tokensockjs.payara;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

/**
 * Payara Micro binds its HTTP listener to every interface unless told otherwise (no flag does it; payara/
 * preboot.asadmin sets the listener's address), and with Hazelcast on it also listens on port 6900 everywhere.
 * The servers this build starts answer on loopback and on nothing else.
 */
public class PayaraLoopbackIT {

    private static final int HAZELCAST_PORT = 6900;

    @Test
    void theServersListenOnLoopbackOnly() throws Exception {
        PayaraSettings settings = PayaraSettings.fromSystemProperties();
        assertFalse(settings.servers().isEmpty(), "this run started no Payara server");
        List<InetAddress> others = nonLoopbackAddresses();
        for (String server : settings.servers()) {
            int port = settings.port(server);
            assertTrue(accepts(InetAddress.getLoopbackAddress(), port), server + " does not answer on loopback");
            for (InetAddress address : others) {
                assertFalse(accepts(address, port), server + " listens on " + address + ":" + port);
            }
        }
        for (InetAddress address : others) {
            assertFalse(accepts(address, HAZELCAST_PORT), "Hazelcast listens on " + address);
        }
    }

    /** Every address of this machine's interfaces but loopback ones (a machine with none cannot show it: the test is then reported skipped, with that reason). */
    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> addresses = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .filter(address -> address instanceof Inet4Address)
                .toList();
        assumeFalse(addresses.isEmpty(), "this machine has no address besides loopback to check against");
        return addresses;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
