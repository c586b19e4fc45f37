package io.jtorch.nn;

import static io.jtorch.nn.ModuleFixtures.ints;
import static io.jtorch.nn.ModuleFixtures.strings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sequential with names and steps, ModuleList and ModuleDict, against what torch 1.13 did (module.json). */
class ContainersTest {
    private static LinkedHashMap<String, Module> named() {
        LinkedHashMap<String, Module> m = new LinkedHashMap<>();
        m.put("conv", new Conv2d(1, 2, 3));
        m.put("act", new ReLU());
        m.put("fc", new Linear(2, 2));
        return m;
    }

    /** The fixture's ListNet: a ModuleList and a ModuleDict inside a user-written module. */
    static final class ListNet extends Module {
        ListNet() {
            registerModule("blocks", new ModuleList(new Linear(2, 2), new Linear(2, 2), new Linear(2, 2)));
            registerModule("heads", new ModuleDict(Map.of("cls", new Linear(2, 4))).put("box", new Linear(2, 1)));
        }

        @Override
        public Tensor forward(Tensor x) {
            for (Module block : (ModuleList) child("blocks")) {
                x = block.forward(x);
            }
            return ((ModuleDict) child("heads")).get("cls").forward(x);
        }
    }

    private static List<Integer> positions(List<Module> of, Iterable<Module> picked) {
        List<Integer> out = new ArrayList<>();
        picked.forEach(m -> out.add(of.indexOf(m)));
        return out;
    }

    @Test
    void namedSequentialUsesItsNamesInTheStateDictAndPrinting() {
        JsonNode py = ModuleFixtures.get("named_sequential");
        Sequential net = new Sequential(named());
        assertEquals(strings(py.get("state_dict")), new ArrayList<>(net.stateDict().keySet()));
        assertEquals(py.get("repr").asText(), net.toString());
        assertEquals(py.get("get_minus1").asText(), net.get(-1).getClass().getSimpleName());
    }

    @Test
    void namedSequentialKeepsNamesOnSetAddModuleAndSliceAndRenumbersOnRemove() {
        JsonNode py = ModuleFixtures.get("named_sequential");
        Sequential net = new Sequential(named());
        net.set(0, new Conv2d(1, 2, 1));
        assertEquals(strings(py.get("after_set0")), new ArrayList<>(net.stateDict().keySet()));
        net.addModule("extra", new Linear(2, 3));
        assertEquals(strings(py.get("after_add_module")), new ArrayList<>(net.stateDict().keySet()));
        assertEquals(strings(py.get("slice_1_")), new ArrayList<>(net.slice(1).namedChildren().keySet()));
        net.remove(1);
        assertEquals(strings(py.get("after_del1")), new ArrayList<>(net.namedChildren().keySet()));
    }

