package io.jtorch.jit;

import io.jtorch.DType;
import io.jtorch.Device;
import io.jtorch.Shapes;
import io.jtorch.Tensor;
import io.jtorch.internal.Errors;
import io.jtorch.internal.Native;
import io.jtorch.nn.Module;
import io.jtorch.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitModule;

/**
 * A TorchScript module, loaded from a file Python wrote with {@code torch.jit.script(model).save(path)}
 * or built by {@link Jit#script(Module)}. Mirrors {@code torch.jit.ScriptModule}.
 *
 * <p>It is a {@link Module}: its parameters, with PyTorch's dotted names such as
 * {@code layer4.1.conv2.weight}, train with the optimizers of {@code io.jtorch.optim}; it can sit
 * inside a Java {@link io.jtorch.nn.Sequential}; {@code requiresGrad}, {@code train()},
 * {@code eval()}, {@code stateDict()} and {@code loadStateDict} work on it as on any module. The
 * Java objects share the module's tensors: freezing a parameter here freezes it in the saved file.
 * <pre>{@code
 * ScriptModule model = ScriptModule.load(Path.of("resnet18.pt"));
 * model.requiresGrad(false);
 * model.replaceHead(3);                     // model.fc = nn.Linear(512, 3)
 * ... train ...
 * model.save(Path.of("resnet18-3classes.pt"));
 * }</pre>
 */
public class ScriptModule extends Module implements io.jtorch.nn.Staged {
    static {
        Native.load();
    }

    private final JitModule raw;
    private final Map<String, ScriptModule> childCache = new LinkedHashMap<>();
    private final Map<String, Parameter> parameterCache = new LinkedHashMap<>();
    private List<Chains.Step> steps;
    private RuntimeException notAChain;
    private final Map<String, ScriptModule> opStages = new LinkedHashMap<>();

    ScriptModule(JitModule raw) {
        this.raw = raw.retainReference();
    }

    /**
     * Loads a TorchScript file onto the CPU; mirrors {@code torch.jit.load(path)}. Same as
     * {@link Jit#load(Path)}.
     *
     * @param path the TorchScript file, as {@code torch.jit.save} writes it
     * @return the loaded program, on the CPU
     * @throws IOException when the file does not exist or cannot be read
     * @throws IllegalArgumentException when the file is not a TorchScript program, or is refused
     */
    public static ScriptModule load(Path path) throws IOException {
        return Jit.load(path);
    }

    /**
     * Loads a TorchScript file onto {@code device}; mirrors {@code torch.jit.load(path,
     * map_location=device)}. Same as {@link Jit#load(Path, Device)}.
     *
     * @param path the TorchScript file
     * @param device PyTorch's {@code map_location}: the device every tensor is loaded onto
     * @return the loaded program, on {@code device}
     * @throws IOException when the file does not exist or cannot be read
     * @throws IllegalArgumentException when the file is not a TorchScript program, or is refused
     */
    public static ScriptModule load(Path path, Device device) throws IOException {
        return Jit.load(path, device);
    }

    /**
     * Loads a TorchScript file onto {@code device}, allocating at most {@code maxBytes} bytes of
     * tensor memory (the default is {@link io.jtorch.serialization.TorchSerialization#defaultMaxBytes()});
     * a file that declares more is refused before anything is allocated.
     *
     * @param path the TorchScript file
     * @param device the device every tensor is loaded onto
     * @param maxBytes the most bytes of tensor memory the file may declare, 0 or more
     * @return the loaded program, on {@code device}
     * @throws IOException when the file does not exist or cannot be read
     * @throws IllegalArgumentException when the file is not a TorchScript program, is refused or
     *     declares more than {@code maxBytes}
     */
    public static ScriptModule load(Path path, Device device, long maxBytes) throws IOException {
        return Jit.load(path, device, maxBytes);
    }

    /**
     * Loads a TorchScript file as {@code options} say, e.g.
     * {@code ScriptModule.load(path, LoadOptions.defaults().trustCode())} for a file from a trusted
     * author whose code runs while loading; see {@link Jit#load(Path, LoadOptions)}.
     *
     * @param path the TorchScript file
     * @param options the device, memory limit and code policy
     * @return the loaded program, on {@code options.device()}
     * @throws IOException when the file does not exist or cannot be read
     * @throws IllegalArgumentException naming the file and what was refused
     */
    public static ScriptModule load(Path path, LoadOptions options) throws IOException {
        return Jit.load(path, options);
    }

    /** {@return the presets' module behind this one: the escape hatch to the whole TorchScript API} */
    public JitModule raw() {
        return raw;
    }

    /** {@return the TorchScript class name, e.g. {@code __torch__.torchvision.models.resnet.ResNet}} */
    public String typeName() {
        return Slots.typeName(raw);
    }

