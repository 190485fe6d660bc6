package org.cutover;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of the packages bound to the engine ({@code process}, {@code engine}, {@code
 * api}) that the worker role needs too; the worker role leaves out every other class of them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WorkerRolePart {}
