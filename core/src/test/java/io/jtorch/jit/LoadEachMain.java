package io.jtorch.jit;

import io.jtorch.Scope;
import io.jtorch.Torch;
import java.nio.file.Path;

/**
 * Loads each of several TorchScript files with their code trusted and runs its forward on zeros,
 * in a JVM of its own (a native crash ends only this process, and the last line names the file).
 * Arguments: the input shape ({@code 1,3}), then the files. Prints, for each file,
 * {@code <file name>: ok <output shape>} or {@code <file name>: refused <exception class>: <message>}.
 */
public final class LoadEachMain {
    private LoadEachMain() {}

    public static void main(String[] args) {
        String[] dims = args[0].split(",");
        long[] shape = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = Long.parseLong(dims[i]);
        }
        for (int f = 1; f < args.length; f++) {
            Path file = Path.of(args[f]);
            System.out.println(file.getFileName() + ": loading");
            try (Scope scope = Scope.open()) {
                ScriptModule m = Jit.load(file, LoadOptions.defaults().trustCode());
                m.eval();
                System.out.println(file.getFileName() + ": ok " + io.jtorch.Shapes.format(m.forward(Torch.zeros(shape)).shape()));
            } catch (Exception e) {
                System.out.println(file.getFileName() + ": refused " + e.getClass().getName() + ": "
                        + String.valueOf(e.getMessage()).replace('\n', '\u2424'));
            }
        }
    }
}