    /** {@return the Python class's own name, e.g. {@code ResNet}; mirrors {@code original_name}} */
    public String originalName() {
        String t = typeName();
        return t.substring(t.lastIndexOf('.') + 1);
    }

    // ---------------------------------------------------------------- running

    /** Runs the module's {@code forward} on one tensor and returns its tensor result. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(new Tensor[] {input});
    }

    /**
     * Runs {@code forward} on several tensor arguments; mirrors {@code module(*inputs)}. When
     * {@code forward} returns a tuple or list (GoogLeNet's and Inception3's outputs, a model's
     * {@code (logits, aux)}), this is its first tensor, the logits; {@link #forwardAll} gives them
     * all.
     *
     * @param inputs the tensor arguments of {@code forward}, in order
     * @return the result, or the first tensor of a tuple or list result
     * @throws IllegalStateException when the result holds no tensor
     */
    public Tensor forward(Tensor... inputs) {
        IValue out = call(inputs);
        if (out.isTensor()) {
            return ScriptResults.owned(out);
        }
        for (Tensor t : ScriptResults.tensors(out, originalName())) {
            if (t != null) {
                return t;
            }
        }
        throw new IllegalStateException(originalName() + ".forward returned a " + out.tagKind().getString() + " holding no tensor");
    }

    /**
     * Runs {@code forward} and returns every tensor of a tensor, tuple or list result, in order,
     * nested tuples flattened; a {@code None} (an {@code Optional[Tensor]} left empty, such as
     * GoogLeNet's auxiliary outputs in eval mode) is a {@code null} in its place, so positions
     * stay those of the Python tuple: {@code logits, aux2, aux1 = model(x)} reads
     * {@code out.get(0)}, {@code out.get(1)}, {@code out.get(2)}.
     *
     * @param inputs the tensor arguments of {@code forward}, in order
     * @return the result's tensors in order, {@code null} for each {@code None}
     * @throws IllegalStateException for a result that is not made of tensors and {@code None}s
     */
    public List<Tensor> forwardAll(Tensor... inputs) {
        return ScriptResults.tensors(call(inputs), originalName());
    }

    private IValue call(Tensor[] inputs) {
        IValueVector args = new IValueVector();
        for (Tensor t : inputs) {
            args.push_back(new IValue(t.raw()));
        }
        try {
            return raw.forward(args);
        } catch (RuntimeException e) {
            String shapes = inputs.length == 1 ? Shapes.format(inputs[0].shape()) : inputs.length + " inputs";
            throw Errors.translate(e, originalName() + " (TorchScript) on input " + shapes);
        }
    }

    // ---------------------------------------------------------------- tree

    /** The direct children by name, in order, as script modules. */
    @Override
    protected Map<String, Module> ownModules() {
        Map<String, JitModule> now = Slots.children(raw);
        Map<String, Module> out = new LinkedHashMap<>();
        for (Map.Entry<String, JitModule> e : now.entrySet()) {
            ScriptModule cached = childCache.get(e.getKey());
            if (cached == null || !cached.raw.equals(e.getValue())) {
                cached = new ScriptModule(e.getValue());
                childCache.put(e.getKey(), cached);
            }
            out.put(e.getKey(), cached);
        }
        childCache.keySet().retainAll(now.keySet());
        return Collections.unmodifiableMap(out);
    }

    /**
     * Puts {@code module} in place of the child {@code name}, for the compiled {@code forward} to
     * use; the {@code model.fc = ...} line on a TorchScript model, also reached through
     * {@code setSubmodule("layer4.1.conv2", m)}. TorchScript fixes the class of each child when it
     * compiles {@code forward}, so:
     * <ul>
     *   <li>a Java {@link io.jtorch.nn.Linear} in place of a {@code Linear} child works: the child
     *       takes the new layer's weight and bias, shared, so forward, parameters, state dict,
     *       printing, training the Java layer and {@link #save} all follow (any size; bias
     *       present on both or on neither);</li>
     *   <li>a {@code ScriptModule} of the child's TorchScript class replaces it, and a scripted
     *       Linear ({@code Jit.script(new Linear(512, 10))}) shares its weights into a Linear
     *       child as a Java one does;</li>
     *   <li>anything else is refused, as PyTorch refuses it ("Cannot re-assign modules in a
     *       ScriptModule with non-scripted module"), with what to call instead.</li>
     * </ul>
     *
     * @throws IllegalArgumentException for a module TorchScript cannot take there
     * @throws UnsupportedOperationException for a name that is not a child, or {@code null}
     */
    @Override
    public <M extends Module> M registerModule(String name, M module) {
        ScriptAssign.assign(this, name, module);
        return module;
    }

