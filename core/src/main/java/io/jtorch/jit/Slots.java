package io.jtorch.jit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.NamedJitModule;
import org.bytedeco.pytorch.NamedTensor;
import org.bytedeco.pytorch.named_buffer_iterator;
import org.bytedeco.pytorch.named_buffer_list;
import org.bytedeco.pytorch.named_module_iterator;
import org.bytedeco.pytorch.named_module_list;
import org.bytedeco.pytorch.named_parameter_iterator;
import org.bytedeco.pytorch.named_parameter_list;

/**
 * Reads a TorchScript module's children, parameters and buffers into Java maps. The only place
 * in jtorch that touches the presets' slot iterators.
 *
 * <p>The iterators are C++ iterators in Java clothing: {@code multiply()} is {@code operator*},
 * {@code access()} is {@code operator->}, and using either past {@code end()} or after the list
 * is freed reads freed memory and can kill the JVM. Here each list is kept in a local variable
 * for the whole loop, only {@code multiply()} is used, always before {@code end()}, and every
 * value is copied into a handle that Java owns before the next step.
 */
final class Slots {
    private Slots() {}

    /** The direct children by name, in registration order. */
    static Map<String, JitModule> children(JitModule module) {
        Map<String, JitModule> out = new LinkedHashMap<>();
        named_module_list list = module.named_children();
        named_module_iterator end = list.end();
        for (named_module_iterator it = list.begin(); it.notEquals(end); it = it.increment()) {
            NamedJitModule item = it.multiply();
            out.put(item.name().getString(), new JitModule(item.value()));
        }
        return out;
    }

    /** The module's own parameters (not its children's) by name; each handle shares the module's tensor. */
    static Map<String, org.bytedeco.pytorch.Tensor> parameters(JitModule module) {
        Map<String, org.bytedeco.pytorch.Tensor> out = new LinkedHashMap<>();
        named_parameter_list list = module.named_parameters(false);
        named_parameter_iterator end = list.end();
        for (named_parameter_iterator it = list.begin(); it.notEquals(end); it = it.increment()) {
            NamedTensor item = it.multiply();
            out.put(item.name().getString(), new org.bytedeco.pytorch.Tensor(item.value()));
        }
        return out;
    }

    /** The module's own buffers (not its children's) by name; each handle shares the module's tensor. */
    static Map<String, org.bytedeco.pytorch.Tensor> buffers(JitModule module) {
        Map<String, org.bytedeco.pytorch.Tensor> out = new LinkedHashMap<>();
        named_buffer_list list = module.named_buffers(false);
        named_buffer_iterator end = list.end();
        for (named_buffer_iterator it = list.begin(); it.notEquals(end); it = it.increment()) {
            NamedTensor item = it.multiply();
            out.put(item.name().getString(), new org.bytedeco.pytorch.Tensor(item.value()));
        }
        return out;
    }

    /** The module's class name, e.g. {@code __torch__.torch.nn.modules.linear.Linear}. */
    static String typeName(JitModule module) {
        return module.type().str().getString();
    }
}
