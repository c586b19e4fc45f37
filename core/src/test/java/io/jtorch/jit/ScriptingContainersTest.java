package io.jtorch.jit;

import static io.jtorch.Assertions2.assertBitEqual;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.nn.Linear;
import io.jtorch.nn.Module;
import io.jtorch.nn.ModuleDict;
import io.jtorch.nn.ModuleList;
import io.jtorch.nn.ReLU;
import io.jtorch.nn.Sequential;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jit.script of modules holding ModuleList, ModuleDict, and a module registered twice. */
class ScriptingContainersTest {
    /** Two blocks in a ModuleList and a head in a ModuleDict, with a TorchScript forward. */
    static final class Blocks extends Module implements TorchScriptable {
        Blocks() {
            registerModule("blocks", new ModuleList(new Linear(3, 3), new Linear(3, 3)));
            registerModule("heads", new ModuleDict(Map.of("cls", new Linear(3, 2))));
        }

        @Override
        public Tensor forward(Tensor x) {
            for (Module b : (ModuleList) child("blocks")) {
                x = b.forward(x).relu();
            }
            return ((ModuleDict) child("heads")).get("cls").forward(x);
        }

        @Override
        public String torchScript() {
            return "def forward(self, x: Tensor) -> Tensor:\n"
                    + "    x = torch.relu(getattr(self.blocks, \"0\").forward(x))\n"
                    + "    x = torch.relu(getattr(self.blocks, \"1\").forward(x))\n"
                    + "    return self.heads.cls.forward(x)\n";
        }
    }

    @Test
    void moduleListAndModuleDictChildrenScriptWithPyTorchsKeys() {
        Blocks m = new Blocks();
        ScriptModule s = Jit.script(m);
        Tensor x = Torch.randn(4, 3);
        assertBitEqual(m.forward(x), s.forward(x), "scripted forward");
        assertEquals(new ArrayList<>(m.stateDict().keySet()), new ArrayList<>(s.stateDict().keySet()));
    }

    @Test
    void aSequentialHoldingOneModuleTwiceScriptsBothPlaces() {
        Linear shared = new Linear(2, 2);
        Sequential m = new Sequential(shared, new ReLU(), shared);
        ScriptModule s = Jit.script(m);
        Tensor x = Torch.randn(3, 2);
        assertBitEqual(m.forward(x), s.forward(x), "scripted forward");
        assertEquals(new ArrayList<>(m.stateDict().keySet()), new ArrayList<>(s.stateDict().keySet()));
    }
}
