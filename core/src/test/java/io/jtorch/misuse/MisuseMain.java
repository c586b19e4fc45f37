package io.jtorch.misuse;

import io.jtorch.Scope;
import io.jtorch.Torch;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs every misuse case in a JVM of its own, so that a crash of native code fails
 * {@link ApiMisuseTest} instead of ending the test run. Prints one tab-separated line per case,
 * {@code ok <outcome> <name>}, {@code wrong <outcome> <name> <what>} or
 * {@code error <outcome> <name> <exception class> <message>} (newlines in messages shown as
 * U+2424), then {@code total <count>}. Before each case it writes {@code running <name>} to
 * stderr, so that the case that killed the JVM can be named.
 *
 * <p>Args: the seed, and optionally a substring that selects cases by name.
 */
public final class MisuseMain {
    private MisuseMain() {}

    /** Every case, built from {@code seed}. */
    static List<MisuseCase> cases(long seed) {
        Random random = new Random(seed);
        List<MisuseCase> out = new ArrayList<>();
        out.addAll(TensorCases.grid());
        out.addAll(TensorCases.randomChains(random, 1000));
        out.addAll(FactoryCases.all());
        out.addAll(LayerCases.all());
        out.addAll(LossCases.all());
        out.addAll(OptimizerCases.all());
        out.addAll(ModuleCases.all());
        out.addAll(ScriptCases.all());
        out.addAll(DataCases.all());
        out.addAll(ThreadCases.all());
        return out;
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        String filter = args.length > 1 ? args[1] : "";
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Torch.manualSeed(seed);
        int total = 0;
        for (MisuseCase c : cases(seed)) {
            if (!c.name().contains(filter)) {
                continue;
            }
            System.err.println("running\t" + c.name());
            System.err.flush();
            out.println(run(c));
            total++;
        }
        out.println("total\t" + total);
        System.exit(0); // worker threads some cases leave behind must not keep the JVM alive
    }

    @SuppressWarnings("try") // the scope frees each case's native memory when it closes
    private static String run(MisuseCase c) {
        String head = c.outcome() + "\t" + c.name();
        try (Scope scope = Scope.open()) {
            c.action().run();
            return "ok\t" + head;
        } catch (AssertionError e) {
            return "wrong\t" + head + "\t" + oneLine(e.getMessage());
        } catch (Throwable t) {
            return "error\t" + head + "\t" + t.getClass().getName() + "\t" + oneLine(t.getMessage());
        }
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replace('\t', ' ').replace("\r", "").replace('\n', '\u2424');
    }
}
