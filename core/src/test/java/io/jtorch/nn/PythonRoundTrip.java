package io.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.PythonCheck;
import io.jtorch.Tensor;
import io.jtorch.jit.Jit;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Saves a Java module as TorchScript and checks that Python's torch.jit.load computes what Java computes. */
final class PythonRoundTrip {
    private PythonRoundTrip() {}

    static void assertPythonComputesTheSame(Module m, Tensor x, Path dir) throws IOException {
        Path file = dir.resolve("module.pt");
        Jit.script(m).save(file);
        Assumptions.assumeTrue(PythonCheck.available(), PythonCheck.skipReason());
        PythonCheck.Result r = PythonCheck.run(String.join("\n",
                "import sys, torch",
                "shape = [int(v) for v in sys.argv[2].split()]",
                "x = torch.tensor([float(v) for v in sys.argv[3].split()]).reshape(shape)",
                "want = torch.tensor([float(v) for v in sys.argv[4].split()])",
                "y = torch.jit.load(sys.argv[1]).eval()(x).reshape(-1)",
                "print('maxdiff', float((y - want).abs().max()) if y.shape == want.shape else 'shape ' + str(y.shape))"),
                file.toString(), join(x.shape()), join(x.toFloatArray()), join(m.forward(x).toFloatArray()));
        assertEquals(0, r.exitCode(), r.output());
        String diff = r.output().replaceAll("(?s).*maxdiff ", "").trim();
        assertTrue(diff.matches("[0-9.e-]+") && Double.parseDouble(diff) <= 1e-5, r.output());
    }

    private static String join(long[] v) {
        StringBuilder s = new StringBuilder();
        for (long e : v) {
            s.append(e).append(' ');
        }
        return s.toString();
    }

    private static String join(float[] v) {
        StringBuilder s = new StringBuilder();
        for (float e : v) {
            s.append(e).append(' ');
        }
        return s.toString();
    }
}
