package io.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.internal.SerialRegion;
import io.jtorch.internal.TwoThreads;
import io.jtorch.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** Optimizers update small parameters on the stepping thread alone and large ones on its team, then put its count back. */
class SmallUpdatesTest {
    /** Records, for each update, the intra-op count it ran with. */
    static final class Recording extends Optimizer {
        final List<Integer> counts = new ArrayList<>();

        Recording(List<Parameter> params) {
            super(single(params), Map.of("lr", 0.1));
        }

        @Override
        protected void update(ParamGroup group, Parameter param, Tensor grad, Map<String, Object> state) {
            counts.add(torch.get_num_threads());
            param.add_(grad, -group.get("lr"));
        }
    }

    @Test
    void smallParametersAloneLargeOnesOnTheTeam() throws InterruptedException {
        TwoThreads.run(() -> {
            List<Parameter> params = List.of(
                    new Parameter(Torch.zeros(300, 301)),
                    new Parameter(Torch.zeros(SerialRegion.SMALL_UPDATE)),
                    new Parameter(Torch.zeros(10)),
                    new Parameter(Torch.zeros(SerialRegion.SMALL_UPDATE - 1)));
            for (Parameter p : params) {
                p.sum().backward(); // a gradient of ones
            }
            Recording opt = new Recording(params);
            opt.step();
            assertEquals(List.of(1, 2, 1, 1), opt.counts);
            assertEquals(2, torch.get_num_threads(), "the thread's count is put back after the step");
            for (Parameter p : params) {
                assertEquals(-0.1 * p.numel(), p.sum().item(), 1e-3 * p.numel(), "every parameter was updated");
            }
        });
    }
}
