package io.repdesk.search.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OrtEnvironment;

/**
 * Keeps ONNX Runtime's native environment alive until the process ends.
 *
 * <p>ONNX Runtime's Java binding registers a JVM shutdown hook that releases its native environment. Shutdown
 * hooks run at the same time, so the environment goes while repdesk is still closing: requests finishing and the
 * index feeder still embed, and a model run after the release crashes the JVM in native code (seen in a test JVM's
 * shutdown; a child JVM that exits while embedding crashed in 3 of 12 runs, 0 of 12 with this hold). The native
 * environment is counted: asking for it once more here means the binding's release only lowers the count, and
 * repdesk's own close ({@link OnnxEmbedder#close()}) waits for the runs in flight before the process ends.
 */
final class EnvironmentHold {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentHold.class);
    private static final AtomicBoolean TAKEN = new AtomicBoolean();
    /** ONNX Runtime's warning level, the one its Java binding creates the environment with. */
    private static final int WARNING = 2;

    private EnvironmentHold() {
    }

    /** Takes one more reference to the native environment, once per JVM; logs and goes on when it cannot. */
    static void take() {
        OrtEnvironment.getEnvironment();
        if (!TAKEN.compareAndSet(false, true)) {
            return;
        }
        try {
            Field api = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("ortApiHandle");
            api.setAccessible(true);
            Method create = OrtEnvironment.class.getDeclaredMethod("createHandle", long.class, int.class,
                    String.class);
            create.setAccessible(true);
            create.invoke(null, api.getLong(null), WARNING, OrtEnvironment.DEFAULT_NAME);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Could not hold ONNX Runtime's environment open until exit ({}); a model run at JVM shutdown "
                    + "may crash the process", e.toString());
        }
    }
}
