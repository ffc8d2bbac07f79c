package io.tokensockjs.sample;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Testing your application" example is the sample's {@code ChatIT}, which the build compiles and runs
 * against the sample: this test keeps the two the same text.
 */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsChatItAsItIs() throws Exception {
        String example = Files.readString(Path.of("src/test/java/it/io/tokensockjs/sample/ChatIT.java"));
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```java\n" + example + "```\n"),
                "README.md's example under 'Testing your application' differs from sample-war's ChatIT.java: copy it over");
    }
}
