package io.repdesk.prevent;

import org.jspecify.annotations.Nullable;

/** What a customer ran at some moment: product, platform and version, each possibly unknown. */
record RunningVersion(@Nullable String product, @Nullable String platform, @Nullable String version) {
}
