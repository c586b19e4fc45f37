package io.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequential behaves like nn.Sequential: indexing, assignment, slicing, insertion and removal. */
class SequentialTest {
    private final Linear a = new Linear(4, 8);
    private final ReLU r = new ReLU();
    private final Linear b = new Linear(8, 3);
    private final Sequential model = new Sequential(a, r, b);

    @Test
    void getAcceptsNegativeIndicesLikePython() {
        assertSame(b, model.get(-1));
        assertSame(r, model.get(-2));
        assertSame(a, model.get(-3));
        assertSame(a, model.get(0));
    }

    @Test
    void typedGetReturnsTheLayerOrNamesBothTypes() {
        assertEquals(8, model.get(-1, Linear.class).inFeatures());
        ClassCastException e = assertThrows(ClassCastException.class, () -> model.get(1, Linear.class));
        assertEquals("Sequential[1] is ReLU (ReLU()), not Linear", e.getMessage());
    }

    @Test
    void outOfRangeIndexNamesIndexAndSize() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> model.get(3));
        assertEquals("index 3 is out of range for Sequential of size 3", e.getMessage());
        e = assertThrows(IndexOutOfBoundsException.class, () -> model.get(-4));
        assertEquals("index -4 is out of range for Sequential of size 3", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> model.set(5, new ReLU()));
        assertThrows(IndexOutOfBoundsException.class, () -> model.remove(-7));
    }

    @Test
    void setReplacesModuleAndParameters() {
        Linear head = new Linear(8, 5);
        Module old = model.set(-1, head);
        assertSame(b, old);
        assertSame(head, model.get(2));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), new ArrayList<>(model.namedParameters().keySet()));
        assertSame(head.weight(), model.namedParameters().get("2.weight"));
        assertEquals(5, model.stateDict().get("2.weight").size(0));
        assertEquals(5, model.forward(Torch.randn(2, 4)).size(1));
        assertTrue(model.toString().contains("(2): Linear(in_features=8, out_features=5, bias=True)"));
    }

    @Test
    void optimizerBuiltAfterSetSeesTheNewParameters() {
        Linear head = new Linear(8, 5);
        model.set(-1, head);
        SGD optimizer = new SGD(model.parameters(), 0.1);
        List<Parameter> params = optimizer.paramGroups().get(0).params();
        assertTrue(params.contains(head.weight()) && params.contains(head.bias()));
        assertTrue(!params.contains(b.weight()));
    }

    @Test
    void sliceSharesModulesAndComputesIntermediateOutputs() {
        Sequential firstTwo = model.slice(0, 2);
        assertEquals(2, firstTwo.size());
        assertSame(a, firstTwo.get(0));
        assertSame(r, firstTwo.get(1));
        Tensor x = Torch.randn(3, 4);
        Tensor expected = Functional.relu(a.forward(x));
        assertTrue(expected.equal(firstTwo.forward(x)));
        // Shared objects: training through the slice changes the original model.
        assertSame(a.weight(), model.slice(0, 1).parameters().get(0));
    }

    @Test
    void sliceBoundsFollowPython() {
        assertEquals(List.of(r, b), model.slice(1).toList());          // model[1:]
        assertEquals(List.of(a, r), model.slice(0, -1).toList());      // model[:-1]
        assertEquals(List.of(b), model.slice(-1, 100).toList());       // model[-1:100]
        assertEquals(0, model.slice(2, 1).size());                     // model[2:1]
        assertEquals(3, model.slice(-10, 10).size());                  // model[-10:10]
    }

    @Test
    void insertAppendRemoveAndPopRenumberChildren() {
        Dropout d = new Dropout(0.1);
        model.insert(1, d);
        assertEquals(List.of("0", "1", "2", "3"), new ArrayList<>(model.namedChildren().keySet()));
        assertSame(d, model.get(1));
        model.insert(-1, new Identity());
        assertTrue(model.get(3) instanceof Identity);
        model.append(new GELU());
        assertEquals(6, model.size());
        assertTrue(model.pop() instanceof GELU);
        assertTrue(model.remove(3) instanceof Identity);
        assertSame(d, model.pop(1));
        assertEquals(List.of(a, r, b), model.toList());
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), new ArrayList<>(model.namedParameters().keySet()));
        assertThrows(IndexOutOfBoundsException.class, () -> model.insert(4, new ReLU()));
        model.insert(3, new ReLU());                                   // insert at len(model) appends
        assertEquals(4, model.size());
    }

    @Test
    void droppingTopLayersAndDeepeningTheHead() {
        Sequential deeper = model.slice(0, -1).append(new Linear(8, 16)).append(new ReLU()).append(new Linear(16, 2));
        assertEquals(5, deeper.size());
        assertEquals(2, deeper.forward(Torch.randn(1, 4)).size(1));
        assertNotSame(model, deeper);
        assertEquals(3, model.size());
    }

    @Test
    void iterationVisitsModulesInOrder() {
        List<Module> seen = new ArrayList<>();
        for (Module m : model) {
            seen.add(m);
        }
        assertEquals(List.of(a, r, b), seen);
    }

    @Test
    void printsLikePyTorch() {
        Sequential nested = new Sequential(new Sequential(new Linear(2, 3), new ReLU()), new Dropout(0.25), new Linear(3, 1, false));
        assertEquals("Sequential(\n"
                + "  (0): Sequential(\n"
                + "    (0): Linear(in_features=2, out_features=3, bias=True)\n"
                + "    (1): ReLU()\n"
                + "  )\n"
                + "  (1): Dropout(p=0.25, inplace=False)\n"
                + "  (2): Linear(in_features=3, out_features=1, bias=False)\n"
                + ")", nested.toString());
    }

    @Test
    void addModuleAppendsANamedChildThatForwardUses() {
        Linear head = new Linear(3, 2);
        model.addModule("head", head);
        assertEquals(List.of("0", "1", "2", "head"), new ArrayList<>(model.namedChildren().keySet()));
        assertSame(head, model.get(-1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {5, 2}, model.forward(Torch.randn(5, 4)).shape());
    }
}
