package io.tokensockjs.bench.load;

import java.util.Arrays;
import java.util.List;

/**
 * The load generator's command line: {@code Bench <scenario> --url <base> [--option value]...}, one
 * {@link Result} line per run on standard output. {@code summary <file>} turns result lines into medians and
 * ratios. benchmarks/README.md has the commands and what each option means.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: Bench rpc|fanout|connect|token|presence [--url URL] [--option value]... | Bench summary FILE... | Bench jfr RECORDING | Bench histodiff BEFORE AFTER SOCKETS | Bench heapowners BEFORE.hprof AFTER.hprof SOCKETS");
            System.exit(2);
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        if (argv[0].equals("summary")) {
            System.out.print(Summary.of(rest));
            return;
        }
        if (argv[0].equals("jfr") && argv.length == 2) {
            System.out.print(JfrSummary.of(java.nio.file.Path.of(argv[1])));
            return;
        }
        if (argv[0].equals("heapowners")) {
            System.out.print(HeapOwners.of(rest));
            return;
        }
        if (argv[0].equals("histodiff")) {
            System.out.print(HistogramDiff.of(rest));
            return;
        }
        Args args = new Args(rest);
        Result result = switch (argv[0]) {
            case "rpc" -> RpcScenario.run(args);
            case "fanout" -> FanoutScenario.run(args);
            case "connect" -> ConnectScenario.run(args);
            case "token" -> TokenScenario.run(args);
            case "presence" -> PresenceScenario.run(args);
            case "soak" -> SoakScenario.run(args);
            default -> throw new IllegalArgumentException("No scenario " + argv[0]);
        };
        System.out.println(result);
        System.exit(0);
    }
}
