package io.jtorch.misuse;

import static io.jtorch.misuse.MisuseCase.Outcome.ERROR;
import static io.jtorch.misuse.MisuseCase.Outcome.NULL_ARGUMENT;
import static io.jtorch.misuse.MisuseCase.Outcome.RELEASED;
import static io.jtorch.misuse.MisuseCase.Outcome.RESULT_OR_ERROR;
import static io.jtorch.misuse.MisuseCase.of;
import static io.jtorch.misuse.Results.check;

import io.jtorch.Device;
import io.jtorch.NoGrad;
import io.jtorch.Scope;
import io.jtorch.Tensor;
import io.jtorch.Torch;
import io.jtorch.data.Batch;
import io.jtorch.data.DataLoader;
import io.jtorch.data.Dataset;
import io.jtorch.data.Example;
import io.jtorch.data.TensorDataset;
import io.jtorch.nn.CrossEntropyLoss;
import io.jtorch.nn.Linear;
import io.jtorch.optim.SGD;
import io.jtorch.serialization.SafeTensors;
import io.jtorch.serialization.TorchSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Data loaders, scopes and no-grad guards used out of order or from the wrong thread, datasets
 * built from mismatched or empty tensors, and the tensors of finished batches and closed scopes
 * used in training steps and saved to files.
 */
final class DataCases {
    private DataCases() {}

    private static TensorDataset data(int n) {
        return new TensorDataset(Torch.randn(n, 3), Torch.randint(0, 2, n));
    }

