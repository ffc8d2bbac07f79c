package it.io.tokensockjs.sockjs.hostile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What every hostile-input test class shares: the server baseline, the two bystander sessions on the service
 * under attack, and a last test that closes them and checks the server came back to where it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileTestBase {

    /** The service the hostile tests attack: small limits, short delays, the log option on. */
    static final String LIMITED = "/limited_echo";
    static final String LIMITED_NAME = "limited_echo";

    WellBehavedClients bystanders;

    @BeforeAll
    void takeBaselineAndOpenBystanders() {
        ServerHealth.baseline();
        bystanders = WellBehavedClients.open(LIMITED);
        bystanders.assertEchoing("before " + getClass().getSimpleName());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void bystandersStillEchoAndTheServerRecovers() {
        bystanders.assertEchoing("after " + getClass().getSimpleName());
        bystanders.close();
        ServerHealth.assertRecovered(getClass().getSimpleName());
    }

    @AfterAll
    void closeBystanders() {
        if (bystanders != null) {
            bystanders.close();
        }
    }
}
