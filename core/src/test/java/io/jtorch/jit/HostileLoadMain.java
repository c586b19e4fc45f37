package io.jtorch.jit;

import io.jtorch.Torch;
import java.nio.file.Path;

/**
 * Loads one TorchScript file and runs its forward on zeros, in a JVM of its own (a native crash
 * ends only this process). Arguments: the file, the input shape ({@code 1,2}), and optionally
 * {@code trust} to load with {@link LoadOptions#trustCode()}. Prints one line:
 * {@code ok <output shape>} or {@code refused <exception class>: <message>}.
 */
public final class HostileLoadMain {
    private HostileLoadMain() {}

    public static void main(String[] args) throws Exception {
        String[] dims = args[1].split(",");
        long[] shape = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = Long.parseLong(dims[i]);
        }
        try {
            ScriptModule m = args.length > 2 && args[2].equals("trust")
                    ? Jit.load(Path.of(args[0]), LoadOptions.defaults().trustCode())
                    : Jit.load(Path.of(args[0]));
            m.eval();
            System.out.println("ok " + io.jtorch.Shapes.format(m.forward(Torch.zeros(shape)).shape()));
        } catch (Exception e) {
            System.out.println("refused " + e.getClass().getName() + ": " + e.getMessage().replace('\n', '\u2424'));
        }
    }
}
