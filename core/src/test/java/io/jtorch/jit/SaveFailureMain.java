package io.jtorch.jit;

import io.jtorch.Torch;
import io.jtorch.nn.Linear;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Saves a TorchScript module of {@code <floats>} parameters (one {@code nn.Linear}) to
 * {@code <path>}, in a JVM of its own, so that {@link FullDiskTest} sees a crash of native code as
 * an exit status instead of losing the test run. Prints {@code saved} or
 * {@code ioexception <class> <message>} (newlines shown as U+2424), or
 * {@code other <class> <message>} for any other exception; exits 0 in each case.
 *
 * <p>Args: path, then the Linear's in and out features.
 */
public final class SaveFailureMain {
    private SaveFailureMain() {}

    public static void main(String[] args) {
        Path path = Path.of(args[0]);
        Torch.manualSeed(1);
        ScriptModule model = Jit.script(new Linear(Integer.parseInt(args[1]), Integer.parseInt(args[2])));
        try {
            model.save(path);
            System.out.println("saved");
        } catch (IOException e) {
            System.out.println("ioexception\t" + e.getClass().getName() + "\t" + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            System.out.println("other\t" + e.getClass().getName() + "\t" + oneLine(e.getMessage()));
        }
        System.out.flush();
        System.exit(0);
    }

    private static String oneLine(String s) {
        return s == null ? "null" : s.replace('\n', '\u2424');
    }
}
