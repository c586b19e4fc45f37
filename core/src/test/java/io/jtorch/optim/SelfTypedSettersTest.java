package io.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jtorch.nn.Parameter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every optimizer's chainable setters return the optimizer's own type, so a chain keeps it. */
class SelfTypedSettersTest {
    @Test
    void chainsCompileToTheirOwnTypes() {
        List<Parameter> ps = OptimFixtures.fixedParams();
        AdamW adamW = new AdamW(ps, 1e-3).weightDecay(0.05).betas(0.9, 0.98).eps(1e-6).amsgrad(true);
        Adam adam = new Adam(ps, 1e-3).weightDecay(1e-4).betas(0.8, 0.9).eps(1e-7).amsgrad(false);
        SGD sgd = new SGD(ps, 0.1).momentum(0.9).dampening(0).weightDecay(1e-4).nesterov(true);
        RMSprop rmsprop = new RMSprop(ps).alpha(0.9).eps(1e-6).weightDecay(0.1).momentum(0.5).centered(true);
        Adagrad adagrad = new Adagrad(ps).lrDecay(0.1).weightDecay(0.1).initialAccumulatorValue(0.1).eps(1e-8);
        assertEquals(0.05, adamW.paramGroups().get(0).get("weight_decay"));
        assertEquals(0.8, adam.paramGroups().get(0).get("beta1"));
        assertEquals(1.0, sgd.paramGroups().get(0).get("nesterov"));
        assertEquals(1.0, rmsprop.paramGroups().get(0).get("centered"));
        assertEquals(0.1, adagrad.paramGroups().get(0).get("lr_decay"));
    }

    @ParameterizedTest
    @ValueSource(classes = {SGD.class, Adam.class, AdamW.class, RMSprop.class, Adagrad.class})
    void everySetterInheritedOrNotReturnsTheClassItself(Class<?> type) {
        List<String> wrong = new ArrayList<>();
        int setters = 0;
        for (Method m : type.getMethods()) {
            if (m.isBridge() || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Class<?> r = m.getReturnType();
            if (Optimizer.class.isAssignableFrom(r) && r.isAssignableFrom(type)) {
                setters++;
                if (r != type) {
                    wrong.add(m.getName() + " returns " + r.getSimpleName());
                }
            }
        }
        assertTrue(setters >= 4, type.getSimpleName() + " has only " + setters + " chainable setters");
        assertEquals(List.of(), wrong, type.getSimpleName());
    }
}
