/**
 * Not API: the library's own plumbing (native loading, error translation, locks, memory
 * checks), public only so that jtorch's packages can share it. It may change in any release
 * and is left out of the published Javadoc.
 */
package io.jtorch.internal;
