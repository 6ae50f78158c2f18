package org.ncs.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write that may meet a concurrent one (two colleagues completing tasks of the same lifecycle, say): when the
 * database or the engine reports the clash, the whole transaction has rolled back, so the method is run again
 * with the same input, a few times, before the caller is told to try again (409). Only the outermost call
 * retries: inside someone else's transaction there is nothing to repeat.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryOnConflict {
}