    /** An independent copy with its own parameters; mirrors {@code copy.deepcopy(scripted)}. */
    @Override
    public ScriptModule deepCopy() {
        return Heads.copyOf(this);
    }

    @Override
    protected Module deepCopy(Map<Object, Object> memo) {
        return (Module) memo.computeIfAbsent(this, k -> Heads.copyOf(this));
    }

    /**
     * {@return the child at {@code index} in registration order, like {@code model[index]} on a
     * scripted Sequential}
     *
     * @param index the child's 0-based position, negative counting from the end
     * @throws IndexOutOfBoundsException when there is no child at {@code index}
     */
    public ScriptModule get(int index) {
        List<Module> kids = new ArrayList<>(namedChildren().values());
        int n = kids.size();
        if (index < -n || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for " + originalName() + " with " + n + " children");
        }
        return (ScriptModule) kids.get(index < 0 ? index + n : index);
    }

    /**
     * {@return the submodule at a dotted path; mirrors {@code get_submodule(path)}}
     *
     * @param path the dotted path, such as {@code "classifier.6"} or {@code "layer4.1.conv2"}
     * @throws IllegalArgumentException naming the part of the path that does not exist
     */
    public ScriptModule get(String path) {
        return (ScriptModule) getSubmodule(path);
    }

