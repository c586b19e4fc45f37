package io.jtorch.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TorchScriptableTest {
    /** A residual block with a child, an own parameter and a training-dependent branch. */
    static final class Residual extends Module implements TorchScriptable {
        Residual() {
            registerModule("fc", new Linear(4, 4));
            registerParameter("scale", new Parameter(Torch.ones(4)));
        }

        @Override
        public Tensor forward(Tensor x) {
            return x.add(child("fc").forward(x).mul(parameter("scale")));
        }

        @Override
        public String torchScript() {
            return "def forward(self, x: Tensor) -> Tensor:\n"
                    + "    return x + self.fc.forward(x) * self.scale\n";
        }
    }

    @Test
    void scriptedModuleComputesWhatTheJavaForwardComputes() {
        Torch.manualSeed(0);
        Residual m = new Residual();
        ScriptModule s = Jit.script(m);
        Tensor x = Torch.randn(3, 4);
        assertTrue(s.forward(x).allclose(m.forward(x), 0, 0));
        assertEquals(Set.of("fc.weight", "fc.bias", "scale"), s.stateDict().keySet());
    }

    @Test
    void replacedChildIsWhatForwardAndScriptUse() {
        Torch.manualSeed(0);
        Residual m = new Residual();
        Linear replacement = new Linear(4, 4, false);
        m.registerModule("fc", replacement);
        Tensor x = Torch.randn(2, 4);
        assertTrue(m.forward(x).allclose(x.add(replacement.forward(x)), 0, 0));
        assertEquals(Set.of("fc.weight", "scale"), Jit.script(m).stateDict().keySet());
    }
}