    static List<MisuseCase> all() {
        List<MisuseCase> out = new ArrayList<>();
        out.add(of("data DataLoader(batch 0)", ERROR, () -> new DataLoader(data(4), 0)));
        out.add(of("data DataLoader(batch -1)", ERROR, () -> new DataLoader(data(4), -1)));
        out.add(of("data DataLoader(null)", NULL_ARGUMENT, () -> new DataLoader(null, 2)));
        out.add(of("data TensorDataset with mismatched sizes", ERROR, () -> new TensorDataset(Torch.randn(4, 3), Torch.randint(0, 2, 5))));
        out.add(of("data TensorDataset of 0-dim tensors", ERROR, () -> new TensorDataset(Torch.randn(), Torch.randn())));
        out.add(of("data TensorDataset of released tensors", RELEASED,
                () -> new TensorDataset(ShapeOps.released(Torch.randn(4, 3)), Torch.randint(0, 2, 4))));
        out.add(of("data TensorDataset of meta tensors, one pass", RESULT_OR_ERROR, () -> {
            for (Batch b : new DataLoader(new TensorDataset(Torch.randn(4, 3).to(Device.meta()), Torch.randint(0, 2, 4)), 3, true)) {
                Results.touch(b.inputs());
            }
        }));
        out.add(of("data empty TensorDataset gives no batches", RESULT_OR_ERROR, () -> {
            int n = 0;
            for (Batch b : new DataLoader(data(0), 4, true)) {
                n++;
            }
            check(n == 0, n + " batches from an empty dataset");
        }));
        out.add(of("data dropLast larger than the dataset gives no batches", RESULT_OR_ERROR, () -> {
            int n = 0;
            for (Batch b : new DataLoader(data(3), 4).dropLast(true)) {
                n++;
            }
            check(n == 0, n + " batches");
        }));
        out.add(of("data next() after the last batch", ERROR, () -> {
            Iterator<Batch> it = new DataLoader(data(2), 2).iterator();
            it.next();
            it.next();
        }));
        out.add(of("data get(-1)", ERROR, () -> data(3).get(-1)));
        out.add(of("data get(3) of 3", ERROR, () -> data(3).get(3)));
        out.add(of("data getBatch([])", ERROR, () -> data(3).getBatch(new long[0])));
        out.add(of("data getBatch([0, 7])", ERROR, () -> data(3).getBatch(new long[] {0, 7})));
        out.add(of("data getBatch([-1, 0])", ERROR, () -> data(3).getBatch(new long[] {-1, 0})));
        out.add(of("data getBatch([Long.MAX_VALUE])", ERROR, () -> data(3).getBatch(new long[] {Long.MAX_VALUE})));
        out.add(of("data default getBatch with samples of different shapes", ERROR, () -> new Ragged().getBatch(new long[] {0, 1})));
        out.add(of("data withDataset of another size", ERROR, () -> new DataLoader(data(3), 2).withDataset(data(4))));
        for (String use : List.of("forward", "loss labels", "backward", "optimizer step", "Torch.cat", "Torch.stack", "toFloatArray",
                "retain", "save", "safetensors save", "new TensorDataset")) {
            out.add(of("data batch tensor used in " + use + " after the pass ended", RELEASED, () -> {
                Linear model = new Linear(3, 2);
                SGD opt = new SGD(model.parameters(), 0.1);
                Batch last = null;
                Tensor lastLoss = null;
                for (Batch b : new DataLoader(data(6), 3, true).seed(1)) {
                    last = b;
                    lastLoss = new CrossEntropyLoss().forward(model.forward(b.inputs()), b.labels());
                }
                useReleased(use, last, lastLoss, model, opt);
            }));
            out.add(of("data tensor from a closed Scope used in " + use, RELEASED, () -> {
                Linear model = new Linear(3, 2);
                SGD opt = new SGD(model.parameters(), 0.1);
                Batch kept;
                Tensor loss;
                try (Scope s = Scope.open()) {
                    kept = new Batch(Torch.randn(3, 3), Torch.randint(0, 2, 3));
                    loss = new CrossEntropyLoss().forward(model.forward(kept.inputs()), kept.labels());
                }
                useReleased(use, kept, loss, model, opt);
            }));
        }
        out.add(of("data retained batch tensors outlive the pass", RESULT_OR_ERROR, () -> {
            Tensor kept = null;
            for (Batch b : new DataLoader(data(6), 3)) {
                kept = b.inputs().mul(2.0).retain();
            }
            check(kept.numel() == 9, "kept tensor changed");
            Results.touch(kept);
        }));
        out.add(of("data break out of a pass, then a new pass", RESULT_OR_ERROR, () -> {
            DataLoader loader = new DataLoader(data(9), 3);
            Tensor first = null;
            for (Batch b : loader) {
                first = b.inputs();
                break;
            }
            for (Batch b : loader) {
                Results.touch(b.inputs());
            }
            Results.touch(first); // abandoned to the garbage collector, still readable
        }));
        out.add(of("data two passes interleaved on one thread", RESULT_OR_ERROR, () -> {
            DataLoader loader = new DataLoader(data(6), 2);
            Iterator<Batch> a = loader.iterator();
            Batch a1 = a.next();
            Iterator<Batch> b = loader.iterator();
            Batch b1 = b.next();
            Results.touch(b1.inputs());
            Batch a2 = a.next();
            Results.touch(a2.inputs());
            Results.touch(a1.inputs());
        }));
        out.add(of("data iterator continued on another thread", ERROR, () -> {
            Iterator<Batch> it = new DataLoader(data(6), 2).iterator();
            it.next();
            rethrow(onAnotherThread(() -> it.next()));
        }));
        out.add(of("scope closed twice", RESULT_OR_ERROR, () -> {
            Scope s = Scope.open();
            s.close();
            s.close();
            check(s.isClosed(), "not closed");
        }));
        out.add(of("scope closed on another thread", ERROR, () -> {
            Scope s = Scope.open();
            try {
                rethrow(onAnotherThread(s::close));
            } finally {
                s.close();
            }
        }));
        out.add(of("scope outer closed before inner", RESULT_OR_ERROR, () -> {
            Scope outer = Scope.open();
            Tensor a = Torch.randn(2);
            Scope inner = Scope.open();
            Tensor b = Torch.randn(2);
            outer.close();
            inner.close();
            check(a.isReleased() && b.isReleased(), "tensors of closed scopes are still alive");
        }));
        out.add(of("scope abandon then close", RESULT_OR_ERROR, () -> {
            Scope s = Scope.open();
            Tensor t = Torch.randn(2);
            s.abandon();
            s.close();
            Results.touch(t);
        }));
        out.add(of("scope adopt a released tensor", RELEASED, () -> {
            try (Scope s = Scope.open()) {
                s.adopt(ShapeOps.released(Torch.randn(2)));
            }
        }));
        out.add(of("nograd closed on another thread", ERROR, () -> {
            NoGrad g = Torch.noGrad();
            try {
                rethrow(onAnotherThread(g::close));
            } finally {
                g.close();
            }
        }));
        out.add(of("nograd closed out of order restores grad mode", RESULT_OR_ERROR, () -> {
            NoGrad a = Torch.noGrad();
            NoGrad b = Torch.noGrad();
            a.close();
            b.close();
            // Each guard restores what it saw when it opened, as PyTorch's do: b saw "off".
            boolean enabled = Torch.isGradEnabled();
            org.bytedeco.pytorch.GradMode.set_enabled(true);
            check(!enabled, "grad mode is on after the guard that saw it off closed last");
        }));
        out.add(of("save a released tensor with torch.save", RELEASED, () -> TorchSerialization.save(
                Map.of("w", ShapeOps.released(Torch.randn(2))), Files.createTempFile("misuse", ".pt"))));
        out.add(of("save a meta tensor with torch.save", ERROR, () -> TorchSerialization.save(
                Map.of("w", Torch.randn(2).to(Device.meta())), Files.createTempFile("misuse", ".pt"))));
        out.add(of("save a meta tensor with safetensors", ERROR, () -> SafeTensors.save(
                Map.of("w", Torch.randn(2).to(Device.meta())), Files.createTempFile("misuse", ".safetensors"))));
        out.add(of("save an unsupported object", ERROR, () -> TorchSerialization.save(new Object(), Files.createTempFile("misuse", ".pt"))));
        out.add(of("save to a folder", ERROR, () -> TorchSerialization.save(Torch.randn(2), Files.createTempDirectory("misuse"))));
        out.add(of("safetensors save under the name __metadata__", ERROR, () -> SafeTensors.save(Map.of("__metadata__", Torch.randn(2)),
                Files.createTempFile("misuse", ".safetensors"))));
        for (String kind : List.of("stride-0-view", "transposed-view", "offset-view", "zero-size-first", "nan", "bool", "float16",
                "bfloat16", "uint8", "0-dim", "requires-grad-leaf")) {
            out.add(of("save and load back a " + kind + " tensor with torch.save and safetensors", RESULT_OR_ERROR, () -> {
                Tensor t = Kinds.get(kind).of(4, 3);
                Path pt = Files.createTempFile("misuse", ".pt");
                Path st = Files.createTempFile("misuse", ".safetensors");
                Map<String, Tensor> state = new LinkedHashMap<>();
                state.put("t", t);
                TorchSerialization.save(state, pt);
                SafeTensors.save(state, st);
                Results.assertSame(t.detach(), TorchSerialization.loadStateDict(pt).get("t").detach(), "torch.save round trip");
                Results.assertSame(t.detach(), SafeTensors.load(st).get("t"), "safetensors round trip");
                Files.delete(pt);
                Files.delete(st);
            }));
        }
        out.add(of("load with a memory limit of -1", ERROR, () -> {
            Path pt = Files.createTempFile("misuse", ".pt");
            TorchSerialization.save(Torch.randn(2), pt);
            TorchSerialization.load(pt, -1);
        }));
        out.add(of("load a state dict from a file holding a bare tensor", ERROR, () -> {
            Path pt = Files.createTempFile("misuse", ".pt");
            TorchSerialization.save(Torch.randn(2), pt);
            TorchSerialization.loadStateDict(pt);
        }));
        return out;
    }