    @Override
    protected Map<String, Parameter> ownParameters() {
        Map<String, org.bytedeco.pytorch.Tensor> now = Slots.parameters(raw);
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, org.bytedeco.pytorch.Tensor> e : now.entrySet()) {
            Parameter cached = parameterCache.get(e.getKey());
            if (cached == null || cached.raw().unsafeGetTensorImpl().address() != e.getValue().unsafeGetTensorImpl().address()) {
                cached = Parameter.shared(e.getValue());
                parameterCache.put(e.getKey(), cached);
            }
            out.put(e.getKey(), cached);
        }
        parameterCache.keySet().retainAll(now.keySet());
        return Collections.unmodifiableMap(out);
    }

    @Override
    protected Map<String, Tensor> ownBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, org.bytedeco.pytorch.Tensor> e : Slots.buffers(raw).entrySet()) {
            out.put(e.getKey(), Tensor.wrap(e.getValue()));
        }
        return out;
    }

    // ---------------------------------------------------------------- modes, devices, files

    @Override
    protected void setTrainingFlag(boolean mode) {
        raw.train(mode);
    }

    /** Training mode here and below. Returns this, as a script module. */
    @Override
    public ScriptModule train(boolean mode) {
        super.train(mode);
        return this;
    }

    /** Training mode. Returns this, as a script module. */
    @Override
    public ScriptModule train() {
        return train(true);
    }

    /** Evaluation mode; {@code ScriptModule.load(p).eval()} stays a script module. Returns this. */
    @Override
    public ScriptModule eval() {
        return train(false);
    }

    @Override
    public boolean isTraining() {
        return raw.is_training();
    }

    /** Moves every parameter and buffer to {@code device} in place. Returns this. */
    @Override
    public Module to(Device device) {
        io.jtorch.Torch.cuda().check(device);
        try {
            raw.to(device.toNative());
        } catch (RuntimeException e) {
            throw Errors.translate(e, originalName() + ".to(" + device + ")");
        }
        return this;
    }

    /** Converts floating-point parameters and buffers to {@code dtype} in place. Returns this. */
    @Override
    public Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Module.to(dtype) takes a floating-point dtype, got " + dtype);
        }
        raw.to(dtype.scalarType());
        return this;
    }

    /**
     * Writes this module as a TorchScript file that Python's {@code torch.jit.load} and
     * {@link #load(Path)} read; mirrors {@code module.save(path)}. The file is replaced
     * atomically: a crash never leaves a half-written file. A full disk, a vanished folder or a
     * read-only target end in an {@link IOException}, with the previous file intact and no
     * temporary file left.
     *
     * @param path the file to write
     * @throws IOException when the file cannot be written
     */
    public void save(Path path) throws IOException {
        save(path, Map.of());
    }

    /**
     * Writes this module with extra text files stored beside the program, as
     * {@code torch.jit.save(m, path, _extra_files=...)} does; read them back with
     * {@link Jit#extraFile(Path, String)} or, in Python, {@code torch.jit.load(path, _extra_files=...)}.
     * Replaced atomically, as {@link #save(Path)}.
     *
     * @param path the file to write
     * @param extraFiles PyTorch's {@code _extra_files}: file names to their text contents
     * @throws IOException when the file cannot be written
     */
    public void save(Path path, Map<String, String> extraFiles) throws IOException {
        org.bytedeco.pytorch.ExtraFilesMap extras = new org.bytedeco.pytorch.ExtraFilesMap();
        for (Map.Entry<String, String> e : extraFiles.entrySet()) {
            extras.put(new org.bytedeco.javacpp.BytePointer(e.getKey()), e.getValue());
        }
        // Through a pipe: libtorch's writer aborts the process when a write fails (a full disk).
        io.jtorch.serialization.AtomicFiles.writeThroughPipe(path, pipe -> {
            try {
                raw.save(pipe.toString(), extras);
            } catch (RuntimeException e) {
                throw Errors.translate(e, "saving " + originalName() + " to " + path);
            }
        });
    }

    // ---------------------------------------------------------------- heads

    /** {@return whether this module is a scripted {@code nn.Sequential}, whose children run one after another} */
    public boolean isSequential() {
        return Scripting.isSequential(this);
    }

    /** {@return whether this module is an {@code nn.Linear} (a scripted one, or one {@link Jit#script} made)} */
    public boolean isLinear() {
        return Heads.isLinear(this);
    }

    /** {@return the dotted paths of every {@code nn.Linear} inside this module, in registration order} */
    public List<String> linearPaths() {
        return Heads.linearPaths(this);
    }

    /**
     * Replaces the {@code nn.Linear} at {@code path} with a fresh one of the same input size and
     * {@code outFeatures} outputs, initialised like a new {@code nn.Linear}; mirrors
     * {@code model.fc = nn.Linear(model.fc.in_features, n)}. The new parameters require grad.
     *
     * @param path the dotted path of the Linear, such as {@code "fc"}
     * @param outFeatures the new layer's {@code out_features}, at least 1
     * @return this, for chaining
     * @throws IllegalArgumentException when nothing is at {@code path} or it is not a Linear,
     *     listing the Linear layers there are, or when {@code outFeatures} is below 1
     */
    public ScriptModule replaceLinear(String path, long outFeatures) {
        Heads.replaceLinear(this, path, outFeatures);
        return this;
    }

    /**
     * Replaces the last {@code nn.Linear} (the classifier of ResNet's {@code fc}, VGG's
     * {@code classifier.6}, MobileNet's {@code classifier.1}, ViT's {@code heads.head}, a
     * Sequential's last layer) for {@code outFeatures} classes, as {@link #replaceLinear} does.
     *
     * @param outFeatures the number of classes, at least 1
     * @return the dotted path of the layer it replaced
     * @throws IllegalArgumentException when the module has no Linear layer, or {@code
     *     outFeatures} is below 1
     */
    public String replaceHead(long outFeatures) {
        return Heads.replaceHead(this, outFeatures);
    }

    /**
     * A new script module that returns what enters the {@code nn.Linear} at {@code path}: the
     * features a classifier head sees (the 512 values before a ResNet-18's {@code fc}), exactly.
     * The original module is not changed; the copy has its own parameters.
     *
     * @param path the dotted path of the Linear, such as {@code "fc"}
     * @return the copy ending before that Linear
     * @throws IllegalArgumentException when nothing is at {@code path} or it is not a Linear
     */
    public ScriptModule featuresBefore(String path) {
        return Heads.featuresBefore(this, path);
    }

    /**
     * Children {@code from} (inclusive) to {@code to} (exclusive) of a scripted {@code nn.Sequential}
     * as a new script module sharing the same child modules; mirrors {@code model[from:to]}.
     *
     * @param from the first child's index, negative counting from the end; clamped to the
     *     children as Python clamps a slice
     * @param to the index after the last child, negative counting from the end; clamped likewise
     * @return the new Sequential of those children, keeping their names
     * @throws UnsupportedOperationException when this module is not a scripted Sequential
     */
    public ScriptModule slice(int from, int to) {
        return Scripting.slice(this, from, to);
    }

    /**
     * The stages of {@code forward} when it is a straight chain of this module's children, read
     * from its TorchScript graph: each child it calls on the running value, in order, and a small
     * script module for each functional step between them (the {@code torch.flatten(x, 1)} of a
     * torchvision ResNet, named {@code "torch.flatten"}). Scripted and traced torchvision
     * classifiers qualify; a forward that branches, adds a skip connection, reads
     * {@code self.training} or has control flow does not. The graph is read once per module.
     *
     * @throws UnsupportedOperationException naming what breaks the chain
     */
    @Override
    public java.util.LinkedHashMap<String, Module> stages() {
        if (steps == null && notAChain == null) {
            try {
                steps = Chains.steps(this);
            } catch (UnsupportedOperationException e) {
                notAChain = e;
            }
        }
        if (notAChain != null) {
            throw new UnsupportedOperationException(notAChain.getMessage(), notAChain);
        }
        return Chains.stages(this, steps, opStages);
    }

    // ---------------------------------------------------------------- printing

    @Override
    protected String reprName() {
        return originalName();
    }

    @Override
    public String extraRepr() {
        return Heads.describe(this);
    }
}