    @Test
    void slicesWithStepsPickAndNameLikePython() {
        JsonNode py = ModuleFixtures.get("sequential_slices");
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            layers.add(new Linear(1, 1));
        }
        Sequential s = new Sequential(layers);
        Map<String, Sequential> cases = new LinkedHashMap<>();
        cases.put("1:", s.slice(1));
        cases.put(":-1", s.slice(0, -1));
        cases.put("::2", s.slice(null, null, 2));
        cases.put("1:5:2", s.slice(1, 5, 2));
        cases.put("::-1", s.slice(null, null, -1));
        cases.put("4:1:-1", s.slice(4, 1, -1));
        cases.put("-1::-2", s.slice(-1, null, -2));
        cases.put("-2:-6:-3", s.slice(-2, -6, -3));
        cases.put("10:0:-4", s.slice(10, 0, -4));
        for (Map.Entry<String, Sequential> c : cases.entrySet()) {
            JsonNode want = py.get(c.getKey());
            assertEquals(ints(want.get("layers")), positions(layers, c.getValue()), "s[" + c.getKey() + "]");
            assertEquals(strings(want.get("names")), new ArrayList<>(c.getValue().namedChildren().keySet()), "names of s[" + c.getKey() + "]");
        }
    }

    @Test
    void aZeroStepIsRefusedAsInPython() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Sequential(new ReLU()).slice(0, 1, 0));
        assertEquals("slice step cannot be zero", e.getMessage());
    }

    @Test
    void concatenationAndExtendNumberByPosition() {
        JsonNode py = ModuleFixtures.get("sequential_slices");
        Sequential a = new Sequential(new Linear(1, 1), new ReLU());
        Sequential b = new Sequential(new Linear(1, 2), new Linear(2, 2));
        Sequential sum = a.plus(b);
        assertEquals(strings(py.get("concat_state_dict")), new ArrayList<>(sum.stateDict().keySet()));
        assertEquals(2, a.size(), "a + b leaves a as it was");
        a.extend(b);
        assertEquals(strings(py.get("extend_state_dict")), new ArrayList<>(a.stateDict().keySet()));
        assertArrayEquals(new long[] {3, 2}, sum.forward(Torch.randn(3, 1)).shape());
    }

    @Test
    void insertRenumbersTheChildren() {
        JsonNode py = ModuleFixtures.get("sequential_slices");
        Sequential c = new Sequential(new Linear(1, 1), new Linear(1, 1));
        c.insert(1, new ReLU());
        List<String> types = new ArrayList<>();
        c.forEach(m -> types.add(m.getClass().getSimpleName()));
        assertEquals(strings(py.get("insert_names")), types);
        assertEquals(strings(py.get("insert_state_dict")), new ArrayList<>(c.stateDict().keySet()));
    }

    @Test
    void appendingWhereTheNextNumberIsTakenIsRefused() {
        Sequential tail = new Sequential(new ReLU(), new ReLU(), new ReLU()).slice(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tail.append(new ReLU()));
        assertTrue(e.getMessage().startsWith("cannot append to a Sequential whose children are named [1, 2]"), e.getMessage());
    }

    @Test
    void moduleListAndModuleDictKeysInTheStateDictAreLikePyTorchs() {
        JsonNode py = ModuleFixtures.get("containers");
        ListNet net = new ListNet();
        assertEquals(strings(py.get("state_dict")), new ArrayList<>(net.stateDict().keySet()));
        assertEquals(py.get("repr").asText(), net.toString());
        assertArrayEquals(new long[] {5, 4}, net.forward(Torch.randn(5, 2)).shape());
    }

    @Test
    void moduleListSlicesAreNumberedFromZero() {
        JsonNode py = ModuleFixtures.get("containers");
        List<Module> mods = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mods.add(new Linear(1, 1));
        }
        ModuleList list = new ModuleList(mods);
        assertEquals(strings(py.get("list_slice_1_4")), new ArrayList<>(list.slice(1, 4).namedChildren().keySet()));
        assertEquals(ints(py.get("list_slice_1_4_layers")), positions(mods, list.slice(1, 4)));
        assertEquals(ints(py.get("list_slice_rev_layers")), positions(mods, list.slice(null, null, -2)));
    }

    @Test
    void moduleListRemoveAndInsertRenumber() {
        JsonNode py = ModuleFixtures.get("containers");
        List<Module> mods = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mods.add(new Linear(1, 1));
        }
        ModuleList list = new ModuleList(mods);
        list.remove(1);
        assertEquals(strings(py.get("list_after_del1")), new ArrayList<>(list.namedChildren().keySet()));
        assertEquals(ints(py.get("list_after_del1_layers")), positions(mods, list));
        list.insert(1, new ReLU());
        List<String> types = new ArrayList<>();
        list.forEach(m -> types.add(m.getClass().getSimpleName()));
        assertEquals(strings(py.get("list_after_insert1")), types);
    }

    @Test
    void moduleListIndexingFollowsPython() {
        Linear a = new Linear(1, 1);
        ReLU r = new ReLU();
        ModuleList list = new ModuleList(a).append(r);
        assertSame(r, list.get(-1));
        assertSame(a, list.get(0, Linear.class));
        Linear b = new Linear(1, 2);
        assertSame(r, list.set(-1, b));
        assertSame(b, list.get(1));
        assertEquals(2, list.size());
        assertSame(b, list.pop(1));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> list.get(3));
        assertEquals("index 3 is out of range for ModuleList of size 1", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-2));
        assertThrows(NullPointerException.class, () -> list.append(null));
    }

    @Test
    void moduleListConcatenationNumbersByPosition() {
        ModuleList sum = new ModuleList(new ReLU()).plus(new ModuleList(new Linear(1, 1)));
        assertEquals(strings(ModuleFixtures.get("containers").get("list_plus_state_dict")), new ArrayList<>(sum.stateDict().keySet()));
    }

    @Test
    void callingAModuleListThrowsLikePyTorchsNotImplementedError() {
        assertEquals("NotImplementedError", ModuleFixtures.get("containers").get("list_forward_error").asText());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new ModuleList(new ReLU()).forward(Torch.zeros(1)));
        assertTrue(e.getMessage().startsWith("ModuleList has no forward"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> new ModuleDict().forward(Torch.zeros(1)));
    }

    @Test
    void moduleListIteratorIsReadOnly() {
        Iterator<Module> it = new ModuleList(new ReLU()).iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
    }

    @Test
    void moduleDictKeepsInsertionOrderThroughPutUpdateAndPop() {
        JsonNode py = ModuleFixtures.get("containers");
        LinkedHashMap<String, Module> init = new LinkedHashMap<>();
        init.put("b", new ReLU());
        init.put("a", new Linear(1, 1));
        ModuleDict d = new ModuleDict(init);
        d.put("c", new Linear(1, 2));
        LinkedHashMap<String, Module> more = new LinkedHashMap<>();
        more.put("a", new Linear(1, 3));
        more.put("z", new ReLU());
        d.update(more);
        assertEquals(strings(py.get("dict_keys")), d.keys());
        assertEquals(py.get("dict_a_out").asLong(), d.get("a", Linear.class).outFeatures());
        assertEquals(py.get("dict_pop").asText(), d.pop("b").getClass().getSimpleName());
        assertEquals(strings(py.get("dict_keys_after_pop")), d.keys());
        assertEquals(strings(py.get("dict_state_dict")), new ArrayList<>(d.stateDict().keySet()));
        assertEquals(d.keys().size(), d.values().size());
        assertEquals(d.keys(), new ArrayList<>(d.items().stream().map(Map.Entry::getKey).toList()));
        assertTrue(d.containsKey("z"));
    }

    @Test
    void aMissingModuleDictKeyNamesTheKeysThereAre() {
        ModuleDict d = new ModuleDict().put("cls", new ReLU());
        java.util.NoSuchElementException e = assertThrows(java.util.NoSuchElementException.class, () -> d.get("box"));
        assertEquals("ModuleDict has no key 'box' (keys: [cls])", e.getMessage());
        d.clear();
        assertEquals(0, d.size());
    }
}