    private static void useReleased(String use, Batch batch, Tensor loss, Linear model, SGD opt) throws Exception {
        switch (use) {
            case "forward" -> model.forward(batch.inputs());
            case "loss labels" -> new CrossEntropyLoss().forward(Torch.randn(3, 2), batch.labels());
            case "backward" -> loss.backward();
            case "optimizer step" -> {
                opt.zeroGrad();
                loss.backward();
                opt.step();
            }
            case "Torch.cat" -> Torch.cat(List.of(Torch.randn(3, 3), batch.inputs()), 0);
            case "Torch.stack" -> Torch.stack(List.of(batch.inputs(), Torch.randn(3, 3)), 0);
            case "toFloatArray" -> batch.inputs().toFloatArray();
            case "retain" -> batch.inputs().retain();
            case "save" -> TorchSerialization.save(Map.of("x", batch.inputs()), Files.createTempFile("misuse", ".pt"));
            case "safetensors save" -> SafeTensors.save(Map.of("x", batch.inputs()), Files.createTempFile("misuse", ".safetensors"));
            case "new TensorDataset" -> new TensorDataset(batch.inputs(), batch.labels());
            default -> throw new IllegalStateException("unknown use " + use);
        }
    }

    /** Runs {@code r} on a new thread and returns what it threw, or null. */
    static Throwable onAnotherThread(Runnable r) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        t.join();
        return thrown.get();
    }

    static void rethrow(Throwable t) throws Exception {
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** A dataset whose samples differ in shape. */
    private static final class Ragged implements Dataset {
        @Override
        public long size() {
            return 2;
        }

        @Override
        public Example get(long index) {
            return new Example(Torch.randn(index + 1), Torch.tensor(new long[] {0}, new long[0]));
        }
    }
}
